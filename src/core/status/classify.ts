/** 进度分类 — where a task stands against its schedule. */
export type ProgressClass = 'not_started' | 'behind' | 'on_track' | 'ahead' | 'completed';

export const PROGRESS_CLASSES: readonly ProgressClass[] = [
  'not_started',
  'behind',
  'on_track',
  'ahead',
  'completed',
];

/** Chinese labels used on dashboards and bulletins. */
export const PROGRESS_CLASS_ZH: Record<ProgressClass, string> = {
  not_started: '未启动',
  behind: '欠进度',
  on_track: '达进度',
  ahead: '超进度',
  completed: '已完成',
};

/** 红黄绿灯 — the traffic light shown next to a task. */
export type Light = 'green' | 'yellow' | 'red';

/** 督办单 — escalation slip: blue (deadline near) → yellow (behind) → red (overdue or far behind). */
export type Escalation = 'none' | 'blue' | 'yellow' | 'red';

export interface StatusThresholds {
  /** Completion at least this far above expected counts as 超进度. */
  aheadMargin: number;
  /** Completion at least this far below expected counts as far behind (red). */
  farBehindGap: number;
  /** A deadline within this many days raises a blue slip. */
  warnDays: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { aheadMargin: 0.1, farBehindGap: 0.2, warnDays: 30 };

/** Float tolerance so 11/12 reported against 11/12 expected is on track. */
const EPSILON = 1e-9;

export interface ClassifyInput {
  /** Achieved share in [0, 1]; null when nothing was reported. */
  completion: number | null;
  /** Expected share in [0, 1] at the assessment date. */
  expected: number;
  /** Whether the task may be called 已完成 when completion reaches 1 (false for caps before their end). */
  completable: boolean;
  /** Days from the assessment date to the deadline (negative once past). */
  daysToDeadline: number;
  /**
   * Whether work has visibly begun. Defaults to completion > 0; a cap reported as broken
   * (completion 0 but a value was reported) is behind, not 未启动.
   */
  started?: boolean;
}

export interface Classification {
  class: ProgressClass;
  light: Light;
  escalation: Escalation;
  overdue: boolean;
  /** expected − completion, never negative. */
  gap: number;
}

/** Classify one task (or a roll-up) from its completion and expected progress. */
export function classify(
  input: ClassifyInput,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): Classification {
  const achieved = input.completion ?? 0;
  const done = input.completable && achieved >= 1 - EPSILON;
  const gap = Math.max(0, input.expected - achieved);
  const overdue = !done && input.daysToDeadline < 0;
  let progressClass: ProgressClass;
  if (done) progressClass = 'completed';
  else if (input.completion === null || !(input.started ?? achieved > EPSILON)) progressClass = 'not_started';
  else if (achieved >= input.expected + thresholds.aheadMargin - EPSILON) progressClass = 'ahead';
  else if (achieved >= input.expected - EPSILON) progressClass = 'on_track';
  else progressClass = 'behind';

  const farBehind = gap >= thresholds.farBehindGap - EPSILON;
  const isBehind = gap > EPSILON;
  const light: Light = done ? 'green' : overdue || farBehind ? 'red' : isBehind ? 'yellow' : 'green';
  let escalation: Escalation = 'none';
  if (!done) {
    if (overdue || farBehind) escalation = 'red';
    else if (isBehind) escalation = 'yellow';
    else if (input.daysToDeadline <= thresholds.warnDays) escalation = 'blue';
  }
  return { class: progressClass, light, escalation, overdue, gap };
}
