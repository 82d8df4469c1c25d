import { DEFAULT_THRESHOLDS, PROGRESS_CLASS_ZH, type StatusThresholds } from '../../core/status/classify.js';
import { type RollUp, type RollUpItem, type RollUpMode, rollUp } from '../../core/status/roll-up.js';
import type { Milestone } from '../../core/status/schedule.js';
import { type TaskStatus, taskStatus } from '../../core/status/task-status.js';
import type { StoredTask } from '../../store/reports/get-report-tree.js';
import type {
  CountedProgress,
  TaskAssignmentInfo,
  TaskStatusInputs,
} from '../../store/status/list-task-status-inputs.js';
import type { RollUpBody, TaskStatusBody, TaskSummary } from './schema.js';

/** Stored milestones, marked done where the counted report's percentage reached them. */
export function toMilestones(stored: readonly Milestone[], reportedPercent: number | null): Milestone[] {
  return stored.map((m) =>
    m.done !== undefined || m.ratio === undefined || reportedPercent === null
      ? m
      : { ...m, done: reportedPercent / 100 >= m.ratio },
  );
}

export interface StatusSettings {
  year: number;
  at: string;
  thresholds: StatusThresholds;
}

export function statusSettings(year: number | null, at: string, warnDays: number): StatusSettings {
  return { year: year ?? Number(at.slice(0, 4)), at, thresholds: { ...DEFAULT_THRESHOLDS, warnDays } };
}

/**
 * Where the deadline a status is judged against comes from: the lead assignment's 完成时限,
 * else the date the report sentence states, else the end of the report's year.
 */
export type DeadlineSource = 'assignment' | 'task' | 'year_end';

/** A task's status with where its deadline came from. */
export interface PresentedStatus extends TaskStatus {
  deadlineSource: DeadlineSource;
  /** The lead assignment's stored 完成时限 when it is no real date: ignored, and shown as invalid. */
  invalidDeadline?: string;
}

/** The status of one stored task from its targets, lead assignment and counted progress. */
export function computeTaskStatus(
  task: StoredTask,
  assignments: readonly TaskAssignmentInfo[],
  progress: CountedProgress | undefined,
  settings: StatusSettings,
): PresentedStatus {
  const lead = assignments.find((a) => a.role === 'lead');
  const deadline = lead?.deadline ?? task.deadline?.date ?? undefined;
  const deadlineSource: DeadlineSource = lead?.deadline
    ? 'assignment'
    : task.deadline?.date
      ? 'task'
      : 'year_end';
  const percent = progress?.percent ?? null;
  const status = taskStatus(
    {
      year: settings.year,
      ...(deadline ? { deadline } : {}),
      targets: task.targets.map((t) => ({
        target: {
          value: t.value,
          comparator: t.comparator,
          change: t.change,
          unit: t.unit,
          subject: t.subject,
          ...(t.max === null ? {} : { max: t.max }),
        },
        achieved: progress?.values.get(t.id) ?? null,
      })),
      milestones: toMilestones(lead?.milestones ?? [], percent),
      reportedPercent: percent,
      ...(task.indicator ? { judgeByValue: true } : {}),
    },
    settings.at,
    settings.thresholds,
  );
  return {
    ...status,
    deadlineSource,
    ...(lead?.invalidDeadline ? { invalidDeadline: lead.invalidDeadline } : {}),
  };
}

export function toStatusBody(status: PresentedStatus): TaskStatusBody {
  return {
    completion: status.completion,
    expected: status.expected,
    class: status.class,
    classZh: PROGRESS_CLASS_ZH[status.class],
    light: status.light,
    escalation: status.escalation,
    overdue: status.overdue,
    daysToDeadline: status.daysToDeadline,
    deadline: status.deadline,
    deadlineSource: status.deadlineSource,
    ...(status.invalidDeadline ? { invalidDeadline: status.invalidDeadline } : {}),
    basis: status.basis,
    ...(status.indicator ? { verdict: status.indicator.verdict } : {}),
  };
}

export function toRollUpBody(group: RollUp): RollUpBody {
  return {
    completion: group.completion,
    expected: group.expected,
    class: group.class,
    classZh: PROGRESS_CLASS_ZH[group.class],
    light: group.light,
    escalation: group.escalation,
    total: group.total,
    classCounts: group.classCounts,
    lightCounts: group.lightCounts,
  };
}

/** A task's weight in `weighted` roll-ups: its number of quantitative targets, at least 1. */
export function taskWeight(targetCount: number): number {
  return Math.max(1, targetCount);
}

/**
 * Roll-ups last made of lists of task summaries, filed under the list's first summary: a group
 * (measure, area, lead unit) whose summaries are all the same objects as then (presentTaskKept
 * keeps a task's summary while its inputs stand) has the same roll-up. A few per first task, as
 * one task heads its measure, its area and its unit's list alike.
 */
const rolledUp = new WeakMap<
  TaskSummary,
  { tasks: readonly TaskSummary[]; thresholds: StatusThresholds; mode: RollUpMode; body: RollUpBody }[]
>();
const ROLL_UPS_PER_FIRST_TASK = 6;

function sameThresholds(a: StatusThresholds, b: StatusThresholds): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof StatusThresholds)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Roll task summaries up: `mean` weighs every task alike, `weighted` by its number of
 * quantitative targets (taskWeight).
 */
export function rollUpTasks(
  tasks: readonly TaskSummary[],
  thresholds: StatusThresholds,
  mode: RollUpMode = 'mean',
): RollUpBody {
  const first = tasks[0];
  if (first === undefined) return computeRollUp(tasks, thresholds, mode);
  const kept = rolledUp.get(first) ?? [];
  const found = kept.find(
    (entry) =>
      entry.mode === mode &&
      entry.tasks.length === tasks.length &&
      sameThresholds(entry.thresholds, thresholds) &&
      entry.tasks.every((task, i) => task === tasks[i]),
  );
  if (found) return found.body;
  const body = computeRollUp(tasks, thresholds, mode);
  const entry = { tasks: [...tasks], thresholds: { ...thresholds }, mode, body };
  rolledUp.set(first, [entry, ...kept.slice(0, ROLL_UPS_PER_FIRST_TASK - 1)]);
  return body;
}

function computeRollUp(
  tasks: readonly TaskSummary[],
  thresholds: StatusThresholds,
  mode: RollUpMode,
): RollUpBody {
  const items: RollUpItem[] = tasks.map((t) => ({
    completion: t.status.completion,
    expected: t.status.expected,
    class: t.status.class,
    light: t.status.light,
    daysToDeadline: t.status.daysToDeadline,
    weight: taskWeight(t.targets.length),
  }));
  return toRollUpBody(rollUp(items, mode, thresholds));
}

/** One task as the API shows it, with its status. */
export function presentTask(
  task: StoredTask,
  inputs: TaskStatusInputs,
  settings: StatusSettings,
): TaskSummary {
  const assignments = inputs.assignments.get(task.id) ?? [];
  const progress = inputs.progress.get(task.id);
  const status = computeTaskStatus(task, assignments, progress, settings);
  return {
    id: task.id,
    version: task.version,
    label: task.label,
    text: task.text,
    deadline: task.deadline,
    commitment: task.commitment,
    targets: task.targets.map((t, i) => ({
      id: t.id,
      version: t.version,
      value: t.value,
      max: t.max,
      unit: t.unit,
      comparator: t.comparator,
      change: t.change,
      subject: t.subject,
      text: t.text,
      source: t.source,
      achieved: progress?.values.get(t.id) ?? null,
      completion: status.targetCompletions[i] ?? null,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      version: a.version,
      unitId: a.unitId,
      unitName: a.unitName,
      role: a.role,
      leadOfficial: a.leadOfficial,
      deadline: a.deadline,
      milestones: a.milestones,
    })),
    status: toStatusBody(status),
    ...(task.indicator ? { indicator: true } : {}),
    latestProgress: progress
      ? {
          progressReportId: progress.progressReportId,
          periodLabel: progress.periodLabel,
          status: progress.status,
        }
      : null,
  };
}
