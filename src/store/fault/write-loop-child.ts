/**
 * A child process for the fault tests: it writes to the database in a loop and prints one JSON
 * "ack" line on stdout after each commit. The parent kills it (SIGKILL) or lets it finish, then
 * checks that every acknowledged write is in the database.
 *
 *   LUOSHI_CHILD='{"settings":{…},"mode":"import"|"progress"|"increment",…}' node --import tsx write-loop-child.ts
 */
import { isLuoshiError } from '../../core/errors.js';
import { type Actor, CLI_ACTOR } from '../audit/append-audit-event.js';
import { type DatabaseSettings, openDatabase } from '../database.js';
import { importReport } from '../import-report.js';
import { findProgressReport } from '../progress/find-progress-report.js';
import { reviewProgressReport, submitProgressReport } from '../progress/review-progress-report.js';
import { saveProgressReport } from '../progress/save-progress-report.js';
import { updateTarget } from '../targets/update-target.js';
import { analyseForTest, makeTree } from '../test-trees.js';

export interface ChildOrder {
  settings: DatabaseSettings;
  /** mixed alternates an import and a progress write. */
  mode: 'import' | 'progress' | 'mixed' | 'increment';
  /** Stop after this many writes (default: run until killed). */
  count?: number;
  /** progress: the tasks (with one target each) assigned to `unitId` in open period `periodId`. */
  tasks?: { taskId: number; targetId: number }[];
  unitId?: number;
  periodId?: number;
  /** increment: the target whose value is raised by 1 per write. */
  targetId?: number;
}

const order = JSON.parse(process.env.LUOSHI_CHILD ?? '{}') as ChildOrder;
const actor: Actor = { ...CLI_ACTOR, name: `child-${process.pid}` };
const ack = (fields: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(fields)}\n`);

const handle = await openDatabase(order.settings);

async function writeImport(i: number): Promise<void> {
  const tree = makeTree(`报告 ${process.pid}-${i}`, [
    {
      title: '推进城市建设',
      measures: [{ title: '重大项目', tasks: [`新建学校${i + 1}个。`, '推进地铁建设。'] }],
    },
    { title: '改善民生', tasks: [`举办活动${i + 2}个。`, '稳定就业。', '提升医疗水平。'] },
  ]);
  const bytes = new TextEncoder().encode(tree.text);
  const result = await importReport(handle.db, {
    bytes,
    fileName: `r${i}.md`,
    tree,
    analyses: analyseForTest,
    actor,
  });
  ack({ kind: 'import', reportId: result.reportId, tasks: result.counts.tasks });
}

/** One step of the workflow on one task: save a draft, submit it, or return it with a reason. */
async function writeProgress(i: number): Promise<void> {
  const task = order.tasks![i % order.tasks!.length]!;
  const key = { taskId: task.taskId, unitId: order.unitId!, periodId: order.periodId! };
  const current = await findProgressReport(handle.db, key);
  const status = current?.row.status;
  let saved: { id: number; version: number; status: string };
  if (current && status === 'submitted') {
    saved = await reviewProgressReport(handle.db, {
      id: current.row.id,
      version: current.row.version,
      decision: 'return',
      reason: `退回 ${i}`,
      actor,
    });
  } else if (current && status === 'draft' && current.row.version % 3 === 0) {
    saved = await submitProgressReport(handle.db, {
      id: current.row.id,
      version: current.row.version,
      actor,
    });
  } else {
    const detail = await saveProgressReport(handle.db, {
      ...key,
      ...(current ? { version: current.row.version } : {}),
      narrative: `第${i}次填报`,
      values: [{ targetId: task.targetId, value: i }],
      actor,
    });
    saved = detail.row;
  }
  ack({ kind: 'progress', id: saved.id, version: saved.version, status: saved.status });
}

/** Raises a target by one, retrying on conflict with other writers. */
async function writeIncrement(): Promise<void> {
  for (;;) {
    const row = await handle.db
      .selectFrom('targets')
      .selectAll()
      .where('id', '=', order.targetId!)
      .executeTakeFirstOrThrow();
    try {
      await updateTarget(handle.db, {
        id: row.id,
        version: row.version,
        changes: { value: row.value + 1 },
        actor,
      });
      ack({ kind: 'increment', version: row.version + 1 });
      return;
    } catch (error) {
      if (!isLuoshiError(error) || error.code !== 'conflict') throw error;
    }
  }
}

const limit = order.count ?? Number.POSITIVE_INFINITY;
for (let i = 0; i < limit; i++) {
  if (order.mode === 'import' || (order.mode === 'mixed' && i % 2 === 0)) await writeImport(i);
  else if (order.mode === 'progress' || order.mode === 'mixed') await writeProgress(i);
  else await writeIncrement();
}
await handle.close();
