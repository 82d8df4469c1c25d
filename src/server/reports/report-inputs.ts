import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { KeptValues } from '../../store/kept-values.js';
import {
  type ApprovedReport,
  listApprovedProgressByTask,
} from '../../store/progress/list-approved-progress-by-task.js';
import type { Database } from '../../store/schema.js';
import { listChangedTasks } from '../../store/status/list-changed-tasks.js';
import { listTaskStatusInputs, type TaskStatusInputs } from '../../store/status/list-task-status-inputs.js';
import { loadReportBase, type ReportBase } from './build-report-detail.js';

/** What is kept of one report: read at (at least) `counter`, each part once something asked for it. */
interface Snapshot {
  readonly counter: number;
  readonly base: ReportBase;
  /** Status inputs counting submitted and approved reports (false) or approved ones only (true). */
  readonly status: ReadonlyMap<boolean, TaskStatusInputs>;
  /** Approved reports per task, for the dashboard's trend. */
  readonly approved?: Map<number, ApprovedReport[]>;
}

/** How many changed tasks of a report of `taskCount` make reading a part again whole quicker. */
function wholeReadAbove(taskCount: number): number {
  return Math.max(50, taskCount * 0.25);
}

/**
 * Rows a snapshot holds (tasks, assignments, counted progress, approved reports): what its memory
 * follows, roughly 1 kB a row. A province report (1,000 tasks, 13,000 progress rows) is ~20,000.
 */
function snapshotRows(snapshot: Snapshot): number {
  let rows = snapshot.base.tree.areas.reduce(
    (n, area) => n + area.tasks.length + area.measures.reduce((m, measure) => m + measure.tasks.length, 0),
    0,
  );
  for (const inputs of snapshot.status.values()) rows += inputs.assignments.size + inputs.progress.size * 4;
  for (const list of snapshot.approved?.values() ?? []) rows += list.length;
  return rows;
}

/** Rows kept over all reports by default: about eight province reports, ~160 MB. */
const DEFAULT_MAX_ROWS = 160_000;

/**
 * The inputs of a report's views (tree, meta, the tasks' status inputs, the approved reports of
 * the trend), kept per report with the change counter they are current for, in a cache sized by
 * the rows they hold. When the counter has moved, only the tasks changed since then
 * (report_change_marks, listChangedTasks) are read again and put in place of their old entries;
 * a change to anything else (the tree, targets, periods, the report row, unit names) reads the
 * report again whole. A kept snapshot is never changed: bringing it up to date, or adding a part
 * a caller needs, makes a new one. A changed task's entries are new objects, an unchanged task's
 * are kept as they were: computeReportDetail and computeDashboardTrend recompute only tasks whose
 * input objects differ from their last run. Requests for one report are served in turn; a
 * failure drops what was kept of the report.
 */
export class ReportInputsCache {
  readonly #reports: KeptValues<number, Snapshot>;
  readonly #wholeReadAbove: (taskCount: number) => number;

  constructor(maxRows = DEFAULT_MAX_ROWS, readWholeAbove: (taskCount: number) => number = wholeReadAbove) {
    this.#reports = new KeptValues({ maxSize: maxRows, sizeOf: snapshotRows });
    this.#wholeReadAbove = readWholeAbove;
  }

  /** The report's base and status inputs (approved reports only with `approvedOnly`) current at `counter`. */
  async statusInputs(
    db: Kysely<Database>,
    reportId: number,
    counter: number,
    approvedOnly: boolean,
  ): Promise<{ base: ReportBase; inputs: TaskStatusInputs }> {
    const snapshot = await this.#at(db, reportId, counter, async (s) => {
      if (s.status.has(approvedOnly)) return s;
      const read = await listTaskStatusInputs(db, reportId, undefined, { approvedOnly });
      return { ...s, status: new Map(s.status).set(approvedOnly, read) };
    });
    return { base: snapshot.base, inputs: snapshot.status.get(approvedOnly)! };
  }

  /** The approved reports per task of the report's trend, current at `counter`. */
  async approvedReports(
    db: Kysely<Database>,
    reportId: number,
    counter: number,
  ): Promise<Map<number, ApprovedReport[]>> {
    const snapshot = await this.#at(db, reportId, counter, async (s) =>
      s.approved ? s : { ...s, approved: await listApprovedProgressByTask(db, reportId) },
    );
    return snapshot.approved!;
  }

  get size(): number {
    return this.#reports.size;
  }

  /** The snapshot of the report brought to `counter`, with `ensure` adding the part the caller needs. */
  #at(
    db: Kysely<Database>,
    reportId: number,
    counter: number,
    ensure: (snapshot: Snapshot) => Promise<Snapshot>,
  ): Promise<Snapshot> {
    const previous = this.#reports.latest(reportId)?.value ?? Promise.resolve(undefined);
    const next = previous
      .catch(() => undefined)
      .then(async (kept) => ensure(await advance(db, reportId, counter, kept, this.#wholeReadAbove)));
    // A report without a counter (-1) cannot be checked for changes: nothing is kept of it.
    return this.#reports.set(reportId, counter, next);
  }
}

/** `kept` brought to `counter`: as it is, with its changed tasks read again, or read anew. */
async function advance(
  db: Kysely<Database>,
  reportId: number,
  counter: number,
  kept: Snapshot | undefined,
  readWholeAbove: (taskCount: number) => number,
): Promise<Snapshot> {
  const fresh = async (): Promise<Snapshot> => ({
    counter,
    base: await loadReportBase(db, reportId),
    status: new Map(),
  });
  if (kept && counter === kept.counter) return kept;
  // A counter below the kept one (a request that read it just before another one's write, or a
  // restored database) says nothing about what changed since: read the report again.
  if (!kept || counter < kept.counter) return fresh();
  const changes = await listChangedTasks(db, reportId, kept.counter);
  // Every trigger that moves the counter marks what it changed; a counter moved without marks
  // (by hand, say) leaves nothing to go by.
  if (changes.whole || changes.taskIds.length === 0) return fresh();
  const taskIds = changes.taskIds;
  const taskCount = kept.base.tree.areas.reduce(
    (n, area) => n + area.tasks.length + area.measures.reduce((m, measure) => m + measure.tasks.length, 0),
    0,
  );
  const readWhole = taskIds.length > readWholeAbove(taskCount);
  // The parts are read at once (on PostgreSQL over several pooled connections: one round trip's
  // wait instead of one per part).
  const [status, approved] = await Promise.all([
    Promise.all(
      [...kept.status].map(
        async ([approvedOnly, inputs]) =>
          [
            approvedOnly,
            readWhole
              ? await listTaskStatusInputs(db, reportId, undefined, { approvedOnly })
              : replaceTasks(
                  inputs,
                  taskIds,
                  await listTaskStatusInputs(db, reportId, taskIds, { approvedOnly }),
                ),
          ] as const,
      ),
    ).then((parts) => new Map<boolean, TaskStatusInputs>(parts)),
    kept.approved &&
      (readWhole
        ? listApprovedProgressByTask(db, reportId)
        : listApprovedProgressByTask(db, reportId, taskIds).then((changed) =>
            replaceEntries(kept.approved!, taskIds, changed),
          )),
  ]);
  return { counter, base: kept.base, status, ...(approved ? { approved } : {}) };
}

/** `inputs` with the entries of `taskIds` replaced by those of `changed` (read for those tasks only). */
function replaceTasks(
  inputs: TaskStatusInputs,
  taskIds: readonly number[],
  changed: TaskStatusInputs,
): TaskStatusInputs {
  const assignments = replaceEntries(inputs.assignments, taskIds, changed.assignments);
  const progress = replaceEntries(inputs.progress, taskIds, changed.progress);
  return assignments === inputs.assignments && progress === inputs.progress
    ? inputs
    : { assignments, progress };
}

/**
 * `kept` with the entries of `taskIds` taken from `changed` (read again for those tasks only). An
 * entry read again with the same content stays the object it was, and a map with no entry
 * changed stays the map it was: the memos of the views (computeReportDetail,
 * computeDashboardTrend) go by identity, so a task marked changed whose rows did not change in
 * what this part holds (a submission leaves the approved reports as they were) is not judged
 * again.
 */
function replaceEntries<V>(
  kept: Map<number, V>,
  taskIds: readonly number[],
  changed: ReadonlyMap<number, V>,
): Map<number, V> {
  let out: Map<number, V> | undefined;
  for (const id of taskIds) {
    const before = kept.get(id);
    const after = changed.get(id);
    if (before === after || isDeepStrictEqual(before, after)) continue;
    out ??= new Map(kept);
    if (after === undefined) out.delete(id);
    else out.set(id, after);
  }
  return out ?? kept;
}
