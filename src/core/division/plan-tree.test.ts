import { describe, expect, it } from 'vitest';
import { parseDivisionPlan } from './parse-division.js';
import { divisionPlanTree } from './plan-tree.js';

describe('divisionPlanTree', () => {
  it('makes areas of headings, measures of sub-headings and tasks of rows, spans pointing at their words', () => {
    const plan = parseDivisionPlan(
      [
        '某县2026年重点任务分工方案',
        '一、稳增长',
        '1.地区生产总值增长5%以上。（县发改委负责）',
        '（一）扩投资',
        '2.完成固定资产投资200亿元。（县发改委牵头，县财政局配合）',
        '二、惠民生',
        '3.新增就业2000人。（县人社局负责）',
      ].map((text, i) => ({ line: i + 1, cells: [text] })),
      { year: 2020 },
    );
    const { tree, places } = divisionPlanTree(plan);
    expect(tree.meta).toEqual({ title: '某县2026年重点任务分工方案', year: 2026 });
    expect(tree.areas.map((a) => [a.label, a.title, a.tasks.length, a.measures.map((m) => m.title)])).toEqual(
      [
        ['一、', '稳增长', 1, ['扩投资']],
        ['二、', '惠民生', 1, []],
      ],
    );
    const tasks = [...tree.areas.flatMap((a) => [...a.tasks, ...a.measures.flatMap((m) => m.tasks)])];
    for (const task of tasks) expect(tree.text.slice(task.span[0], task.span[1])).toBe(task.text);
    for (const area of tree.areas)
      expect(tree.text.slice(area.titleSpan[0], area.titleSpan[1])).toContain(area.title);
    expect(places.map((p) => [p.row.seq, p.area, p.measure, p.task])).toEqual([
      ['1', 0, -1, 0],
      ['2', 0, 0, 0],
      ['3', 1, -1, 0],
    ]);
  });
});
