import { describe, expect, it } from 'vitest';
import { buildTree } from './build-tree.test-helper.js';
import { formatQuantity } from './compare-targets.js';
import { diffReports } from './diff-reports.js';
import { matchItems } from './match-items.js';
import { sketchAnalyze } from './sketch-analyzer.test-helper.js';

const before = buildTree({
  title: '2025年政府工作报告',
  year: 2025,
  requirements: ['今年主要预期目标是：城镇新增就业1200万人以上；城镇调查失业率5.5%左右。'],
  areas: [
    {
      title: '扎实办好民生实事',
      measures: [
        {
          title: '办好人民满意的教育',
          tasks: ['新增中小学学位5000个', '建设一批高品质学校', '开展青少年科技节活动'],
        },
        { title: '完善养老服务体系', tasks: ['建设养老服务驿站30个', '推进老旧小区适老化改造'] },
      ],
    },
    {
      title: '推动城市更新',
      measures: [{ title: '改善人居环境', tasks: ['完成老旧小区改造100个', '整治背街小巷200条'] }],
    },
  ],
});

const after = buildTree({
  title: '2026年政府工作报告',
  year: 2026,
  requirements: ['今年主要预期目标是：城镇新增就业1200万人左右；城镇调查失业率5%以内。'],
  areas: [
    {
      title: '持续办好民生实事',
      measures: [
        {
          title: '办好人民满意的教育',
          tasks: ['新增中小学学位6500个', '建设一批高品质学校', '实施中小学体育场馆开放计划'],
        },
        { title: '完善养老服务体系', tasks: ['建设养老服务驿站25个', '加快推进老旧小区适老化改造工作'] },
      ],
    },
    {
      title: '推动城市更新',
      measures: [{ title: '改善人居环境', tasks: ['完成老旧小区改造100个'] }],
    },
  ],
});

describe('matchItems', () => {
  it('pairs the same sentence even when numbers differ, and leaves unrelated ones alone', () => {
    const matches = matchItems(
      ['新增中小学学位5000个', '整治背街小巷200条'],
      ['种植树木一千棵', '新增中小学学位6500个'],
    );
    expect(matches).toEqual([{ before: 0, after: 1, similarity: 1 }]);
  });

  it('prefers the candidate at the same relative position when two are equally similar', () => {
    const matches = matchItems(
      ['推进河道治理', '其他', '推进河道治理'],
      ['推进河道治理', '别的', '推进河道治理'],
    );
    expect(matches.map((m) => [m.before, m.after])).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });
});

describe('diffReports', () => {
  const diff = diffReports(before, after, { analyze: sketchAnalyze });

  it('classifies tasks as continued, reworded, new and dropped', () => {
    const statusOf = (text: string) =>
      diff.areas
        .flatMap((a) => a.items)
        .find((i) => i.after?.text === text || (i.status === 'dropped' && i.before?.text === text))?.status;
    expect(statusOf('建设一批高品质学校')).toBe('continued');
    expect(statusOf('新增中小学学位6500个')).toBe('continued');
    expect(statusOf('加快推进老旧小区适老化改造工作')).toBe('reworded');
    expect(statusOf('实施中小学体育场馆开放计划')).toBe('new');
    expect(statusOf('开展青少年科技节活动')).toBe('dropped');
    expect(statusOf('整治背街小巷200条')).toBe('dropped');
    // Tasks only: the measure headings and requirement clauses are compared but not counted.
    expect(diff.counts).toEqual({ continued: 4, reworded: 1, new: 1, dropped: 2 });
  });

  it('compares targets by subject and unit with a readable summary', () => {
    const summaries = diff.targets.map((t) => `${t.movement}: ${t.summary}`);
    expect(summaries).toContain('raised: 中小学学位 5000 → 6500 个');
    expect(summaries).toContain('lowered: 养老服务驿站 30 → 25 个');
    expect(summaries).toContain('changed: 城镇新增就业 ≥1200万 → 约1200万 人');
    expect(summaries).toContain('lowered: 城镇调查失业率 约5.5 → ≤5 %');
    expect(summaries).toContain('unchanged: 老旧小区改造 100 → 100 个');
    expect(summaries).toContain('dropped: 整治背街小巷 不再提出（原 200 条）');
    expect(diff.targetCounts).toEqual({
      raised: 1,
      lowered: 2,
      unchanged: 1,
      changed: 1,
      new: 0,
      dropped: 1,
    });
  });

  it('groups items by work area and places dropped items in the area they came from', () => {
    expect(diff.areas.map((a) => [a.before?.title, a.after?.title])).toEqual([
      ['总体要求和主要预期目标', '总体要求和主要预期目标'],
      ['扎实办好民生实事', '持续办好民生实事'],
      ['推动城市更新', '推动城市更新'],
    ]);
    const renewal = diff.areas[2]!;
    expect(renewal.counts).toEqual({ continued: 1, reworded: 0, new: 0, dropped: 1 });
    expect(renewal.items.map((i) => i.status)).toEqual(['continued', 'continued', 'dropped']);
  });

  it('finds nothing changed when a report is compared with itself', () => {
    const same = diffReports(after, after, { analyze: sketchAnalyze });
    // Its six tasks continue; its three measures and two requirement clauses are not counted.
    expect(same.counts).toEqual({ continued: 6, reworded: 0, new: 0, dropped: 0 });
    expect(same.targets.every((t) => t.movement === 'unchanged')).toBe(true);
  });
});

describe('formatQuantity', () => {
  it('writes large numbers with 万 and 亿 like the reports do', () => {
    expect(formatQuantity(12_000_000)).toBe('1200万');
    expect(formatQuantity(1.4e12)).toBe('1.4万亿');
    expect(formatQuantity(6500)).toBe('6500');
    expect(formatQuantity(5.5)).toBe('5.5');
  });
});
