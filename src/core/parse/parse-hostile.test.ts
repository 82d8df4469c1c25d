import { describe, expect, it } from 'vitest';
import { normalizeReportText, parseReport } from './index.js';

/**
 * Odd but valid text gets a best-effort tree, never an exception or a hang. Sizes are large
 * enough that anything quadratic would blow the test timeout (these are not speed claims:
 * bench/parse.ts measures speed).
 */
describe('parseReport on hostile text', () => {
  it('flattens 2,000 levels of nested bullets into tasks', () => {
    const lines = ['三、2026年重点工作', '（一）推进城市建设', '- 持续提升承载力'];
    // 2,000 levels of two-space indentation is already 4 MB of text.
    for (let depth = 1; depth <= 2_000; depth++) lines.push(`${'  '.repeat(depth)}- 第${depth}层任务`);
    const tree = parseReport(lines.join('\n'));
    expect(tree.areas).toHaveLength(1);
    expect(tree.areas[0]?.measures[0]?.title).toBe('持续提升承载力');
    expect(tree.areas[0]?.measures[0]?.tasks).toHaveLength(2_000);
  });

  it('handles one 1 MB line with 375,000 unmatched quotes and brackets', () => {
    const line = '（一）推动发展。'.concat('“（《推进建设。'.repeat(125_000));
    const tree = parseReport(`三、政府工作任务\n${line}`);
    expect(tree.areas).toHaveLength(1);
    expect(tree.areas[0]?.tasks.length).toBe(125_000);
  });

  it('handles a paragraph of 60,000 short sentences in a row before 8,000 long ones', () => {
    // Every short sentence of the row is weighed against the text after the row: once, not each.
    const paragraph =
      '（一）扩大内需。导语，说明。' +
      '做好工作事项。'.repeat(60_000) +
      '推进一项工作，完成二项任务，做好三项的工作任务。'.repeat(8_000);
    const tree = parseReport(`三、政府工作任务\n${paragraph}`);
    expect(tree.areas).toHaveLength(1);
    expect(tree.areas[0]?.tasks.length).toBe(68_001);
  });

  it('handles a paragraph of 40,000 short sentences, each with a body, none a topic', () => {
    // Each short sentence is weighed against the text up to the next topic without copying it.
    const paragraph =
      '（一）扩大内需。导语，说明。' + '甲乙丙丁。推进一项工作，完成二项任务。'.repeat(40_000);
    const tree = parseReport(`三、政府工作任务\n${paragraph}`);
    expect(tree.areas[0]?.measures).toEqual([]);
    expect(tree.areas[0]?.tasks.length).toBe(80_001);
  });

  it('handles 50,000 heading-like lines and terminator runs', () => {
    const headings = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '一、' : '（一）重点。')).join('\n');
    expect(() => parseReport(headings)).not.toThrow();
    expect(parseReport('。'.repeat(1_000_000)).areas).toEqual([]);
    expect(parseReport('\n'.repeat(500_000)).sections).toEqual([]);
  });

  it('gives an empty tree for empty and whitespace-only text', () => {
    for (const text of ['', '   ', '\n\n\u3000\u3000\n', '\u200b']) {
      const tree = parseReport(normalizeReportText(text));
      expect(tree.sections).toEqual([]);
      expect(tree.areas).toEqual([]);
      expect(tree.meta.title).toBe('');
    }
  });

  it('reads a bare bullet list as one tasks area (best effort)', () => {
    const tree = parseReport('- 建成口袋公园10个\n- 新增学位6500个\n');
    expect(tree.sections.map((s) => s.kind)).toEqual(['tasks']);
    expect(tree.areas[0]?.tasks.map((t) => t.text)).toEqual(['建成口袋公园10个', '新增学位6500个']);
  });

  it('reads an outline without Markdown: 一、 areas, （一） measures, 1. tasks', () => {
    const text = [
      '2026年某县政府工作报告',
      '一、2025年工作回顾',
      '（一）经济平稳。地区生产总值增长5%。',
      '二、2026年重点工作',
      '一、推动产业升级',
      '（一）壮大实体经济',
      '1. 新建标准厂房10万平方米。',
      '2. 培育专精特新企业20家。',
      '（二）扩大有效投资',
      '1. 实施重点项目100个。',
      '二、保障改善民生',
      '（一）办好民生实事',
      '1. 新增托位300个。',
    ].join('\n');
    const tree = parseReport(text);
    expect(tree.sections.map((s) => [s.kind, s.title])).toEqual([
      ['review', '2025年工作回顾'],
      ['tasks', '2026年重点工作'],
    ]);
    expect(
      tree.areas.map((a) => [
        a.label,
        a.title,
        a.measures.map((m) => [m.label, m.title, m.tasks.map((t) => t.text)]),
      ]),
    ).toEqual([
      [
        '一、',
        '推动产业升级',
        [
          ['（一）', '壮大实体经济', ['新建标准厂房10万平方米', '培育专精特新企业20家']],
          ['（二）', '扩大有效投资', ['实施重点项目100个']],
        ],
      ],
      ['二、', '保障改善民生', [['（一）', '办好民生实事', ['新增托位300个']]]],
    ]);
  });
});

describe('numbering label variants', () => {
  it('reads ASCII parentheses and full-width digits as labels', () => {
    const tree = parseReport(
      [
        '三、2026年重点工作',
        '(一)推进建设',
        '１．新建厂房。',
        '２．培育企业。',
        '(二)保障民生',
        '（１）新增托位。',
      ].join('\n'),
    );
    expect(tree.areas.map((a) => [a.label, a.title])).toEqual([
      ['(一)', '推进建设'],
      ['(二)', '保障民生'],
    ]);
    // Numbered single sentences with nothing under them are the area's tasks.
    expect(tree.areas[0]?.measures).toEqual([]);
    expect(tree.areas[0]?.tasks.map((t) => [t.label, t.text])).toEqual([
      ['１．', '新建厂房'],
      ['２．', '培育企业'],
    ]);
    expect(tree.areas[1]?.tasks.map((t) => [t.label, t.text])).toEqual([['（１）', '新增托位']]);
  });
});
