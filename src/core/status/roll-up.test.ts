import { describe, expect, it } from 'vitest';
import { type RollUpItem, rollUp } from './roll-up.js';

function item(completion: number | null, expected: number, cls: RollUpItem['class'], weight = 1): RollUpItem {
  return { completion, expected, class: cls, light: 'green', daysToDeadline: 100, weight };
}

describe('rollUp', () => {
  it('averages completion and expected progress, counting unreported items as zero', () => {
    const group = rollUp([item(1, 0.5, 'completed'), item(null, 0.5, 'not_started')]);
    expect(group.completion).toBe(0.5);
    expect(group.expected).toBe(0.5);
    expect(group.class).toBe('on_track');
    expect(group.classCounts).toMatchObject({ completed: 1, not_started: 1 });
    expect(group.total).toBe(2);
  });

  it('weights items when asked', () => {
    const items = [item(1, 0.5, 'completed', 3), item(0.2, 0.5, 'behind', 1)];
    expect(rollUp(items, 'weighted').completion).toBeCloseTo(0.8, 10);
    expect(rollUp(items, 'mean').completion).toBeCloseTo(0.6, 10);
  });

  it('is completed only when every item is', () => {
    expect(rollUp([item(1, 1, 'completed'), item(1, 1, 'completed')]).class).toBe('completed');
    expect(rollUp([item(1, 1, 'completed'), item(1, 1, 'on_track')]).class).not.toBe('completed');
  });

  it('is not started when nothing was reported', () => {
    const group = rollUp([item(null, 0.5, 'not_started'), item(null, 0.5, 'not_started')]);
    expect(group.completion).toBeNull();
    expect(group.class).toBe('not_started');
    expect(group.light).toBe('red');
  });

  it('an empty group is neutral', () => {
    const group = rollUp([]);
    expect(group).toMatchObject({
      total: 0,
      completion: null,
      expected: 0,
      class: 'not_started',
      light: 'green',
    });
  });
});
