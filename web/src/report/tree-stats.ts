import type { Area, Assignment, Deadline, Measure, Task } from '../api/types.js';

/** How many measures, tasks and quantitative targets a part of the report holds. */
export interface TreeCounts {
  measures: number;
  tasks: number;
  targets: number;
}

/** Every task of an area: those inside its measures, then those directly under it. */
export function areaTasks(area: Area): Task[] {
  return [...area.measures.flatMap((measure: Measure) => measure.tasks), ...(area.tasks ?? [])];
}

/** Counts of one work area. */
export function countArea(area: Area): TreeCounts {
  const tasks = areaTasks(area);
  return {
    measures: area.measures.length,
    tasks: tasks.length,
    targets: tasks.reduce((sum, task) => sum + (task.targets?.length ?? 0), 0),
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

/** The deadline as the report words it ("6月底前"), or its date. */
export function deadlineText(deadline: Task['deadline']): string | null {
  if (!deadline) return null;
  if (typeof deadline === 'string') return deadline;
  const d: Deadline = deadline;
  return d.text ?? d.date ?? null;
}

/** The sortable date of a deadline, when it resolves to one. */
export function deadlineDate(deadline: Task['deadline']): string | null {
  if (!deadline) return null;
  if (typeof deadline === 'string') return /^\d{4}-\d{2}-\d{2}/.test(deadline) ? deadline : null;
  return deadline.date ?? null;
}

/** 牵头单位 of a task. */
export function leadUnits(task: Task): Assignment[] {
  return (task.assignments ?? []).filter((a) => a.role === 'lead');
}

/** 配合单位 of a task. */
export function cooperatingUnits(task: Task): Assignment[] {
  return (task.assignments ?? []).filter((a) => a.role === 'cooperating');
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
export function formatTarget(target: NonNullable<Task['targets']>[number]): string {
  const value =
    target.comparator === 'between' && target.max != null
      ? `${target.value}–${target.max}`
      : `${comparatorSigns[target.comparator] ?? ''}${target.value}`;
  return `${target.subject} ${value}${target.unit}`.trim();
}
