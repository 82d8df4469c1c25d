import type { Kysely } from 'kysely';
import { type DatabaseSettings, openDatabase } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';
import type { BenchAccount, HttpSession } from './bench-users.js';
import type { LoadTarget } from './load-test.js';

/** A task a unit may still report on in an open period, its progress report there and that report's version. */
export interface EditableTask {
  periodId: number;
  taskId: number;
  progressId: number | null;
  version: number | null;
}

/**
 * Up to 500 tasks `unitId` may still edit in an open period (no progress report yet, or a draft or
 * returned one), in task order; `only` narrows them to one report and to the tasks the unit leads.
 */
export async function listEditableTasks(
  db: Kysely<Database>,
  unitId: number,
  only: { reportId?: number; lead?: boolean } = {},
): Promise<EditableTask[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reporting_periods as rp', (join) =>
      join.onRef('rp.report_id', '=', 'n.report_id').on('rp.status', '=', 'open'),
    )
    .leftJoin('progress_reports as p', (join) =>
      join
        .onRef('p.node_id', '=', 'a.node_id')
        .onRef('p.unit_id', '=', 'a.unit_id')
        .onRef('p.period_id', '=', 'rp.id'),
    )
    .select(['rp.id as periodId', 'a.node_id as taskId', 'p.id as progressId', 'p.version as version'])
    .where('a.unit_id', '=', unitId)
    .where('a.archived', '=', 0)
    .$if(only.reportId !== undefined, (q) => q.where('n.report_id', '=', only.reportId!))
    .$if(only.lead === true, (q) => q.where('a.role', '=', 'lead'))
    .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.status', 'in', ['draft', 'returned'])]))
    .orderBy('a.node_id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    periodId: r.periodId,
    taskId: r.taskId,
    progressId: r.progressId ?? null,
    version: r.version ?? null,
  }));
}

/**
 * The tasks the unit may edit, after publishing the reports they belong to: units read and write
 * published reports only (since 10ee060), and a benchmark database seeded before `luoshi bench
 * seed` published its reports (fa55aa1) would answer every submission 404. Returns how many
 * reports it had to publish (0 on a database seeded since).
 */
async function editableTasks(
  settings: DatabaseSettings,
  unitId: number,
): Promise<{ tasks: EditableTask[]; published: number }> {
  const handle = await openDatabase(settings);
  try {
    const tasks = await listEditableTasks(handle.db, unitId);
    if (tasks.length === 0) return { tasks, published: 0 };
    const reports = handle.db
      .selectFrom('nodes')
      .select('report_id')
      .where(
        'id',
        'in',
        tasks.map((t) => t.taskId),
      );
    const published = await handle.db
      .updateTable('reports')
      .set({ published_at: new Date().toISOString() })
      .where('id', 'in', reports)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    return { tasks, published: Number(published.numUpdatedRows) };
  } finally {
    await handle.close();
  }
}

/** The current version of each task's progress report (null: none yet), read from the database. */
async function currentVersions(
  settings: DatabaseSettings,
  unitId: number,
  tasks: readonly EditableTask[],
): Promise<Map<number, number | null>> {
  const handle = await openDatabase(settings);
  try {
    const rows = await handle.db
      .selectFrom('progress_reports')
      .select(['node_id', 'period_id', 'version'])
      .where('unit_id', '=', unitId)
      .where(
        'node_id',
        'in',
        tasks.map((t) => t.taskId),
      )
      .execute();
    const periodOf = new Map(tasks.map((t) => [t.taskId, t.periodId]));
    const versions = new Map<number, number | null>(tasks.map((t) => [t.taskId, null]));
    for (const row of rows)
      if (periodOf.get(row.node_id) === row.period_id) versions.set(row.node_id, row.version);
    return versions;
  } finally {
    await handle.close();
  }
}

/**
 * 填报 — the reporter saving its unit's progress report on a task (PUT
 * /api/periods/:periodId/tasks/:taskId/progress): narrative, problems, next steps, percent, each
 * request on the next of up to 500 editable tasks, with the version the last answer gave (so
 * writes are real optimistic-concurrency updates, each with its audit event). The versions are read
 * again from the database before each run: autocannon ends a run with requests in flight whose
 * answers it never reads, and a version it missed would make that task answer 409 from then on.
 */
export async function submissionTarget(
  settings: DatabaseSettings,
  reporter: BenchAccount,
  session: HttpSession,
): Promise<{ target: LoadTarget; tasks: number; published: number } | { missing: string }> {
  const unitId = reporter.unitId;
  if (unitId === null) return { missing: 'the benchmark reporter has no unit' };
  const { tasks, published } = await editableTasks(settings, unitId);
  if (tasks.length === 0) return { missing: 'no task of the reporter’s unit is editable in an open period' };
  let versions = new Map(tasks.map((t) => [t.taskId, t.version]));
  let next = 0;
  let counter = 0;
  return {
    tasks: tasks.length,
    published,
    target: {
      name: 'report submission PUT /api/periods/:p/tasks/:t/progress',
      method: 'PUT',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      next: (context) => {
        const task = tasks[next++ % tasks.length]!;
        context.taskId = task.taskId;
        const version = versions.get(task.taskId);
        counter += 1;
        return {
          path: `/api/periods/${task.periodId}/tasks/${task.taskId}/progress`,
          body: JSON.stringify({
            ...(version === null || version === undefined ? {} : { version }),
            narrative: `本月完成既定任务，累计推进第${counter}项具体工作，项目进度符合序时要求。`,
            problems: '要素保障仍需加强。',
            nextSteps: '加快推进后续工作，确保按期完成。',
            percent: counter % 100,
          }),
        };
      },
      onResponse: (status, body, context) => {
        if (status !== 200) return;
        const saved = JSON.parse(body) as { taskId: number; version: number };
        versions.set(saved.taskId ?? (context.taskId as number), saved.version);
      },
      beforeRun: async () => {
        versions = await currentVersions(settings, unitId, tasks);
      },
    },
  };
}
