import { describe, expect, it } from 'vitest';
import { parseDivisionDeadline } from './deadline.js';
import { type DivisionSourceLine, parseDivisionPlan } from './parse-division.js';
import { parseResponsibility } from './responsibility.js';

const lines = (...texts: string[]): DivisionSourceLine[] =>
  texts.map((text, index) => ({ line: index + 1, cells: text.split('\t') }));

describe('parseResponsibility', () => {
  it('reads the labelled parenthetical', () => {
    expect(
      parseResponsibility(
        '牵头单位：区交通局；配合单位：区规划自然资源分局、区重大项目办；责任领导：王强；完成时限：2026年12月底',
        2026,
      ),
    ).toEqual({
      lead: ['区交通局'],
      cooperating: ['区规划自然资源分局', '区重大项目办'],
      leaders: ['王强'],
      deadlineText: '2026年12月底',
    });
  });

  it('reads short forms: 牵头/主办/负责 lead, 配合/协办/参与 cooperate', () => {
    expect(
      parseResponsibility('区文化旅游局牵头，各街道、各乡镇配合；责任领导：孙丽；年底前完成', 2026),
    ).toEqual({
      lead: ['区文化旅游局'],
      cooperating: ['各街道', '各乡镇'],
      leaders: ['孙丽'],
      deadlineText: '年底前完成',
    });
    expect(parseResponsibility('区发改委、区财政局主办', 2026).lead).toEqual(['区发改委', '区财政局']);
    expect(parseResponsibility('区民政局负责', 2026).lead).toEqual(['区民政局']);
    expect(parseResponsibility('由区商务局牵头，区发改委参与', 2026)).toMatchObject({
      lead: ['区商务局'],
      cooperating: ['区发改委'],
    });
    // A bare list of units names the responsible units.
    expect(parseResponsibility('区水务局、区园林绿化局', 2026).lead).toEqual(['区水务局', '区园林绿化局']);
  });
});

describe('parseDivisionDeadline', () => {
  it.each([
    ['2026年12月底', '2026-12-31'],
    ['12月底前', '2026-12-31'],
    ['年底前', '2026-12-31'],
    ['年底前完成', '2026-12-31'],
    ['上半年', '2026-06-30'],
    ['三季度末', '2026-09-30'],
    ['全年', '2026-12-31'],
    ['6月30日前', '2026-06-30'],
    ['2027年6月底前完成', '2027-06-30'],
    ['长期坚持', null],
    ['持续推进', null],
    ['常态化开展', null],
  ])('%s → %s', (text, date) => {
    expect(parseDivisionDeadline(text, 2026)).toEqual({ ok: true, date });
  });

  it('says when it cannot read a deadline', () => {
    expect(parseDivisionDeadline('视情况而定', 2026)).toEqual({ ok: false });
  });
});

describe('parseDivisionPlan', () => {
  it('reads a table under a merged title with header synonyms and merged area rows', () => {
    const plan = parseDivisionPlan(
      lines(
        'X市2025年重点工作任务清单\tX市2025年重点工作任务清单\tX市2025年重点工作任务清单',
        '序号\t主要任务\t牵头单位\t配合单位\t牵头市领导\t完成时限',
        '一、扩大有效投资\t一、扩大有效投资\t一、扩大有效投资\t一、扩大有效投资\t一、扩大有效投资\t一、扩大有效投资',
        '1\t完成固定资产投资增长6%\t市发改委\t市财政局，市统计局\n市住建局\t张三\t三季度末',
        '2\t推进城市更新\t\t\t李四\t年底前',
      ),
      { year: 2030 },
    );
    expect(plan.title).toBe('X市2025年重点工作任务清单');
    expect(plan.year).toBe(2025);
    expect(plan.rows[0]).toMatchObject({
      line: 4,
      seq: '1',
      area: '一、扩大有效投资',
      lead: ['市发改委'],
      cooperating: ['市财政局', '市统计局', '市住建局'],
      leaders: ['张三'],
      deadline: '2025-09-30',
      problems: [],
    });
    // A row without any unit is reported with its row number.
    expect(plan.rows[1]?.problems).toEqual([
      { code: 'no_unit', en: 'Row 5 (No. 2) names no unit', zh: '第 5 行（序号 2）未注明牵头或配合单位' },
    ]);
  });

  it('reads numbered paragraphs, a responsibility line under its task, and flags a bad deadline', () => {
    const plan = parseDivisionPlan(
      lines(
        '某县2026年政府工作报告重点任务分工方案',
        '一、稳增长',
        '1.地区生产总值增长5%以上。（县发改委、县财政局主办）',
        '2.新建5G基站300个。',
        '（牵头单位：县工信局；完成时限：视情况）',
        '（二）惠民生',
        '3.新增就业2000人（县人社局负责）。',
      ),
      { year: 2020 },
    );
    expect(plan.rows.map((row) => [row.seq, row.area, row.measure, row.text, row.lead])).toEqual([
      ['1', '一、稳增长', null, '地区生产总值增长5%以上', ['县发改委', '县财政局']],
      ['2', '一、稳增长', null, '新建5G基站300个', ['县工信局']],
      ['3', '一、稳增长', '（二）惠民生', '新增就业2000人', ['县人社局']],
    ]);
    expect(plan.rows[1]?.problems.map((p) => p.code)).toEqual(['bad_deadline']);
  });

  it('refuses text with no table and no row naming a unit', () => {
    expect(() => parseDivisionPlan(lines('一、总体要求', '1.坚持稳中求进。'), { year: 2026 })).toThrow(
      expect.objectContaining({ code: 'not_division_plan', status: 400 }),
    );
  });
});
