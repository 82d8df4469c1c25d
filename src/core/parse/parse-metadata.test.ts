import { describe, expect, it } from 'vitest';
import { type CorpusFile, readCorpusText } from '../../ingest/testing/corpus.js';
import type { ReportMeta } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

const cases: { file: CorpusFile; meta: ReportMeta }[] = [
  {
    // Xinhua dateline, a title/date/speaker line merged into one, and a photo caption.
    file: 'national-2018-work-report.txt',
    meta: {
      title: '政府工作报告',
      year: 2018,
      date: '2018-03-05',
      place: '国务院',
      speaker: '李克强',
      speakerTitle: '国务院总理',
    },
  },
  {
    // No header at all: the title comes from "向大会报告政府工作", the year from the section titles.
    file: 'national-2019-work-report.txt',
    meta: { title: '政府工作报告', year: 2019, place: '国务院' },
  },
  {
    file: 'national-2023-work-report.txt',
    meta: {
      title: '政府工作报告',
      year: 2023,
      date: '2023-03-05',
      place: '国务院',
      speaker: '李克强',
      speakerTitle: '国务院总理',
    },
  },
  {
    // "国务院总理　李　强" with full-width spaces inside the name.
    file: 'national-2024-work-report.txt',
    meta: {
      title: '政府工作报告',
      year: 2024,
      date: '2024-03-05',
      place: '国务院',
      speaker: '李强',
      speakerTitle: '国务院总理',
    },
  },
  {
    file: 'national-2025-work-report.txt',
    meta: { title: '政府工作报告', year: 2025, place: '国务院' },
  },
  {
    // Date, speaker and caption merged: "…第三次会议上北京市市长 殷勇同志作政府工作报告。"
    file: 'beijing-2025-work-report.txt',
    meta: {
      title: '2025年北京市政府工作报告',
      year: 2025,
      date: '2025-01-14',
      place: '北京市',
      speaker: '殷勇',
      speakerTitle: '北京市市长',
      source: '北京日报',
      attribution: '来源：北京日报',
    },
  },
  {
    // 来源：/时间： lines and a photo caption; 时间 is the publication date, not the delivery date.
    file: 'beijing-2026-work-report.txt',
    meta: {
      title: '2026年北京市政府工作报告',
      year: 2026,
      date: '2026-01-25',
      publishedDate: '2026-02-02',
      place: '北京市',
      speaker: '殷勇',
      speakerTitle: '北京市市长',
      source: '北京日报',
      attribution: '来源：北京日报',
    },
  },
  {
    file: 'guangdong-2025-work-report.txt',
    meta: {
      title: '2025年广东省政府工作报告',
      year: 2025,
      date: '2025-01-15',
      place: '广东省',
      speaker: '王伟中',
      speakerTitle: '广东省省长',
      source: '南方日报',
      attribution: '来源：南方日报',
    },
  },
  {
    file: 'zhejiang-2026-work-report.txt',
    meta: {
      title: '2026年浙江省政府工作报告',
      year: 2026,
      date: '2026-01-14',
      publishedDate: '2026-01-22',
      place: '浙江省',
      speaker: '刘捷',
      speakerTitle: '浙江省省长',
      source: '浙江日报',
      attribution: '来源：浙江日报',
    },
  },
];

describe('report metadata', () => {
  it.each(cases)('reads $file', ({ file, meta }) => {
    const tree = parseReport(normalizeReportText(readCorpusText(file)));
    expect(tree.meta).toEqual(meta);
  });

  it('keeps header noise (dateline, caption, 来源) out of every section', () => {
    for (const file of ['national-2018-work-report.txt', 'beijing-2026-work-report.txt'] as const) {
      const tree = parseReport(normalizeReportText(readCorpusText(file)));
      const first = tree.sections[0];
      expect(first?.title).toBe('各位代表：');
      const paragraphs = tree.sections.flatMap((section) => section.paragraphs.map((p) => p.text));
      expect(paragraphs.some((p) => /新华社|摄$|^来源|^时间/.test(p))).toBe(false);
    }
  });

  it('reads a markdown title and a place from a district report header', () => {
    const tree = parseReport(
      '# 2026年通州区政府工作报告\n\n——2026年1月8日在北京市通州区第十七届人民代表大会第五次会议上\n\n通州区区长 孙  军\n\n各位代表：\n',
    );
    expect(tree.meta).toMatchObject({
      title: '2026年通州区政府工作报告',
      year: 2026,
      date: '2026-01-08',
      place: '北京市通州区',
      speaker: '孙军',
      speakerTitle: '通州区区长',
    });
  });

  it('reads place and year of a summary whose header names neither from its general requirements', () => {
    const tree = parseReport(normalizeReportText(readCorpusText('beijing-subcenter-2026-summary.md')));
    expect(tree.meta).toEqual({
      title: '一图读懂 政府工作报告 (下)',
      place: '北京城市副中心',
      year: 2026,
      attribution: '(陈施君/整理)',
    });
  });

  it('takes the year from the plan a report opens, not from the one it prepares for', () => {
    const summary = (sentence: string): string =>
      `# 政府工作报告（下）\n\n## 总体要求\n\n${sentence}\n\n## 重点工作\n\n### 一、发展经济\n\n- 新增就业1万人\n`;
    expect(
      parseReport(summary('深入贯彻习近平总书记对广东系列重要讲话精神，奋力实现“十四五”良好开局。')).meta,
    ).toMatchObject({ place: '广东', year: 2021 });
    const before = parseReport(summary('全面完成“十四五”目标任务，为实现“十五五”良好开局打牢基础。')).meta;
    expect(before.year).toBeUndefined();
    expect(before.place).toBeUndefined();
  });
});
