import {
  type Classification,
  classify,
  DEFAULT_THRESHOLDS,
  type Light,
  PROGRESS_CLASSES,
  type ProgressClass,
  type StatusThresholds,
} from './classify.js';

/** One item to roll up: a task's (or a sub-group's) status and its weight. */
export interface RollUpItem {
  completion: number | null;
  expected: number;
  class: ProgressClass;
  light: Light;
  daysToDeadline: number;
  /** Relative weight for `weighted` roll-ups (default 1). */
  weight?: number;
}

export type RollUpMode = 'mean' | 'weighted';

export interface RollUp extends Classification {
  completion: number | null;
  expected: number;
  /** Number of items per class and per light. */
  classCounts: Record<ProgressClass, number>;
  lightCounts: Record<Light, number>;
  total: number;
}

/**
 * Roll tasks up to a measure, area, unit or the whole report: completion and expected
 * progress are averaged (plain mean, or weighted by `weight`), items without a report count
 * as zero, and the group is classified from the averages. The group is 已完成 only when every
 * item is, and 未启动 only when none has started.
 */
export function rollUp(
  items: readonly RollUpItem[],
  mode: RollUpMode = 'mean',
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): RollUp {
  const classCounts = Object.fromEntries(PROGRESS_CLASSES.map((c) => [c, 0])) as Record<
    ProgressClass,
    number
  >;
  const lightCounts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  let weightSum = 0;
  let completionSum = 0;
  let expectedSum = 0;
  let anyReported = false;
  let latestDeadline = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    classCounts[item.class] += 1;
    lightCounts[item.light] += 1;
    const weight = mode === 'weighted' ? Math.max(0, item.weight ?? 1) : 1;
    weightSum += weight;
    completionSum += weight * (item.completion ?? 0);
    expectedSum += weight * item.expected;
    if (item.completion !== null) anyReported = true;
    if (item.class !== 'completed') latestDeadline = Math.max(latestDeadline, item.daysToDeadline);
  }
  const total = items.length;
  const completion = weightSum > 0 && anyReported ? completionSum / weightSum : null;
  const expected = weightSum > 0 ? expectedSum / weightSum : 0;
  const allCompleted = total > 0 && classCounts.completed === total;
  const started = total - classCounts.not_started > 0;
  const classification = classify(
    {
      completion: allCompleted ? 1 : completion,
      expected,
      completable: allCompleted,
      // The group is overdue only when all its unfinished items are.
      daysToDeadline: Number.isFinite(latestDeadline) ? latestDeadline : 0,
      started,
    },
    thresholds,
  );
  return { ...classification, completion, expected, classCounts, lightCounts, total };
}
