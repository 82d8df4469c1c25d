import { describe, expect, it } from 'vitest';
import type { ReportTree } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

/** Small reports in the styles of issue 15, written for the test (no corpus text). */
const parse = (lines: string[]): ReportTree => parseReport(normalizeReportText(lines.join('\n')));
const measureTitles = (tree: ReportTree, index: number): string[] =>
  tree.areas[index]?.measures.map((measure) => measure.title) ?? [];

describe('report styles', () => {
  it('takes a slogan-titled section after the review as the tasks section, by what it opens on', () => {
    const tree = parse([
      '各位代表：',
      '一、2025年工作回顾',
      '（一）稳住了经济大盘。全年增长5%。',
      '（二）办成了一批实事。新建学校3所。',
      '二、奋力谱写高质量发展新篇章',
      '今年是“十五五”开局之年。做好今年工作，要坚持稳中求进。',
      '（一）扩大内需',
      '提振消费。开展以旧换新活动。举办促消费活动100场。',
      '扩大有效投资。新开工重大项目200个。推进城市更新。',
      '（二）发展产业',
      '培育新兴产业。新增高新技术企业300家。建设产业园区。',
    ]);
    expect(tree.sections.map((section) => [section.kind, section.title])).toEqual([
      ['other', '各位代表：'],
      ['review', '2025年工作回顾'],
      ['tasks', '奋力谱写高质量发展新篇章'],
    ]);
    expect(tree.areas.map((area) => area.title)).toEqual(['扩大内需', '发展产业']);
    expect(measureTitles(tree, 0)).toEqual(['提振消费', '扩大有效投资']);
    // An area whose whole body is one paragraph has no measures: its sentences are its tasks.
    expect(measureTitles(tree, 1)).toEqual([]);
    expect(tree.areas[1]?.tasks.map((task) => task.text)).toEqual([
      '培育新兴产业',
      '新增高新技术企业300家',
      '建设产业园区',
    ]);
  });

  it('reads a five-year plan as kind plan, self-building as a marked last area, other work as an unnumbered area', () => {
    const tree = parse([
      '各位代表：',
      '一、“十五五”时期主要目标任务',
      '（一）建设现代化产业体系。到2030年制造业比重稳定。',
      '（二）提高人民生活品质。居民收入持续增长。',
      '二、2026年重点工作',
      '（一）扩大内需',
      '提振消费。开展以旧换新活动。举办促消费活动100场。',
      '（二）全面加强政府自身建设',
      '坚持依法行政。严格执行重大行政决策程序。落实政务公开制度。',
      '各位代表！',
      '我们要全力支持国防和军队现代化建设，做好双拥工作。深化民族团结进步教育。',
      '各位代表！让我们更加紧密地团结起来，奋力谱写新篇章！',
    ]);
    const plan = tree.sections.find((section) => section.kind === 'plan');
    expect(plan?.title).toBe('“十五五”时期主要目标任务');
    expect(plan?.areas).toEqual([]);
    expect(tree.areas.map((area) => [area.title, area.selfBuilding, area.unnumbered])).toEqual([
      ['扩大内需', undefined, undefined],
      ['全面加强政府自身建设', true, undefined],
      ['其他工作', undefined, true],
    ]);
    expect(tree.areas[2]?.tasks.map((task) => task.text)).toEqual([
      '我们要全力支持国防和军队现代化建设，做好双拥工作',
      '深化民族团结进步教育',
    ]);
    expect(tree.areas[2]?.preamble?.text).toBe('各位代表！');
    expect(tree.sections.at(-1)?.kind).toBe('other');
  });

  it('reads a short topic line over its body paragraph as a measure', () => {
    const tree = parse([
      '各位代表：',
      '一、2026年重点工作',
      '（一）推动绿色转型',
      '加强生态保护修复。',
      '实施自然保护地整合优化，提升国家公园建设水平。推进湿地保护。',
      '深入打好蓝天保卫战。',
      '开展空气质量持续改善行动。加强重点流域治理。',
      '（二）扩大内需',
      '加力扩大有效投资。',
      '用好专项债券，实施重点项目500个。优化投资结构。',
    ]);
    expect(measureTitles(tree, 0)).toEqual(['加强生态保护修复', '深入打好蓝天保卫战']);
    expect(tree.areas[0]?.measures[0]?.tasks.map((task) => task.text)).toEqual([
      '实施自然保护地整合优化，提升国家公园建设水平',
      '推进湿地保护',
    ]);
    expect(measureTitles(tree, 1)).toEqual(['加力扩大有效投资']);
  });

  it('keeps a closing paragraph of pure rhetoric as the area closing, neither measure nor task', () => {
    const tree = parse([
      '各位代表：',
      '一、2026年重点工作',
      '（一）扩大开放',
      '重构开放通道。开通国际货运航线10条。建设陆港。',
      '提升开放平台。推进自贸试验区建设。办好博览会。',
      '本省正全面融入世界经济，我们愿与海内外朋友共享机遇、共赢未来。',
      '（二）发展产业',
      '培育新兴产业。新增高新技术企业300家。建设产业园区。',
    ]);
    expect(measureTitles(tree, 0)).toEqual(['重构开放通道', '提升开放平台']);
    expect(tree.areas[0]?.closing?.text).toBe(
      '本省正全面融入世界经济，我们愿与海内外朋友共享机遇、共赢未来。',
    );
  });

  it('drops web page controls and reads the header before 各位代表：', () => {
    const tree = parse([
      '下载',
      '打印',
      '【字号：',
      '加大',
      '】',
      '2026年某某省政府工作报告',
      '——二〇二六年一月二十七日在某某省第十四届人民代表大会第四次会议上',
      '来源：某某日报',
      '某某省省长 王某某',
      '各位代表：',
      '一、2026年重点工作',
      '（一）扩大内需',
      '提振消费。开展以旧换新活动。举办促消费活动100场。',
      '相关报道：',
    ]);
    expect(tree.meta).toMatchObject({
      title: '2026年某某省政府工作报告',
      year: 2026,
      date: '2026-01-27',
      place: '某某省',
      speaker: '王某某',
    });
    expect(tree.meta.attribution).toBe('来源：某某日报');
  });
});
