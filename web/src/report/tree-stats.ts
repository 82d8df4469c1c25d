import type { Area, Assignment, Measure, Target, Task } from '../api/types.js';

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

/** The deadline as the report words it ("6月底前"), else its date. */
export function deadlineText(task: Task): string | null {
  const deadline = task.deadline;
  if (deadline) return deadline.text || deadline.date;
  // An assignment may set a deadline the report sentence did not state.
  return task.assignments.find((a) => a.deadline)?.deadline ?? null;
}

/** The sortable date (YYYY-MM-DD) of a task's deadline, when it resolves to one. */
export function deadlineDate(task: Task): string | null {
  return task.deadline?.date ?? task.assignments.find((a) => a.deadline)?.deadline ?? null;
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

/** A numbering label worth showing ("一、", "（二）", "1."); bullet marks ("-", "*", "•") are not. */
export function displayLabel(label: string | null | undefined): string {
  if (!label || /^[-*•·+]$/.test(label.trim())) return '';
  return label;
}
