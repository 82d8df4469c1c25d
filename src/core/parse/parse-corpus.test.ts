import { describe, expect, it } from 'vitest';
import { type CorpusFile, readCorpusText } from '../../ingest/testing/corpus.js';
import type { ReportTree } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

/**
 * Expected structure of every corpus report, counted by reading each text by hand: the tasks
 * section is the top-level "一、…" heading about this year's work, and its work areas are the
 * "（一）…" headings that follow in sequence until the closing "各位代表！" / 政府自身建设 part.
 * Numbered items in review sections, five-year-plan sections, appendices and inline lists
 * ("1.医疗卫生方面") are not areas.
 */
interface Expected {
  file: CorpusFile;
  tasksTitle: string;
  areas: number;
  firstArea: string;
  lastArea: string;
  review: string[];
}

const EXPECTED: Expected[] = [
  {
    // 三、对2018年政府工作的建议: （一）深入推进供给侧结构性改革 … （九）提高保障和改善民生水平.
    // The review 一、过去五年工作回顾 also has （一）…（九）: those are the past five years' work.
    file: 'national-2018-work-report.txt',
    tasksTitle: '对2018年政府工作的建议',
    areas: 9,
    firstArea: '深入推进供给侧结构性改革',
    lastArea: '提高保障和改善民生水平',
    review: ['过去五年工作回顾'],
  },
  {
    // 三、2019年政府工作任务: （一）…（十）, each heading on a line of its own.
    file: 'national-2019-work-report.txt',
    tasksTitle: '2019年政府工作任务',
    areas: 10,
    firstArea: '继续创新和完善宏观调控，确保经济运行在合理区间',
    lastArea: '加快发展社会事业，更好保障和改善民生',
    review: ['2018年工作回顾'],
  },
  {
    // 二、对今年政府工作的建议: （一）着力扩大国内需求 … （八）保障基本民生和发展社会事业.
    // The review has ten （一）…（十） paragraphs of the past five years, which must not count.
    file: 'national-2023-work-report.txt',
    tasksTitle: '对今年政府工作的建议',
    areas: 8,
    firstArea: '着力扩大国内需求',
    lastArea: '保障基本民生和发展社会事业',
    review: ['过去一年和五年工作回顾'],
  },
  {
    // 三、2024年政府工作任务: （一）…（十) as given by the issue.
    file: 'national-2024-work-report.txt',
    tasksTitle: '2024年政府工作任务',
    areas: 10,
    firstArea: '大力推进现代化产业体系建设，加快发展新质生产力',
    lastArea: '切实保障和改善民生，加强和创新社会治理',
    review: ['2023年工作回顾'],
  },
  {
    // 三、2025年政府工作任务: （一）…（十）; no break before 政府自身建设, which must not join （十）.
    file: 'national-2025-work-report.txt',
    tasksTitle: '2025年政府工作任务',
    areas: 10,
    firstArea: '大力提振消费、提高投资效益，全方位扩大国内需求',
    lastArea: '加大保障和改善民生力度，提升社会治理效能',
    review: ['2024年工作回顾'],
  },
  {
    // 二、2025年工作总体要求和重点任务: after "具体要做好以下工作：", （一）…（十一）.
    file: 'beijing-2025-work-report.txt',
    tasksTitle: '2025年工作总体要求和重点任务',
    areas: 11,
    firstArea: '充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破',
    lastArea: '提高城市本质安全水平，切实维护首都和谐稳定',
    review: ['2024年工作回顾'],
  },
  {
    // 三、2026年重点工作: "重点做好十方面工作。" then （一）…（十）, as given by the issue.
    file: 'beijing-2026-work-report.txt',
    tasksTitle: '2026年重点工作',
    areas: 10,
    firstArea: '深入落实城市总体规划，推动京津冀协同发展走深走实',
    lastArea: '全面推进韧性城市建设，筑牢首都安全防线',
    // 二、“十四五”时期发展成就和“十五五”时期主要目标任务 ends on the five-year plan: kind plan.
    review: ['2025年工作回顾'],
  },
  {
    // 二、2025年工作安排: "重点抓好以下十二个方面：" then （一）…（十二）(the last is 政府自身建设).
    // 附件1 reuses 一、…十、 for the ten 民生实事; 附件2 is a glossary 1.…18.
    file: 'guangdong-2025-work-report.txt',
    tasksTitle: '2025年工作安排',
    areas: 12,
    firstArea: '做实粤港澳大湾区“一点两地”全新定位，更好发挥高质量发展动力源作用',
    lastArea: '全面加强政府自身建设，努力建设人民满意的政府',
    review: ['2024年工作回顾'],
  },
  {
    // 三、2026年重点工作: （一）…（九）, a "各位代表！" break with the 1.…10. 民生实事 list, then （十）.
    // The review and the 十五五 section each have their own （一）… runs.
    file: 'zhejiang-2026-work-report.txt',
    tasksTitle: '2026年重点工作',
    areas: 10,
    firstArea: '着力提振市场信心增强社会预期',
    lastArea: '着力加强政府自身建设',
    review: ['2025年主要工作和“十四五”发展成就'],
  },
];

function allTasks(tree: ReportTree): string[] {
  return tree.areas.flatMap((area) => [
    ...area.tasks.map((task) => task.text),
    ...area.measures.flatMap((measure) => measure.tasks.map((task) => task.text)),
  ]);
}

describe.each(EXPECTED)('parseReport on $file (prose style)', (expected) => {
  const text = normalizeReportText(readCorpusText(expected.file));
  const tree = parseReport(text);
  const tasksSections = tree.sections.filter((section) => section.kind === 'tasks');

  it('finds exactly one tasks section with the right title', () => {
    expect(tasksSections.map((section) => section.title)).toEqual([expected.tasksTitle]);
  });

  it('classifies the review sections as review, never as tasks', () => {
    const reviews = tree.sections.filter((section) => section.kind === 'review');
    expect(reviews.map((section) => section.title)).toEqual(expected.review);
    expect(reviews.every((section) => section.areas.length === 0)).toBe(true);
    const firstTasks = tree.sections.findIndex((section) => section.kind === 'tasks');
    const lastReview = tree.sections.findLastIndex((section) => section.kind === 'review');
    expect(lastReview).toBeLessThan(firstTasks);
    const reviewEnd = Math.max(...reviews.map((section) => section.span[1]));
    expect(tree.areas.every((area) => area.span[0] >= reviewEnd)).toBe(true);
  });

  it(`finds ${expected.areas} work areas, numbered in sequence`, () => {
    // Other work after the areas (国防, 民族宗教, 港澳台, 外交…) is one unnumbered area of its own.
    const numbered = tree.areas.filter((area) => !area.unnumbered);
    expect(numbered).toHaveLength(expected.areas);
    expect(numbered[0]?.title).toBe(expected.firstArea);
    expect(numbered.at(-1)?.title).toBe(expected.lastArea);
    numbered.forEach((area, index) => {
      expect(area.label).toMatch(/^（[一二三四五六七八九十]+）$/);
      expect(text.slice(area.titleSpan[0], area.titleSpan[1])).toBe(area.title);
      if (index > 0) expect(area.span[0]).toBeGreaterThanOrEqual(numbered[index - 1]?.span[1] ?? 0);
    });
  });

  it('turns paragraphs into measures and sentences into tasks', () => {
    const tasks = allTasks(tree);
    expect(tasks.length).toBeGreaterThan(expected.areas * 4);
    expect(tasks.every((task) => task.length > 0 && !/^各位代表/.test(task))).toBe(true);
    for (const area of tree.areas) {
      for (const measure of area.measures) {
        // A topic sentence is one sentence: no terminator inside the title.
        expect(measure.title).not.toMatch(/[。；！？]/);
        expect(text.slice(measure.titleSpan[0], measure.titleSpan[1])).toBe(measure.title);
      }
    }
  });
});

describe('prose details', () => {
  const parse = (file: CorpusFile): ReportTree => parseReport(normalizeReportText(readCorpusText(file)));

  it('reads the national 2024 topic sentence as the measure title and the rest as tasks', () => {
    const tree = parse('national-2024-work-report.txt');
    const area = tree.areas[0];
    expect(area?.preamble?.text.startsWith('充分发挥创新主导作用')).toBe(true);
    expect(area?.measures[0]?.title).toBe('推动产业链供应链优化升级');
    expect(area?.measures[0]?.tasks[0]?.text).toBe('保持工业经济平稳运行');
    expect(area?.measures.map((measure) => measure.title)).toEqual([
      '推动产业链供应链优化升级',
      '积极培育新兴产业和未来产业',
      '深入推进数字经济创新发展',
    ]);
  });

  it('treats the first paragraph under an own-line heading as the preamble (Beijing 2026)', () => {
    const area = parse('beijing-2026-work-report.txt').areas[0];
    expect(area?.preamble?.text).toBe(
      '坚持首都城市战略定位，发挥“一核”辐射带动作用，加快建设现代化首都都市圈，不断提升区域综合竞争力。',
    );
    expect(area?.measures[0]?.title).toBe('充分发挥规划统筹引领作用');
  });

  it('never makes Guangdong appendix items areas, and keeps them in appendix sections', () => {
    const tree = parse('guangdong-2025-work-report.txt');
    const appendices = tree.sections.filter((section) => section.kind === 'appendix');
    expect(appendices.map((section) => [section.label, section.title])).toEqual([
      ['附件1', '2025年省十件民生实事'],
      ['附件2', '名词解释'],
    ]);
    expect(appendices[0]?.paragraphs).toHaveLength(10);
    expect(appendices[1]?.paragraphs).toHaveLength(18);
    expect(tree.areas.some((area) => area.title.includes('为老年人提供健康管理'))).toBe(false);
  });

  it('keeps the Zhejiang 1.…10. 民生实事 list as tasks of an unnumbered area between （九） and （十）', () => {
    const tree = parse('zhejiang-2026-work-report.txt');
    const other = tree.areas.find((area) => area.unnumbered);
    const list = other?.tasks.filter((task) => /^\d+\./.test(task.text)) ?? [];
    expect(list).toHaveLength(10);
    expect(list[0]?.text.startsWith('1.医疗卫生方面')).toBe(true);
    expect(other?.preamble?.text.startsWith('各位代表！')).toBe(true);
    const [ninth, tenth] = [tree.areas[8], tree.areas[10]];
    expect(ninth && other && ninth.span[1] <= other.span[0]).toBe(true);
    expect(tenth?.label).toBe('（十）');
  });

  it('marks the general requirements and main targets that open a tasks section', () => {
    const tasks = parse('beijing-2026-work-report.txt').sections.find((section) => section.kind === 'tasks');
    expect(tasks?.requirements?.map((paragraph) => paragraph.text.slice(0, 12))).toEqual([
      '今年是“十五五”开局之年',
      '今年经济社会发展主要预期',
    ]);
    const national = parse('national-2024-work-report.txt').sections.find(
      (section) => section.kind === 'tasks',
    );
    expect(national?.requirements).toBeUndefined();
  });

  it('splits the closing part into self-building and other sections', () => {
    const tree = parse('national-2025-work-report.txt');
    const kinds = tree.sections.map((section) => section.kind);
    expect(kinds).toEqual(['other', 'review', 'requirements', 'tasks', 'self-building', 'other']);
    // 民族, 国防, 港澳, 台湾 and 外交 follow self-building without a break: they are other work,
    // an unnumbered area of the tasks section, not self-building paragraphs.
    const other = tree.areas.at(-1);
    expect(other?.unnumbered).toBe(true);
    expect(other?.title).toBe('其他工作');
    expect(other?.tasks[0]?.text.startsWith('我们要以铸牢中华民族共同体意识为主线')).toBe(true);
    expect(tree.sections.find((section) => section.kind === 'self-building')?.paragraphs).toHaveLength(3);
    // 今年将开展“十五五”规划编制工作 follows （十） but is the year's work as a whole: other work.
    expect(tree.areas.at(-3)?.measures.map((measure) => measure.title)).toEqual([
      '更大力度稳定和扩大就业',
      '强化基本医疗卫生服务',
      '完善社会保障和服务政策',
      '加强精神文明建设',
      '维护国家安全和社会稳定',
    ]);
    expect(tree.areas.at(-2)?.tasks[0]?.text).toBe('今年将开展“十五五”规划编制工作');
    expect(tree.areas.at(-2)?.unnumbered).toBe(true);
  });

  it('gives one-paragraph areas (national 2023) their sentences as tasks', () => {
    const area = parse('national-2023-work-report.txt').areas[0];
    expect(area?.preamble).toBeUndefined();
    expect(area?.tasks[0]?.text).toBe('把恢复和扩大消费摆在优先位置');
    expect(area?.tasks.length).toBeGreaterThanOrEqual(3);
  });
});
