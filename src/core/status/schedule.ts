import { monthPosition } from './calendar.js';

/**
 * 序时进度 — the share of a task's time window that has elapsed at the end of day `at`.
 * Months weigh equally and days interpolate within their month, so the end of November of a
 * calendar-year task is 11/12 = 91.7% in every year, and February's days count as 1/28 or
 * 1/29 of a month in leap years. Returns 0 before the window and 1 from its last day on.
 */
export function scheduleRatio(at: string, start: string, end: string): number {
  const base = Number(start.slice(0, 4));
  const from = monthPosition(start, false, base);
  const to = monthPosition(end, true, base);
  if (to <= from) return at >= end ? 1 : 0;
  const ratio = (monthPosition(at, true, base) - from) / (to - from);
  return Math.min(1, Math.max(0, ratio));
}

/** 形象进度节点 — a milestone: by `due`, `ratio` (0..1) of the task should be done. */
export interface Milestone {
  /** ISO date the milestone falls due. */
  due: string;
  /** Share of the task done once this milestone is reached; evenly spread when omitted. */
  ratio?: number;
  /** Whether the unit reported the milestone as reached. */
  done?: boolean;
  title?: string;
}

/** Milestones sorted by due date, each with its ratio filled in (evenly spread if missing). */
export function normalizeMilestones(milestones: readonly Milestone[]): Required<Omit<Milestone, 'title'>>[] {
  const sorted = [...milestones].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return sorted.map((m, index) => ({
    due: m.due,
    ratio: clampRatio(m.ratio ?? (index + 1) / sorted.length),
    done: m.done ?? false,
  }));
}

/** Expected progress from milestones: the ratio of the last milestone due on or before `at`. */
export function milestoneExpectedRatio(at: string, milestones: readonly Milestone[]): number {
  let expected = 0;
  for (const m of normalizeMilestones(milestones)) if (m.due <= at) expected = Math.max(expected, m.ratio);
  return expected;
}

/** Achieved progress from milestones: the highest ratio among those reported done. */
export function milestoneCompletion(milestones: readonly Milestone[]): number | null {
  const normalized = normalizeMilestones(milestones);
  if (normalized.length === 0) return null;
  let achieved = 0;
  for (const m of normalized) if (m.done) achieved = Math.max(achieved, m.ratio);
  return achieved;
}

/** Clamp to [0, 1]; NaN becomes 0. */
export function clampRatio(value: number): number {
  if (!Number.isFinite(value)) return value === Number.POSITIVE_INFINITY ? 1 : 0;
  return Math.min(1, Math.max(0, value));
}
