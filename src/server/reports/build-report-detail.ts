import type { Kysely } from 'kysely';
import type { ReportMeta } from '../../core/report-tree.js';
import { DEFAULT_THRESHOLDS } from '../../core/status/classify.js';
import type { RollUpMode } from '../../core/status/roll-up.js';
import { KeptValues } from '../../store/kept-values.js';
import { findReportPublishedAt } from '../../store/reports/find-report-published-at.js';
import { findRevisionMeta } from '../../store/reports/find-revision-meta.js';
import {
  getReportTree,
  type StoredArea,
  type StoredMeasure,
  type StoredReportTree,
  type StoredTask,
} from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import {
  listTaskStatusInputs,
  type TaskAssignmentInfo,
  type TaskStatusInputs,
} from '../../store/status/list-task-status-inputs.js';
import { presentTask, rollUpTasks, type StatusSettings, statusSettings } from './present-status.js';
import { countsApprovedOnly, type ReportScope, scopeKey, taskInScope } from './report-scope.js';
import type { Dashboard, ReportDetail, TaskSummary } from './schema.js';

/** Report meta per revision: parsed once from the stored tree, which never changes (one version). */
const metas = new KeptValues<number, ReportMeta>({ max: 500 });

async function loadMeta(db: Kysely<Database>, revisionId: number | null, title: string): Promise<ReportMeta> {
  if (revisionId === null) return { title };
  return metas.getOrCompute(revisionId, 0, () => findRevisionMeta(db, revisionId, title));
}

function cleanMeta(meta: ReportMeta): ReportDetail['meta'] {
  const out: ReportDetail['meta'] = { title: meta.title };
  if (typeof meta.year === 'number') out.year = meta.year;
  if (meta.place) out.place = meta.place;
  if (meta.speaker) out.speaker = meta.speaker;
  if (meta.date) out.date = meta.date;
  if (meta.attribution) out.attribution = meta.attribution;
  return out;
}

/** What a report's views are computed from besides its tasks' status inputs. */
export interface ReportBase {
  tree: StoredReportTree;
  meta: ReportMeta;
  publishedAt: string | null;
}

/** Reads the report's tree, meta and publication (loadReportBase + listTaskStatusInputs make a detail). */
export async function loadReportBase(db: Kysely<Database>, reportId: number): Promise<ReportBase> {
  const tree = await getReportTree(db, reportId);
  const [meta, published] = await Promise.all([
    loadMeta(db, tree.report.revisionId, tree.report.title),
    findReportPublishedAt(db, reportId),
  ]);
  return { tree, meta, publishedAt: published };
}

export type ComputedReportDetail = ReportDetail & {
  unitOfTask: Map<number, number[]>;
  /** The stored tasks and their live assignments, for views that judge them at other dates. */
  storedTasks: StoredTask[];
  assignments: Map<number, TaskAssignmentInfo[]>;
};

/**
 * The full report as GET /api/reports/:id shows it to a reader of `scope`: tree, targets,
 * assignments, statuses.
 */
export async function buildReportDetail(
  db: Kysely<Database>,
  reportId: number,
  at: string,
  warnDays: number,
  scope: ReportScope,
  /** How tasks roll up to measures, areas and the report (and the dashboard's units). */
  rollup: RollUpMode = 'mean',
): Promise<ComputedReportDetail> {
  const tree = await getReportTree(db, reportId);
  const [inputs, meta, published] = await Promise.all([
    listTaskStatusInputs(db, reportId, undefined, { approvedOnly: countsApprovedOnly(scope) }),
    loadMeta(db, tree.report.revisionId, tree.report.title),
    findReportPublishedAt(db, reportId),
  ]);
  return computeReportDetail({ tree, meta, publishedAt: published }, inputs, at, warnDays, scope, rollup);
}

/**
 * Each task's summary as last presented, per status settings and counting mode, with the inputs
 * it was computed from: a task whose stored row, assignments and counted progress are the same
 * objects as then is not computed again (ReportInputsCache replaces the objects of a changed
 * task, and of everything when the tree changes).
 */
const presented = new WeakMap<
  StoredTask,
  Map<string, { assignments: unknown; progress: unknown; summary: TaskSummary }>
>();

function presentTaskKept(
  task: StoredTask,
  inputs: TaskStatusInputs,
  settings: StatusSettings,
  key: string,
): TaskSummary {
  const assignments = inputs.assignments.get(task.id);
  const progress = inputs.progress.get(task.id);
  let kept = presented.get(task);
  const found = kept?.get(key);
  if (found && found.assignments === assignments && found.progress === progress) return found.summary;
  const summary = presentTask(task, inputs, settings);
  if (!kept || kept.size >= 4) {
    kept = new Map();
    presented.set(task, kept);
  }
  kept.set(key, { assignments, progress, summary });
  return summary;
}

type AreaDetail = ReportDetail['areas'][number];
type MeasureDetail = AreaDetail['measures'][number];

/** Whether two lists hold the same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * A measure's or area's detail as last made per computing key (status settings, counting mode,
 * roll-up), with the task summaries it was made of: while its summaries are the objects they
 * were (presentTaskKept keeps an unchanged task's summary), the detail made then is the detail
 * now, so after a submission only the changed task's measure and area are made again, and a view
 * built from the detail (the dashboard's per-area lists) can go by the area's identity too.
 */
const keptMeasures = new WeakMap<
  StoredMeasure,
  Map<string, { tasks: TaskSummary[]; detail: MeasureDetail }>
>();
const keptAreas = new WeakMap<
  StoredArea,
  Map<string, { measures: MeasureDetail[]; tasks: TaskSummary[]; detail: AreaDetail }>
>();
/** Keys kept per measure or area (dates and scopes read of one report at once are few). */
const KEYS_PER_GROUP = 4;

function keptFor<G extends object, V>(
  memo: WeakMap<G, Map<string, V>>,
  group: G,
  key: string,
): V | undefined {
  return memo.get(group)?.get(key);
}

function keep<G extends object, V>(memo: WeakMap<G, Map<string, V>>, group: G, key: string, value: V): void {
  let kept = memo.get(group);
  if (!kept || kept.size >= KEYS_PER_GROUP) {
    kept = new Map();
    memo.set(group, kept);
  }
  kept.set(key, value);
}

/**
 * The tree's tasks in scope with their live assignments, as last made per tree, assignments map
 * and scope: a submission changes neither (report-inputs.ts keeps an unchanged map as it was),
 * so these are not walked again after one.
 */
const keptTaskLists = new WeakMap<
  StoredReportTree,
  Map<
    string,
    {
      assignmentsOf: TaskStatusInputs['assignments'];
      lists: Pick<ComputedReportDetail, 'storedTasks' | 'assignments' | 'unitOfTask'>;
    }
  >
>();

function taskListsOf(
  tree: StoredReportTree,
  inputs: TaskStatusInputs,
  scope: ReportScope,
  inScope: (task: StoredTask) => boolean,
): Pick<ComputedReportDetail, 'storedTasks' | 'assignments' | 'unitOfTask'> {
  const key = scopeKey(scope);
  const found = keptFor(keptTaskLists, tree, key);
  if (found && found.assignmentsOf === inputs.assignments) return found.lists;
  const storedTasks = tree.areas
    .flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks])
    .filter(inScope);
  const assignments = new Map<number, TaskAssignmentInfo[]>();
  const unitOfTask = new Map<number, number[]>();
  for (const task of storedTasks) {
    const list = inputs.assignments.get(task.id);
    if (!list) continue;
    assignments.set(task.id, list);
    unitOfTask.set(
      task.id,
      list.map((a) => a.unitId),
    );
  }
  const lists = { storedTasks, assignments, unitOfTask };
  keep(keptTaskLists, tree, key, { assignmentsOf: inputs.assignments, lists });
  return lists;
}

/** buildReportDetail from inputs already read (pure: no I/O). */
export function computeReportDetail(
  base: ReportBase,
  inputs: TaskStatusInputs,
  at: string,
  warnDays: number,
  scope: ReportScope,
  rollup: RollUpMode = 'mean',
): ComputedReportDetail {
  const { tree, meta } = base;
  const settings = statusSettings(tree.report.year, at, warnDays);
  const key = `${settings.year}|${at}|${warnDays}|${countsApprovedOnly(scope)}`;
  const groupKey = `${key}|${rollup}`;
  const present = (t: StoredTask) => presentTaskKept(t, inputs, settings, key);
  // A unit's people see the whole outline but only their unit's tasks (report-scope.ts).
  const inScope = (task: StoredTask) => taskInScope(scope, inputs.assignments.get(task.id) ?? []);
  const allTasks: TaskSummary[] = [];
  const areas = tree.areas.map((area): AreaDetail => {
    const measures = area.measures.map((measure): MeasureDetail => {
      const tasks = measure.tasks.filter(inScope).map((t) => present(t));
      allTasks.push(...tasks);
      const kept = keptFor(keptMeasures, measure, groupKey);
      if (kept && sameItems(kept.tasks, tasks)) return kept.detail;
      const detail = {
        id: measure.id,
        label: measure.label,
        title: measure.title,
        status: rollUpTasks(tasks, settings.thresholds, rollup),
        tasks,
      };
      keep(keptMeasures, measure, groupKey, { tasks, detail });
      return detail;
    });
    const tasks = area.tasks.filter(inScope).map((t) => present(t));
    allTasks.push(...tasks);
    const kept = keptFor(keptAreas, area, groupKey);
    if (kept && sameItems(kept.measures, measures) && sameItems(kept.tasks, tasks)) return kept.detail;
    const areaTasks = [...measures.flatMap((m) => m.tasks), ...tasks];
    const detail = {
      id: area.id,
      label: area.label,
      title: area.title,
      status: rollUpTasks(areaTasks, settings.thresholds, rollup),
      measures,
      tasks,
      ...(area.indicators ? { indicators: true as const } : {}),
    };
    keep(keptAreas, area, groupKey, { measures, tasks, detail });
    return detail;
  });
  return {
    id: tree.report.id,
    title: tree.report.title,
    year: tree.report.year,
    place: tree.report.place,
    publishedAt: base.publishedAt,
    meta: cleanMeta(meta),
    at,
    rollup,
    status: rollUpTasks(allTasks, settings.thresholds, rollup),
    areas,
    ...taskListsOf(tree, inputs, scope, inScope),
  };
}

const LIGHT_RANK = { red: 0, yellow: 1, green: 2 } as const;

/**
 * How many lagging and overdue tasks the dashboard lists (worst first); it counts them all, and
 * the ledger lists them all (its light and overdue filters).
 */
export const DASHBOARD_LIST_SIZE = 10;

/** What one area adds to the dashboard: its indicators, tasks per lead unit, lagging and overdue tasks. */
interface AreaDashboardPart {
  indicators: Dashboard['indicators'];
  byUnit: Map<number, { unitName: string; tasks: TaskSummary[] }>;
  lagging: Dashboard['lagging'];
  overdue: Dashboard['overdue'];
  unassigned: number;
}

/**
 * Each area detail's dashboard part, made once: computeReportDetail keeps an area's detail while
 * its task summaries are unchanged, so after a submission only the changed task's area is
 * walked again.
 */
const areaParts = new WeakMap<AreaDetail, AreaDashboardPart>();

function areaDashboardPart(area: AreaDetail): AreaDashboardPart {
  const kept = areaParts.get(area);
  if (kept) return kept;
  const part: AreaDashboardPart = {
    indicators: [],
    byUnit: new Map(),
    lagging: [],
    overdue: [],
    unassigned: 0,
  };
  const tasks = [...area.measures.flatMap((m) => m.tasks), ...area.tasks];
  for (const task of tasks) {
    const leads = task.assignments.filter((a) => a.role === 'lead');
    if (area.indicators) {
      part.indicators.push({
        taskId: task.id,
        text: task.text,
        targets: task.targets.map((t) => ({
          value: t.value,
          max: t.max,
          unit: t.unit,
          comparator: t.comparator,
          subject: t.subject,
          achieved: t.achieved,
        })),
        leadUnits: leads.map((l) => l.unitName),
        periodLabel: task.latestProgress?.periodLabel ?? null,
        status: task.status,
      });
    }
    if (task.assignments.length === 0) part.unassigned += 1;
    for (const lead of leads) {
      const entry = part.byUnit.get(lead.unitId) ?? { unitName: lead.unitName, tasks: [] };
      entry.tasks.push(task);
      part.byUnit.set(lead.unitId, entry);
    }
    if (task.status.light !== 'green' || task.status.overdue) {
      const listed = {
        taskId: task.id,
        text: task.text,
        areaId: area.id,
        areaTitle: area.title,
        leadUnits: leads.map((l) => l.unitName),
        status: task.status,
      };
      if (task.status.light !== 'green') part.lagging.push(listed);
      if (task.status.overdue) part.overdue.push(listed);
    }
  }
  areaParts.set(area, part);
  return part;
}

/** Dashboard roll-ups: the whole report, each area, each lead unit, the lagging and the overdue tasks. */
export function buildDashboard(detail: ReportDetail, warnDays: number): Omit<Dashboard, 'trend'> {
  const thresholds = { ...DEFAULT_THRESHOLDS, warnDays };
  const byUnit = new Map<number, { unitName: string; tasks: TaskSummary[] }>();
  const lagging: Dashboard['lagging'] = [];
  const indicators: Dashboard['indicators'] = [];
  const overdue: Dashboard['overdue'] = [];
  let unassigned = 0;
  for (const area of detail.areas) {
    const part = areaDashboardPart(area);
    indicators.push(...part.indicators);
    lagging.push(...part.lagging);
    overdue.push(...part.overdue);
    unassigned += part.unassigned;
    // A unit's tasks in reading order: area by area, as each part lists them.
    for (const [unitId, entry] of part.byUnit) {
      const all = byUnit.get(unitId);
      if (all) all.tasks.push(...entry.tasks);
      else byUnit.set(unitId, { unitName: entry.unitName, tasks: [...entry.tasks] });
    }
  }
  const gap = (t: Dashboard['lagging'][number]) => t.status.expected - (t.status.completion ?? 0);
  lagging.sort(
    (a, b) =>
      LIGHT_RANK[a.status.light] - LIGHT_RANK[b.status.light] || gap(b) - gap(a) || a.taskId - b.taskId,
  );
  // Longest overdue first.
  const daysLate = (t: Dashboard['overdue'][number]) => -t.status.daysToDeadline;
  overdue.sort((a, b) => daysLate(b) - daysLate(a) || gap(b) - gap(a) || a.taskId - b.taskId);
  return {
    reportId: detail.id,
    title: detail.title,
    at: detail.at,
    rollup: detail.rollup,
    overall: detail.status,
    areas: detail.areas.map((a) => ({
      id: a.id,
      label: a.label,
      title: a.title,
      status: a.status,
      ...(a.indicators ? { indicators: true } : {}),
    })),
    indicators,
    units: [...byUnit.entries()]
      .map(([unitId, entry]) => {
        const {
          completion,
          expected,
          class: progressClass,
          light,
          total,
        } = rollUpTasks(entry.tasks, thresholds, detail.rollup);
        return {
          unitId,
          unitName: entry.unitName,
          status: { completion, expected, class: progressClass, light, total },
        };
      })
      .sort((a, b) => (b.status.completion ?? 0) - (a.status.completion ?? 0) || a.unitId - b.unitId),
    unassignedTasks: unassigned,
    lagging: lagging.slice(0, DASHBOARD_LIST_SIZE),
    laggingTotal: lagging.length,
    overdue: overdue.slice(0, DASHBOARD_LIST_SIZE),
    overdueTotal: overdue.length,
  };
}
