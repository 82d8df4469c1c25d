import { describe, expect, it } from 'vitest';
import type { ProgressClass } from './classify.js';
import type { TargetRule } from './completion.js';
import { type TaskStatusInput, taskStatus } from './task-status.js';

const places: TargetRule = { value: 6500, comparator: '>=', change: 'increase' };
const unemployment: TargetRule = { value: 5, comparator: '<=', change: 'level' };

function withPlaces(achieved: number | null, extra: Partial<TaskStatusInput> = {}): TaskStatusInput {
  return { year: 2026, targets: [{ target: places, achieved }], ...extra };
}

describe('taskStatus classes at the end of June (expected 50%)', () => {
  const at = '2026-06-30';
  it.each<[string, number | null, ProgressClass, string, string]>([
    ['nothing reported', null, 'not_started', 'red', 'red'],
    ['zero reported', 0, 'not_started', 'red', 'red'],
    ['far behind: 29%', 0.29 * 6500, 'behind', 'red', 'red'],
    ['just far behind: 30%', 0.3 * 6500, 'behind', 'red', 'red'],
    ['behind: 31%', 0.31 * 6500, 'behind', 'yellow', 'yellow'],
    ['just behind: 49.9%', 0.499 * 6500, 'behind', 'yellow', 'yellow'],
    ['on schedule: exactly 50%', 3250, 'on_track', 'green', 'none'],
    ['on track: 59.9%', 0.599 * 6500, 'on_track', 'green', 'none'],
    ['ahead: exactly 60%', 0.6 * 6500, 'ahead', 'green', 'none'],
    ['ahead: 99.9%', 0.999 * 6500, 'ahead', 'green', 'none'],
    ['completed: 100%', 6500, 'completed', 'green', 'none'],
    ['completed: over-achieved', 7000, 'completed', 'green', 'none'],
  ])('%s', (_name, achieved, cls, light, escalation) => {
    const status = taskStatus(withPlaces(achieved), at);
    expect(status.expected).toBeCloseTo(0.5, 10);
    expect(status.class).toBe(cls);
    expect(status.light).toBe(light);
    expect(status.escalation).toBe(escalation);
  });
});

describe('deadlines and escalation slips', () => {
  it('turns blue within 30 days of the deadline when on track', () => {
    const status = taskStatus(withPlaces(6000), '2026-12-01');
    expect(status.daysToDeadline).toBe(30);
    expect(status.class).toBe('on_track');
    expect(status.escalation).toBe('blue');
    expect(taskStatus(withPlaces(6000), '2026-11-30').escalation).toBe('none');
  });

  it('is overdue and red the day after an unmet deadline', () => {
    const input = withPlaces(6000, { deadline: '2026-06-30' });
    expect(taskStatus(input, '2026-06-30').overdue).toBe(false);
    const late = taskStatus(input, '2026-07-01');
    expect(late.overdue).toBe(true);
    expect(late.light).toBe('red');
    expect(late.escalation).toBe('red');
    expect(late.expected).toBe(1);
  });

  it('a completed task is never escalated', () => {
    const status = taskStatus(withPlaces(6500, { deadline: '2026-03-31' }), '2026-12-31');
    expect(status).toMatchObject({ class: 'completed', light: 'green', escalation: 'none', overdue: false });
  });

  it('measures against an early deadline', () => {
    const status = taskStatus(withPlaces(3250, { deadline: '2026-06-30' }), '2026-03-31');
    expect(status.expected).toBeCloseTo(0.5, 10);
    expect(status.class).toBe('on_track');
  });
});

describe('≤ targets (caps)', () => {
  const capped = (achieved: number | null): TaskStatusInput => ({
    year: 2026,
    targets: [{ target: unemployment, achieved }],
  });

  it('is on track, not completed, while held before the year ends', () => {
    const status = taskStatus(capped(4.8), '2026-06-30');
    expect(status.completion).toBe(1);
    expect(status.class).toBe('ahead');
    expect(status.light).toBe('green');
  });

  it('is completed when held at the year end', () => {
    expect(taskStatus(capped(4.9), '2026-12-31').class).toBe('completed');
  });

  it('is behind, not 未启动, when broken', () => {
    const status = taskStatus(capped(6.25), '2026-11-30');
    expect(status.completion).toBeCloseTo(0.8, 10);
    expect(status.class).toBe('behind');
    expect(status.light).toBe('yellow');
  });

  it('a broken zero cap is behind and red', () => {
    const status = taskStatus(
      { year: 2026, targets: [{ target: { value: 0, comparator: '<=', change: 'level' }, achieved: 2 }] },
      '2026-06-30',
    );
    expect(status.class).toBe('behind');
    expect(status.light).toBe('red');
  });
});

describe('several targets, qualitative tasks and milestones', () => {
  it('averages targets and counts an unreported one as zero', () => {
    const status = taskStatus(
      {
        year: 2026,
        targets: [
          { target: places, achieved: 6500 },
          { target: places, achieved: null },
        ],
      },
      '2026-06-30',
    );
    expect(status.completion).toBe(0.5);
    expect(status.targetCompletions).toEqual([1, null]);
  });

  it('uses milestones for expected and achieved progress', () => {
    const milestones = [
      { due: '2026-03-31', ratio: 0.2, done: true },
      { due: '2026-06-30', ratio: 0.6 },
      { due: '2026-12-31', ratio: 1 },
    ];
    const status = taskStatus({ year: 2026, targets: [], milestones }, '2026-07-10');
    expect(status.basis).toBe('milestones');
    expect(status.expected).toBe(0.6);
    expect(status.completion).toBe(0.2);
    expect(status.class).toBe('behind');
    expect(status.light).toBe('red');
  });

  it('before the first milestone nothing is expected', () => {
    const status = taskStatus(
      { year: 2026, targets: [], milestones: [{ due: '2026-09-30', ratio: 0.5 }] },
      '2026-08-01',
    );
    expect(status.expected).toBe(0);
    expect(status).toMatchObject({ class: 'not_started', light: 'green' });
  });

  it('falls back to a reported percentage, then to nothing', () => {
    expect(taskStatus({ year: 2026, targets: [], reportedPercent: 80 }, '2026-06-30')).toMatchObject({
      basis: 'reported',
      completion: 0.8,
      class: 'ahead',
    });
    expect(taskStatus({ year: 2026, targets: [] }, '2026-06-30')).toMatchObject({
      basis: 'none',
      completion: null,
      class: 'not_started',
    });
  });

  it('accepts the office marking a task complete', () => {
    expect(taskStatus({ year: 2026, targets: [], markedComplete: true }, '2026-02-01').class).toBe(
      'completed',
    );
  });

  it('in a leap year February counts by its 29 days', () => {
    const status = taskStatus({ year: 2028, targets: [], reportedPercent: 100 * (2 / 12) }, '2028-02-29');
    expect(status.expected).toBeCloseTo(2 / 12, 10);
    expect(status.class).toBe('on_track');
    const dayBefore = taskStatus({ year: 2028, targets: [], reportedPercent: 100 * (2 / 12) }, '2028-02-28');
    expect(dayBefore.expected).toBeLessThan(2 / 12);
  });
});
