import { describe, expect, it } from 'vitest';
import { type TargetRule, targetCompletion } from './completion.js';

const increase = (value: number): TargetRule => ({ value, comparator: '>=', change: 'increase' });
const cap = (value: number, comparator: '<=' | '<' = '<='): TargetRule => ({
  value,
  comparator,
  change: 'level',
});

describe('targetCompletion', () => {
  it.each([
    ['half of 6500 school places', increase(6500), 3250, 0.5],
    ['all of them', increase(6500), 6500, 1],
    ['more than promised is capped at 1', increase(1300), 1500, 1],
    ['zero reported', increase(6500), 0, 0],
    ['negative reported', increase(100), -5, 0],
    ['missing value', increase(6500), null, null],
    ['NaN value', increase(6500), Number.NaN, null],
    ['unemployment 4.8% under a 5% cap', cap(5), 4.8, 1],
    ['exactly at a ≤ cap', cap(5), 5, 1],
    ['a strict < cap reported at its bound is treated as kept', cap(5, '<'), 5, 1],
    ['above the cap', cap(5), 6.25, 0.8],
    ['zero cap kept', cap(0), 0, 1],
    ['zero cap broken', cap(0), 2, 0],
    ['zero target reached', increase(0), 0, 1],
    ['zero target missed', increase(0), -1, 0],
    ['growth rate level', { value: 6, comparator: '~', change: 'growth-rate' } as TargetRule, 4.5, 0.75],
    [
      'range reached at its lower end',
      { value: 6, max: 6.5, comparator: 'between', change: 'growth-rate' } as TargetRule,
      6.2,
      1,
    ],
    [
      'range below its lower end',
      { value: 6, max: 6.5, comparator: 'between', change: 'growth-rate' } as TargetRule,
      3,
      0.5,
    ],
    ['negative level kept', { value: -2, comparator: '>=', change: 'growth-rate' } as TargetRule, -1, 1],
    ['negative level missed', { value: -2, comparator: '>=', change: 'growth-rate' } as TargetRule, -3, 0],
    ['decrease target half done', { value: 10, comparator: '>=', change: 'decrease' } as TargetRule, 5, 0.5],
  ])('%s', (_name, target, achieved, expected) => {
    const result = targetCompletion(target, achieved);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});
