import { describe, expect, it } from 'vitest';
import { type IndicatorRule, judgeIndicator, lowerIsBetter } from './indicator.js';
import { taskStatus } from './task-status.js';

const gdp: IndicatorRule = {
  value: 5,
  comparator: '~',
  change: 'growth-rate',
  unit: '%',
  subject: '地区生产总值',
};
const jobs: IndicatorRule = {
  value: 120000,
  comparator: '>=',
  change: 'increase',
  unit: '人',
  subject: '城镇新增就业',
};
const unemployment: IndicatorRule = {
  value: 5.5,
  comparator: '~',
  change: 'level',
  unit: '%',
  subject: '城镇调查失业率',
};
const cpi: IndicatorRule = {
  value: 2,
  comparator: '~',
  change: 'growth-rate',
  unit: '%',
  subject: '居民消费价格涨幅',
};
const range: IndicatorRule = {
  value: 5,
  max: 5.5,
  comparator: 'between',
  change: 'growth-rate',
  unit: '%',
  subject: '地区生产总值',
};

describe('judgeIndicator (主要预期目标 by value)', () => {
  it.each([
    [gdp, 5.2, 'reached'],
    [gdp, 4.8, 'reached'], // 左右: 0.2 points either side
    [gdp, 4.5, 'near'],
    [gdp, 4.2, 'behind'],
    [range, 5, 'reached'],
    [range, 4.6, 'near'],
    [jobs, 120000, 'reached'],
    [jobs, 115000, 'near'], // within 5%
    [jobs, 100000, 'behind'],
    [unemployment, 5.2, 'reached'],
    [unemployment, 5.7, 'reached'],
    [unemployment, 6.1, 'near'],
    [unemployment, 6.5, 'behind'],
    [cpi, 0.1, 'reached'],
    [cpi, 2.6, 'near'],
  ] as const)('%o with %d is %s', (rule, actual, verdict) => {
    expect(judgeIndicator(rule, actual)).toBe(verdict);
  });

  it('gives null when nothing was reported', () => {
    expect(judgeIndicator(gdp, null)).toBeNull();
  });

  it('reads caps and prices as lower-is-better, decreases and growth as higher-is-better', () => {
    expect(lowerIsBetter({ value: 5, comparator: '<=', change: 'level' })).toBe(true);
    expect(lowerIsBetter(cpi)).toBe(true);
    expect(lowerIsBetter({ ...cpi, subject: '单位GDP能耗', change: 'decrease' })).toBe(false);
    expect(lowerIsBetter(gdp)).toBe(false);
  });
});

describe('taskStatus with judgeByValue', () => {
  const status = (achieved: number | null, at = '2026-04-15') =>
    taskStatus({ year: 2026, targets: [{ target: gdp, achieved }], judgeByValue: true }, at);

  it('judges a Q1 growth of 5.2% against 5%左右 as on track, not as 104% of a cumulative amount', () => {
    const s = status(5.2);
    expect(s).toMatchObject({ basis: 'indicator', class: 'on_track', light: 'green', completion: 1 });
    expect(s.indicator?.verdict).toBe('reached');
  });

  it('is yellow when near and red when behind, completed once the year is over', () => {
    expect(status(4.5)).toMatchObject({ class: 'behind', light: 'yellow', escalation: 'yellow' });
    expect(status(4.0)).toMatchObject({ class: 'behind', light: 'red', escalation: 'red' });
    expect(status(5.0, '2026-12-31')).toMatchObject({ class: 'completed', light: 'green' });
  });

  it('falls back to the usual rules while nothing is reported', () => {
    expect(status(null)).toMatchObject({ basis: 'none', class: 'not_started' });
  });
});
