/**
 * Records the plans of the queries the hot endpoints run, on a seeded benchmark database:
 * `BENCH_SCALE=… node --import tsx bench/support/query-plans.ts sqlite|postgres >> plans.md`.
 * The queries are captured from the real repository functions (a Kysely plugin compiles each
 * one), then explained with their parameters: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
 * PostgreSQL. Each query's time is the median of 5 runs.
 */
import { type CompiledQuery, sql } from 'kysely';
import { hashToken } from '../../src/server/auth/session.js';
import { openDatabase } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-of.js';
import { getReportTree } from '../../src/store/reports/get-report-tree.js';
import { getTaskContext } from '../../src/store/status/get-task-context.js';
import { listTaskStatusInputs } from '../../src/store/status/list-task-status-inputs.js';
import { readViewState } from '../../src/store/status/read-view-state.js';
import { getTaskSource } from '../../src/store/tasks/get-task-source.js';
import { median } from '../bench-result.js';
import { benchScale, seedOptionsFor } from './bench-scale.js';
import { seededDatabase } from './seeded-database.js';

const dialect = (process.argv[2] ?? 'sqlite') as DialectName;
const scale = benchScale();
const { settings } = await seededDatabase(dialect, scale, seedOptionsFor(scale));
const handle = await openDatabase(settings);
const captured: { label: string; query: CompiledQuery }[] = [];
let label = '';
const spy = handle.db.withPlugin({
  transformQuery: (args) => {
    captured.push({ label, query: handle.db.getExecutor().compileQuery(args.node, args.queryId) });
    return args.node;
  },
  transformResult: async (args) => args.result,
});

const report = await handle.db
  .selectFrom('reports')
  .select('id')
  .orderBy('id')
  .limit(1)
  .executeTakeFirstOrThrow();
const task = await handle.db
  .selectFrom('nodes')
  .select('id')
  .where('report_id', '=', report.id)
  .where('kind', '=', 'task')
  .orderBy('id', 'desc')
  .limit(1)
  .executeTakeFirstOrThrow();
const session = await handle.db
  .selectFrom('sessions')
  .select('token_hash')
  .orderBy('id', 'desc')
  .limit(1)
  .executeTakeFirst();
const tokenHash = session?.token_hash ?? hashToken('no such session');
const now = new Date().toISOString();
const steps: [string, () => Promise<unknown>][] = [
  [
    'session + report + change counter (the one query of a cached dashboard/ledger/tree request)',
    () => readViewState(spy, { reportId: report.id }, tokenHash, now),
  ],
  [
    "session + task's report + change counter (the one query of a cached task page)",
    () => readViewState(spy, { taskId: task.id }, tokenHash, now),
  ],
  ['report tree (dashboard/ledger cache miss)', () => getReportTree(spy, report.id)],
  ['status inputs of a report (dashboard/ledger cache miss)', () => listTaskStatusInputs(spy, report.id)],
  ['task with ancestors, and its targets (task page cache miss)', () => getTaskContext(spy, task.id)],
  ['status inputs of one task (task page cache miss)', () => listTaskStatusInputs(spy, report.id, [task.id])],
  ['report passage of the task (task page cache miss)', () => getTaskSource(spy, task.id)],
];
for (const [name, run] of steps) {
  label = name;
  await run();
}

const out: string[] = [
  `### ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${scale} scale (report ${report.id}, task ${task.id})`,
  '',
];
let lastLabel = '';
const seen = new Set<string>();
for (const { label: name, query } of captured) {
  const key = `${name}|${query.sql}`;
  if (seen.has(key)) continue;
  seen.add(key);
  if (name !== lastLabel) out.push(`#### ${name}`, '');
  lastLabel = name;
  const params = query.parameters.map((p) => (Array.isArray(p) ? `[${p.length} values]` : JSON.stringify(p)));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await handle.db.executeQuery(query);
    times.push(performance.now() - started);
  }
  const explain =
    dialect === 'sqlite' ? sql.raw('explain query plan ') : sql.raw('explain (analyze, costs off) ');
  const plan = await handle.db.executeQuery({
    ...query,
    sql: `${explain.compile(handle.db).sql}${query.sql}`,
    query: query.query,
  } as CompiledQuery);
  const lines = (plan.rows as Record<string, unknown>[]).map((row) =>
    dialect === 'sqlite'
      ? `${'  '.repeat(Number(row.parent) > 0 ? 1 : 0)}${String(row.detail)}`
      : String(row['QUERY PLAN']),
  );
  out.push(
    '```sql',
    query.sql.length > 600 ? `${query.sql.slice(0, 600)} …` : query.sql,
    '```',
    `parameters: ${params.join(', ').slice(0, 200)} — median ${median(times).toFixed(2)} ms`,
    '```',
    ...lines,
    '```',
    '',
  );
}
await handle.close();
process.stdout.write(`${out.join('\n')}\n`);
