import type { Area, Light, ReportDetail, StatusClass, Task } from '../api/types.js';
import { areaTasks, deadlineDate, deadlineText, formatTarget } from './tree-stats.js';

/** The ledger's filters, as kept in the URL (`/ledger?area=…&status=behind`). */
export interface LedgerFilter {
  area: string | null;
  unit: string | null;
  status: StatusClass | null;
  light: Light | null;
  flagged: boolean;
  /** Only tasks past their deadline and not completed. */
  overdue: boolean;
  keyword: string;
}

export type LedgerSort = 'order' | 'deadline' | 'status';

export const statusClasses: StatusClass[] = ['not_started', 'behind', 'on_track', 'ahead', 'completed'];
export const lights: Light[] = ['red', 'yellow', 'green'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the filter from URL search params; unknown values are ignored. */
export function filterFromParams(params: URLSearchParams): LedgerFilter {
  return {
    area: params.get('area'),
    unit: params.get('unit'),
    status: oneOf(params.get('status'), statusClasses),
    light: oneOf(params.get('light'), lights),
    flagged: params.get('flagged') === '1',
    overdue: params.get('overdue') === '1',
    keyword: params.get('q') ?? '',
  };
}

/** Writes the filter into URL search params, keeping unrelated ones (such as `report`). */
export function filterToParams(filter: LedgerFilter, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (name: string, value: string | null) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  set('area', filter.area);
  set('unit', filter.unit);
  set('status', filter.status);
  set('light', filter.light);
  set('flagged', filter.flagged ? '1' : null);
  set('overdue', filter.overdue ? '1' : null);
  set('q', filter.keyword.trim() || null);
  return next;
}

/** Whether a filter narrows anything. */
export function isFiltering(filter: LedgerFilter): boolean {
  return Boolean(
    filter.area ||
      filter.unit ||
      filter.status ||
      filter.light ||
      filter.flagged ||
      filter.overdue ||
      filter.keyword.trim(),
  );
}

/** The words a keyword search looks through for one task. */
function searchableText(task: Task): string {
  return [
    task.text,
    ...(task.targets ?? []).map(formatTarget),
    ...(task.assignments ?? []).map((a) => a.unitName),
    deadlineText(task) ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

/** Whether one task passes the task-level filters (everything but the area). */
export function taskMatches(task: Task, filter: LedgerFilter): boolean {
  if (filter.unit && !(task.assignments ?? []).some((a) => a.unitName === filter.unit)) return false;
  if (filter.status && task.status.class !== filter.status) return false;
  if (filter.light && task.status.light !== filter.light) return false;
  if (filter.flagged && !task.flagged) return false;
  if (filter.overdue && !task.status.overdue) return false;
  const keyword = filter.keyword.trim().toLowerCase();
  if (keyword && !searchableText(task).includes(keyword)) return false;
  return true;
}

const statusRank: Record<StatusClass, number> = {
  behind: 0,
  not_started: 1,
  on_track: 2,
  ahead: 3,
  completed: 4,
};

function compareTasks(sort: LedgerSort): ((a: Task, b: Task) => number) | null {
  if (sort === 'deadline') {
    return (a, b) => (deadlineDate(a) ?? '9999').localeCompare(deadlineDate(b) ?? '9999');
  }
  if (sort === 'status') {
    return (a, b) => statusRank[a.status.class] - statusRank[b.status.class];
  }
  return null;
}

/**
 * The report tree cut down to the tasks that pass the filter, sorted within each measure.
 * Measures and areas without a matching task drop out while a filter is active.
 */
export function filterTree(
  report: ReportDetail,
  filter: LedgerFilter,
  sort: LedgerSort,
  /** Tasks flagged by leaders (GET /api/flags), for the 领导关注 filter and mark. */
  flaggedIds: ReadonlySet<number> = new Set(),
): Area[] {
  const active = isFiltering(filter);
  const compare = compareTasks(sort);
  const pick = (tasks: readonly Task[]): Task[] => {
    const kept = tasks
      .map((task) => (flaggedIds.has(task.id) ? { ...task, flagged: true } : task))
      .filter((task) => taskMatches(task, filter));
    return compare ? [...kept].sort(compare) : kept;
  };
  const areas: Area[] = [];
  for (const area of report.areas) {
    if (filter.area && String(area.id) !== filter.area) continue;
    const measures = area.measures
      .map((measure) => ({ ...measure, tasks: pick(measure.tasks) }))
      .filter((measure) => !active || measure.tasks.length > 0);
    const tasks = pick(area.tasks ?? []);
    if (active && measures.length === 0 && tasks.length === 0) continue;
    areas.push({ ...area, measures, tasks });
  }
  return areas;
}

/** All unit names that appear in the report's assignments, sorted. */
export function unitNames(report: ReportDetail): string[] {
  const names = new Set<string>();
  for (const area of report.areas) {
    for (const task of areaTasks(area)) for (const a of task.assignments ?? []) names.add(a.unitName);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** A link to the ledger narrowed to what a dashboard number counts. */
export function ledgerLink(reportParam: string | null, narrow: Partial<LedgerFilter>): string {
  const empty: LedgerFilter = {
    area: null,
    unit: null,
    status: null,
    light: null,
    flagged: false,
    overdue: false,
    keyword: '',
  };
  const base = new URLSearchParams(reportParam ? { report: reportParam } : {});
  const query = filterToParams({ ...empty, ...narrow }, base).toString();
  return query ? `/ledger?${query}` : '/ledger';
}
