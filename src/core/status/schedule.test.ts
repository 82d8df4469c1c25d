import { describe, expect, it } from 'vitest';
import { milestoneCompletion, milestoneExpectedRatio, scheduleRatio } from './schedule.js';

describe('scheduleRatio (序时进度)', () => {
  it.each([
    ['2026-11-30', 11 / 12],
    ['2026-12-31', 1],
    ['2026-06-30', 0.5],
    ['2026-03-31', 0.25],
    ['2026-01-31', 1 / 12],
    ['2026-01-01', 1 / 31 / 12],
    ['2025-12-31', 0],
    ['2027-01-15', 1],
    ['2026-02-14', (1 + 14 / 28) / 12],
  ])('calendar year 2026 at %s', (at, expected) => {
    expect(scheduleRatio(at, '2026-01-01', '2026-12-31')).toBeCloseTo(expected, 10);
  });

  it('end of November is 91.7%', () => {
    expect(Math.round(scheduleRatio('2026-11-30', '2026-01-01', '2026-12-31') * 1000) / 10).toBe(91.7);
  });

  it.each([
    ['2028-02-28', (1 + 28 / 29) / 12],
    ['2028-02-29', 2 / 12],
    ['2028-03-01', (2 + 1 / 31) / 12],
  ])('leap year 2028 at %s', (at, expected) => {
    expect(scheduleRatio(at, '2028-01-01', '2028-12-31')).toBeCloseTo(expected, 10);
  });

  it('uses the task window when the deadline is earlier than the year end', () => {
    expect(scheduleRatio('2026-03-31', '2026-01-01', '2026-06-30')).toBeCloseTo(0.5, 10);
    expect(scheduleRatio('2026-07-01', '2026-01-01', '2026-06-30')).toBe(1);
  });

  it('treats a one-day window as due on that day', () => {
    expect(scheduleRatio('2026-05-01', '2026-05-01', '2026-05-01')).toBe(1);
    expect(scheduleRatio('2026-04-30', '2026-05-01', '2026-05-01')).toBe(0);
  });
});

describe('milestones (形象进度)', () => {
  const quarterly = [
    { due: '2026-03-31', ratio: 0.1 },
    { due: '2026-06-30', ratio: 0.4, done: true },
    { due: '2026-09-30', ratio: 0.7 },
    { due: '2026-12-31', ratio: 1 },
  ];

  it.each([
    ['2026-03-30', 0],
    ['2026-03-31', 0.1],
    ['2026-07-15', 0.4],
    ['2026-12-31', 1],
  ])('expected at %s', (at, expected) => {
    expect(milestoneExpectedRatio(at, quarterly)).toBe(expected);
  });

  it('spreads milestones without ratios evenly', () => {
    const plain = [{ due: '2026-12-31' }, { due: '2026-06-30', done: true }];
    expect(milestoneExpectedRatio('2026-07-01', plain)).toBe(0.5);
    expect(milestoneCompletion(plain)).toBe(0.5);
  });

  it('achieved is the highest done milestone, null without milestones', () => {
    expect(milestoneCompletion(quarterly)).toBe(0.4);
    expect(milestoneCompletion([])).toBeNull();
  });
});
