import type { Kysely } from 'kysely';
import { z } from 'zod';
import { COMPARATOR_SIGN, type Comparator } from '../../core/target.js';
import { listFlaggedTaskIds } from '../../store/flags/list-flagged-task-ids.js';
import type { Database } from '../../store/schema.js';
import { atDateSchema } from '../calendar-date.js';
import type { ReportDetail, TaskSummary } from './schema.js';
import { lightSchema, progressClassSchema, taskSummarySchema } from './schema.js';

/** The ledger's filters and order (GET /api/reports/:id/tasks and its .xlsx export). */
export const ledgerFilterSchema = z.object({
  at: atDateSchema,
  area: z.coerce.number().int().positive().optional().describe('Only tasks of this work area (node id)'),
  unit: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Only tasks assigned to this unit (lead or cooperating)'),
  status: progressClassSchema.optional(),
  light: lightSchema.optional(),
  overdue: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .describe('1: only tasks past their deadline and not completed'),
  flagged: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .describe(
      '1: only tasks some leader flags now (领导关注). Flags are shown to the office and leaders only: for other readers nothing matches',
    ),
  q: z.string().max(200).optional().describe('Keyword in the task text, targets, units or deadline'),
  sort: z.enum(['order', 'deadline', 'status']).default('order'),
});

export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

/** GET /api/reports/:id/tasks query: filters, order and the page. */
export const ledgerQuerySchema = ledgerFilterSchema.extend({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  facets: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .describe("1: also send the report's work areas and the units to filter by"),
});

export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

export const ledgerRowSchema = taskSummarySchema
  .extend({
    areaId: z.number().int(),
    areaLabel: z.string().nullable(),
    areaTitle: z.string(),
    measureId: z.number().int().nullable(),
    measureLabel: z.string().nullable(),
    measureTitle: z.string().nullable(),
  })
  .meta({ id: 'LedgerRow' });

const ledgerFacetsSchema = z.object({
  areas: z
    .array(z.object({ id: z.number().int(), label: z.string().nullable(), title: z.string() }))
    .describe("The report's work areas, in reading order"),
  units: z
    .array(z.object({ id: z.number().int(), name: z.string() }))
    .describe('Units assigned (lead or cooperating) to the tasks the reader sees, by name'),
});

/** GET /api/reports/:id/tasks — one page of the report's tasks (台账), with the total that match. */
export const ledgerPageSchema = z
  .object({
    reportId: z.number().int(),
    at: z.string(),
    total: z.number().int().describe('Tasks matching the filters, over all pages'),
    offset: z.number().int(),
    limit: z.number().int(),
    tasks: z.array(ledgerRowSchema),
    facets: ledgerFacetsSchema.optional().describe('Sent when asked for with facets=1'),
  })
  .describe(
    "台账 (ledger): one page of a report's tasks with their units, 完成时限, latest progress and status, and the total",
  )
  .meta({ id: 'LedgerPage' });

/** One task of the ledger index: what the filters and sorts look at, and its encoded JSON. */
interface IndexedTask {
  id: number;
  areaId: number;
  unitIds: readonly number[];
  class: TaskSummary['status']['class'];
  light: TaskSummary['status']['light'];
  overdue: boolean;
  deadline: string;
  /** Lower-cased text a keyword is looked for in. */
  search: string;
  json: string;
}

/** A report's tasks in reading order, each serialised once, ready to filter and page. */
export interface LedgerIndex {
  reportId: number;
  at: string;
  tasks: readonly IndexedTask[];
  /** The facets as encoded JSON. */
  facetsJson: string;
}

const STATUS_RANK: Record<TaskSummary['status']['class'], number> = {
  behind: 0,
  not_started: 1,
  on_track: 2,
  ahead: 3,
  completed: 4,
};

/**
 * Each task summary's indexed row, made once: a summary object stands for one task of one tree
 * at one status (build-report-detail.ts keeps a task's summary while its inputs are unchanged),
 * so its row, area and measure included, is the same whenever it is indexed again.
 */
const indexedRows = new WeakMap<TaskSummary, IndexedTask>();

/** Unit names in zh-CN order; one collator (String#localeCompare with a locale makes one per call). */
const byChineseName = new Intl.Collator('zh-CN').compare;

/** Builds the index of a computed report detail (each row encoded with ledgerRowSchema). */
export function buildLedgerIndex(detail: ReportDetail): LedgerIndex {
  const tasks: IndexedTask[] = [];
  const units = new Map<number, string>();
  const add = (
    task: TaskSummary,
    area: ReportDetail['areas'][number],
    measure: { id: number; label: string | null; title: string } | null,
  ) => {
    for (const a of task.assignments) units.set(a.unitId, a.unitName);
    const indexed = indexedRows.get(task);
    if (indexed && indexed.areaId === area.id) {
      tasks.push(indexed);
      return;
    }
    const row = {
      ...task,
      areaId: area.id,
      areaLabel: area.label,
      areaTitle: area.title,
      measureId: measure?.id ?? null,
      measureLabel: measure?.label ?? null,
      measureTitle: measure?.title ?? null,
    };
    const deadlineText = task.deadline?.text || task.deadline?.date || '';
    const assignedDeadline = task.assignments.find((a) => a.deadline)?.deadline ?? null;
    const entry: IndexedTask = {
      id: task.id,
      areaId: area.id,
      unitIds: task.assignments.map((a) => a.unitId),
      class: task.status.class,
      light: task.status.light,
      overdue: task.status.overdue,
      deadline: task.deadline?.date ?? assignedDeadline ?? '9999',
      search: [
        task.text,
        ...task.targets.map((t) =>
          `${t.subject} ${COMPARATOR_SIGN[t.comparator as Comparator] ?? ''}${t.value}${t.max === null ? '' : `–${t.max}`}${t.unit}`.trim(),
        ),
        ...task.assignments.map((a) => a.unitName),
        deadlineText || assignedDeadline || '',
      ]
        .join('\n')
        .toLowerCase(),
      json: JSON.stringify(z.encode(ledgerRowSchema, row)),
    };
    indexedRows.set(task, entry);
    tasks.push(entry);
  };
  for (const area of detail.areas) {
    for (const measure of area.measures) for (const task of measure.tasks) add(task, area, measure);
    for (const task of area.tasks) add(task, area, null);
  }
  const facets = {
    areas: detail.areas.map((area) => ({ id: area.id, label: area.label, title: area.title })),
    units: [...units]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => byChineseName(a.name, b.name) || a.id - b.id),
  };
  return {
    reportId: detail.id,
    at: detail.at,
    tasks,
    facetsJson: JSON.stringify(z.encode(ledgerFacetsSchema, facets)),
  };
}

/** Whether a yes/no query parameter (`overdue`, `flagged`, `facets`) is on: `1` or `true`. */
export const isOn = (value: string | undefined) => value === '1' || value === 'true';

/** Whether the query asks for flagged tasks only (领导关注). */
export function ledgerWantsFlagged(query: LedgerFilter): boolean {
  return isOn(query.flagged);
}

/**
 * The tasks some leader flags now, as the reader may know them: flags are shown to the office
 * and leaders only, so for everyone else the set is empty (and the flagged filter matches
 * nothing). Flags do not move the report's change counter: read them per request.
 */
export async function flaggedTaskIdsFor(
  db: Kysely<Database>,
  user: { role: string } | null,
): Promise<ReadonlySet<number>> {
  if (user?.role !== 'admin' && user?.role !== 'leader') return new Set();
  return listFlaggedTaskIds(db);
}

/** The index's tasks that pass the filters, in the query's order (all pages). */
function matchLedger(
  index: LedgerIndex,
  query: LedgerFilter,
  flaggedIds: ReadonlySet<number>,
): readonly IndexedTask[] {
  const keyword = query.q?.trim().toLowerCase() ?? '';
  const overdue = isOn(query.overdue);
  const flagged = isOn(query.flagged);
  const filtering =
    query.area !== undefined ||
    query.unit !== undefined ||
    query.status !== undefined ||
    query.light !== undefined ||
    overdue ||
    flagged ||
    keyword !== '';
  let matched: readonly IndexedTask[] = filtering
    ? index.tasks.filter(
        (t) =>
          (query.area === undefined || t.areaId === query.area) &&
          (query.unit === undefined || t.unitIds.includes(query.unit)) &&
          (query.status === undefined || t.class === query.status) &&
          (query.light === undefined || t.light === query.light) &&
          (!overdue || t.overdue) &&
          (!flagged || flaggedIds.has(t.id)) &&
          (keyword === '' || t.search.includes(keyword)),
      )
    : index.tasks;
  // Array.prototype.sort is stable: ties keep the reading order.
  if (query.sort === 'deadline') matched = [...matched].sort((a, b) => a.deadline.localeCompare(b.deadline));
  else if (query.sort === 'status')
    matched = [...matched].sort((a, b) => STATUS_RANK[a.class] - STATUS_RANK[b.class]);
  return matched;
}

/**
 * The ids of every task the ledger lists under the filters, in its order, over all pages:
 * what its .xlsx export writes. `flaggedIds` as for ledgerPageJson.
 */
export function ledgerTaskIds(
  index: LedgerIndex,
  query: LedgerFilter,
  flaggedIds: ReadonlySet<number> = new Set(),
): number[] {
  return matchLedger(index, query, flaggedIds).map((t) => t.id);
}

/**
 * One page of the index under the query's filters and order, as the JSON text to send.
 * `flaggedIds` are the tasks that count as flagged (flaggedTaskIdsFor) when the query asks
 * for flagged tasks; none do without them.
 */
export function ledgerPageJson(
  index: LedgerIndex,
  query: LedgerQuery,
  flaggedIds: ReadonlySet<number> = new Set(),
): string {
  const matched = matchLedger(index, query, flaggedIds);
  const page = matched.slice(query.offset, query.offset + query.limit);
  const head = JSON.stringify({
    reportId: index.reportId,
    at: index.at,
    total: matched.length,
    offset: query.offset,
    limit: query.limit,
  });
  const facets = isOn(query.facets) ? `,"facets":${index.facetsJson}` : '';
  return `${head.slice(0, -1)},"tasks":[${page.map((t) => t.json).join(',')}]${facets}}`;
}
