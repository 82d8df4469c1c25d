import { daysBetween, yearBounds } from './calendar.js';
import { type Classification, classify, DEFAULT_THRESHOLDS, type StatusThresholds } from './classify.js';
import { isUpperBound, type TargetRule, targetCompletion } from './completion.js';
import {
  clampRatio,
  type Milestone,
  milestoneCompletion,
  milestoneExpectedRatio,
  scheduleRatio,
} from './schedule.js';

/** One target of a task with the latest value reported against it (null: nothing reported). */
export interface TargetProgress {
  target: TargetRule;
  achieved: number | null;
}

export interface TaskStatusInput {
  /** The plan year; the window defaults to 1 January – 31 December of it. */
  year: number;
  /** ISO date the work starts (default 1 January of `year`). */
  start?: string;
  /** ISO deadline (default 31 December of `year`). */
  deadline?: string;
  targets: readonly TargetProgress[];
  milestones?: readonly Milestone[];
  /** Self-reported completion in percent (0-100) for qualitative tasks. */
  reportedPercent?: number | null;
  /** Set when the office has accepted the task as finished. */
  markedComplete?: boolean;
}

export interface TaskStatus extends Classification {
  /** Achieved share in [0, 1]; null when nothing was reported. */
  completion: number | null;
  /** Expected share in [0, 1] at the assessment date. */
  expected: number;
  /** How completion was measured. */
  basis: 'targets' | 'milestones' | 'reported' | 'none';
  daysToDeadline: number;
  /** Completion per target, in the order given (null where nothing was reported). */
  targetCompletions: (number | null)[];
}

/**
 * The status of one task on day `at` (ISO date): completion from its targets (or, for
 * qualitative tasks, from milestones or the reported percentage), expected progress from its
 * milestones or the time-proportional schedule, then class, light and escalation.
 */
export function taskStatus(
  input: TaskStatusInput,
  at: string,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): TaskStatus {
  const bounds = yearBounds(input.year);
  const start = input.start ?? bounds.start;
  const deadline = input.deadline ?? bounds.end;
  const milestones = input.milestones ?? [];
  const daysToDeadline = daysBetween(at, deadline);

  const expected =
    at >= deadline
      ? 1
      : milestones.length > 0
        ? milestoneExpectedRatio(at, milestones)
        : scheduleRatio(at, start, deadline);

  const targetCompletions = input.targets.map((t) => targetCompletion(t.target, t.achieved));
  let completion: number | null = null;
  let basis: TaskStatus['basis'] = 'none';
  let started = false;
  if (input.targets.length > 0 && targetCompletions.some((c) => c !== null)) {
    basis = 'targets';
    // A target nobody reported on counts as nothing achieved yet.
    completion = targetCompletions.reduce<number>((sum, c) => sum + (c ?? 0), 0) / targetCompletions.length;
    started = input.targets.some((t, i) => {
      const c = targetCompletions[i];
      return c !== null && c !== undefined && (isUpperBound(t.target) || c > 0);
    });
  } else if (milestones.length > 0 && milestones.some((m) => m.done)) {
    basis = 'milestones';
    completion = milestoneCompletion(milestones);
    started = true;
  } else if (input.reportedPercent !== null && input.reportedPercent !== undefined) {
    basis = 'reported';
    completion = clampRatio(input.reportedPercent / 100);
    started = completion > 0;
  }
  if (input.markedComplete) {
    completion = 1;
    started = true;
  }

  // A cap (≤ target) is only fulfilled once its period is over; before that, holding it is on track.
  const capsOnly = basis === 'targets' && input.targets.every((t) => isUpperBound(t.target));
  const completable = input.markedComplete === true || !capsOnly || at >= deadline;
  const classification = classify({ completion, expected, completable, daysToDeadline, started }, thresholds);
  return { ...classification, completion, expected, basis, daysToDeadline, targetCompletions };
}
