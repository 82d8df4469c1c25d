import { describe, expect, it } from 'vitest';
import type { Target } from '../target.js';
import { mergeTargets } from './merge-targets.js';

const target = (value: number, unit: string, subject: string): Target => ({
  value,
  unit,
  comparator: '>=',
  change: 'increase',
  subject,
  text: `${subject}${value}${unit}`,
  span: [0, 1],
});

describe('mergeTargets', () => {
  it('updates unedited targets in place, keeps hand edits, archives dropped ones, inserts new ones', () => {
    const plan = mergeTargets(
      [
        { id: 1, unit: '个', subject: '中小学学位', edited: false },
        { id: 2, unit: '万平方米', subject: '完工面积', edited: true },
        { id: 3, unit: '场', subject: '文化活动', edited: false },
      ],
      [target(7000, '个', '中小学学位'), target(30, '万平方米', '完工面积'), target(5, '%', '失业率')],
    );
    expect(plan.update).toEqual([{ id: 1, target: target(7000, '个', '中小学学位'), ordinal: 0 }]);
    expect(plan.keep).toEqual([2]);
    expect(plan.archive).toEqual([3]);
    expect(plan.insert).toEqual([{ target: target(5, '%', '失业率'), ordinal: 2 }]);
  });

  it('pairs by subject when a task has several targets with one unit', () => {
    const plan = mergeTargets(
      [
        { id: 1, unit: '个', subject: '养老驿站', edited: false },
        { id: 2, unit: '个', subject: '中小学学位', edited: false },
      ],
      [target(6500, '个', '中小学学位'), target(40, '个', '养老驿站')],
    );
    expect(plan.update.map((u) => [u.id, u.target.value]).sort()).toEqual([
      [1, 40],
      [2, 6500],
    ]);
  });
});
