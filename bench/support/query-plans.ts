/**
 * The plans of the queries the hot endpoints run, on a seeded benchmark database: the queries
 * are captured from the real repository functions (a Kysely plugin compiles each one), then
 * explained with their parameters: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL.
 * Each query's time is the median of 5 runs. `npm run bench -- plans` writes them to
 * BENCHMARKS.md (bench/plans.ts); `node --import tsx bench/support/query-plans.ts sqlite|postgres`
 * prints them as Markdown.
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

export interface QueryPlan {
  /** What the query is for (which request runs it, hit or miss). */
  label: string;
  sql: string;
  parameters: string;
  medianMs: number;
  plan: string[];
}

/** Captures and explains the hot queries on the seeded database of `dialect` at the bench scale. */
export async function captureQueryPlans(
  dialect: DialectName,
): Promise<{ plans: QueryPlan[]; reportId: number; taskId: number }> {
  const scale = benchScale();
  const { settings } = await seededDatabase(dialect, scale, seedOptionsFor(scale));
  const handle = await openDatabase(settings);
  try {
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
    // readViewState compiles its query once per database and then runs it raw: capture it on `spy`.
    const steps: [string, () => Promise<unknown>][] = [
      [
        "session + report + change counter (a cached dashboard, ledger or tree read's one query, kept until the database changes)",
        () => readViewState(spy, { reportId: report.id }, tokenHash, now),
      ],
      [
        "session + task's report + change counter (a cached task page's one query, kept until the database changes)",
        () => readViewState(spy, { taskId: task.id }, tokenHash, now),
      ],
      ['report tree (dashboard/ledger cache miss)', () => getReportTree(spy, report.id)],
      ['status inputs of a report (dashboard/ledger cache miss)', () => listTaskStatusInputs(spy, report.id)],
      ['task with ancestors, and its targets (task page miss)', () => getTaskContext(spy, task.id)],
      ['status inputs of one task (task page miss)', () => listTaskStatusInputs(spy, report.id, [task.id])],
      ['report passage of the task (GET /api/tasks/:id/source miss)', () => getTaskSource(spy, task.id)],
    ];
    for (const [name, run] of steps) {
      label = name;
      await run();
    }
    const plans: QueryPlan[] = [];
    const seen = new Set<string>();
    for (const { label: name, query } of captured) {
      const key = `${name}|${query.sql}`;
      if (seen.has(key)) continue;
      seen.add(key);
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
      plans.push({
        label: name,
        sql: query.sql,
        parameters: query.parameters
          .map((p) => (Array.isArray(p) ? `[${p.length} values]` : JSON.stringify(p)))
          .join(', '),
        medianMs: median(times),
        plan: (plan.rows as Record<string, unknown>[]).map((row) =>
          dialect === 'sqlite'
            ? `${'  '.repeat(Number(row.parent) > 0 ? 1 : 0)}${String(row.detail)}`
            : String(row['QUERY PLAN']),
        ),
      });
    }
    return { plans, reportId: report.id, taskId: task.id };
  } finally {
    await handle.close();
  }
}

/** The plans as Markdown: a heading per query with its SQL, parameters, time and plan. */
export function plansMarkdown(dialect: DialectName, found: Awaited<ReturnType<typeof captureQueryPlans>>) {
  const out: string[] = [
    `### ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${benchScale()} scale (report ${found.reportId}, task ${found.taskId})`,
    '',
  ];
  let lastLabel = '';
  for (const plan of found.plans) {
    if (plan.label !== lastLabel) out.push(`#### ${plan.label}`, '');
    lastLabel = plan.label;
    out.push(
      '```sql',
      plan.sql.length > 600 ? `${plan.sql.slice(0, 600)} …` : plan.sql,
      '```',
      `parameters: ${plan.parameters.slice(0, 200)} — median ${plan.medianMs.toFixed(2)} ms`,
      '```',
      ...plan.plan,
      '```',
      '',
    );
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  const dialect = (process.argv[2] ?? 'sqlite') as DialectName;
  process.stdout.write(`${plansMarkdown(dialect, await captureQueryPlans(dialect))}\n`);
}
