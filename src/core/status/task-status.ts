import { daysBetween, yearBounds } from './calendar.js';
import { type Classification, classify, DEFAULT_THRESHOLDS, type StatusThresholds } from './classify.js';
import { isUpperBound, targetCompletion } from './completion.js';
import {
  type IndicatorRule,
  type IndicatorVerdict,
  indicatorCompletion,
  judgeIndicator,
} from './indicator.js';
import {
  clampRatio,
  type Milestone,
  milestoneCompletion,
  milestoneExpectedRatio,
  scheduleRatio,
} from './schedule.js';

/** One target of a task with the latest value reported against it (null: nothing reported). */
export interface TargetProgress {
  /** The target; unit and subject matter only to judge an indicator (`judgeByValue`). */
  target: IndicatorRule;
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
  /**
   * 主要预期目标: judge the reported figure against the target itself (src/core/status/indicator.ts),
   * not as a share of a cumulative amount on a time schedule.
   */
  judgeByValue?: boolean;
}

export interface TaskStatus extends Classification {
  /** Achieved share in [0, 1]; null when nothing was reported. */
  completion: number | null;
  /** Expected share in [0, 1] at the assessment date. */
  expected: number;
  /** How completion was measured. */
  basis: 'targets' | 'milestones' | 'reported' | 'indicator' | 'none';
  daysToDeadline: number;
  /** The deadline the status was judged against (ISO date): the given one, else the year's end. */
  deadline: string;
  /** Completion per target, in the order given (null where nothing was reported). */
  targetCompletions: (number | null)[];
  /** For an indicator judged by value: the verdict of each target and the worst one. */
  indicator?: { verdict: IndicatorVerdict; verdicts: (IndicatorVerdict | null)[] };
}

const VERDICT_RANK: Record<IndicatorVerdict, number> = { reached: 0, near: 1, behind: 2 };

/** The status of an indicator from the verdicts on its reported figures. */
function indicatorStatus(
  input: TaskStatusInput,
  verdicts: (IndicatorVerdict | null)[],
  expected: number,
  daysToDeadline: number,
): Omit<TaskStatus, 'deadline'> {
  const targetCompletions = input.targets.map((t) => indicatorCompletion(t.target, t.achieved));
  const reported = targetCompletions.filter((c): c is number => c !== null);
  const completion = reported.reduce((sum, c) => sum + c, 0) / reported.length;
  const verdict = verdicts.reduce<IndicatorVerdict>(
    (worst, v) => (v !== null && VERDICT_RANK[v] > VERDICT_RANK[worst] ? v : worst),
    'reached',
  );
  const reached = verdict === 'reached';
  const overdue = !reached && daysToDeadline < 0;
  return {
    class: reached ? (daysToDeadline <= 0 ? 'completed' : 'on_track') : 'behind',
    light: reached ? 'green' : verdict === 'near' ? 'yellow' : 'red',
    escalation: reached ? 'none' : verdict === 'near' && !overdue ? 'yellow' : 'red',
    overdue,
    gap: Math.max(0, 1 - completion),
    completion,
    expected,
    basis: 'indicator',
    daysToDeadline,
    targetCompletions,
    indicator: { verdict, verdicts },
  };
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

  if (input.judgeByValue && !input.markedComplete) {
    const verdicts = input.targets.map((t) => judgeIndicator(t.target, t.achieved));
    if (verdicts.some((v) => v !== null))
      return { ...indicatorStatus(input, verdicts, expected, daysToDeadline), deadline };
  }
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
  return { ...classification, completion, expected, basis, daysToDeadline, deadline, targetCompletions };
}
