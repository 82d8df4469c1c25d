import type { Area, Assignment, Measure, Target, Task } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';

/** How many measures, tasks and quantitative targets a part of the report holds. */
export interface TreeCounts {
  measures: number;
  tasks: number;
  targets: number;
}

/** Every task of an area: those inside its measures, then those directly under it. */
export function areaTasks(area: Area): Task[] {
  return [...area.measures.flatMap((measure: Measure) => measure.tasks), ...area.tasks];
}

/** Counts of one work area. */
export function countArea(area: Area): TreeCounts {
  const tasks = areaTasks(area);
  return {
    measures: area.measures.length,
    tasks: tasks.length,
    targets: tasks.reduce((sum, task) => sum + task.targets.length, 0),
  };
}

/** Counts of a whole report (sum over its areas). */
export function countReport(areas: readonly Area[]): TreeCounts {
  return areas.map(countArea).reduce(
    (sum, c) => ({
      measures: sum.measures + c.measures,
      tasks: sum.tasks + c.tasks,
      targets: sum.targets + c.targets,
    }),
    { measures: 0, tasks: 0, targets: 0 },
  );
}

/** What deadlineText needs of a task: the sentence's deadline and the status the server judged. */
type DeadlineOf = Pick<Task, 'deadline'> & { status: Pick<Task['status'], 'deadline' | 'deadlineSource'> };

/**
 * The 完成时限 the task's status is judged against: as the report words it ("6月底前") when the
 * sentence sets it, else the date (the lead assignment's, or the end of the report year).
 */
export function deadlineText(task: DeadlineOf): string {
  if (task.status.deadlineSource === 'task' && task.deadline?.text) return task.deadline.text;
  return task.status.deadline;
}

/** The message that says where a task's 完成时限 comes from. */
export function deadlineSourceKey(task: DeadlineOf): MessageKey {
  return `deadline.source.${task.status.deadlineSource}`;
}

/** 牵头单位 of a task. */
export function leadUnits(task: Task): Assignment[] {
  return task.assignments.filter((a) => a.role === 'lead');
}

/** 配合单位 of a task. */
export function cooperatingUnits(task: Task): Assignment[] {
  return task.assignments.filter((a) => a.role === 'cooperating');
}

const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });

/** Numbers as a Chinese report writes them: 250000 → "25万", 6500 → "6500". */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : String(value);
}

const comparatorSigns: Record<string, string> = {
  '=': '',
  '>=': '≥',
  '<=': '≤',
  '>': '>',
  '<': '<',
  '~': '约',
  between: '',
};

/** A target in one short line, e.g. "中小学学位 ≥6500个" or "失业率 ≤5%". */
export function formatTarget(target: Target): string {
  const value =
    target.comparator === 'between' && target.max != null
      ? `${formatNumber(target.value)}–${formatNumber(target.max)}`
      : `${comparatorSigns[target.comparator] ?? ''}${formatNumber(target.value)}`;
  return `${target.subject} ${value}${target.unit}`.trim();
}

/** A reported (achieved) value with its target's subject and unit, e.g. "中小学学位 3250个". */
export function formatReportedValue(figure: { subject: string; value: number; unit: string }): string {
  return `${figure.subject} ${formatNumber(figure.value)}${figure.unit}`.trim();
}

/** The figures reported on a task's targets, by target, as formatReportedValue writes them (中小学学位 3250个). */
export function achievedFigures(targets: readonly Target[]): { targetId: number; text: string }[] {
  return targets.flatMap((target) =>
    target.achieved === null
      ? []
      : [{ targetId: target.id, text: formatReportedValue({ ...target, value: target.achieved }) }],
  );
}

/** A numbering label worth showing ("一、", "（二）", "1."); bullet marks ("-", "*", "•") are not. */
export function displayLabel(label: string | null | undefined): string {
  if (!label || /^[-*•·+]$/.test(label.trim())) return '';
  return label;
}
