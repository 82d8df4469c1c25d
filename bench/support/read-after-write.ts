import os from 'node:os';
import { hashPassword } from '../../src/server/auth/password.js';
import { createUser, findUserByUsername } from '../../src/store/accounts/manage-users.js';
import { type DatabaseSettings, openDatabase } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-of.js';
import type { UserRole } from '../../src/store/schema.js';
import { type BenchResult, median } from '../bench-result.js';
import { benchScale, seedOptionsFor } from './bench-scale.js';
import { BENCH_PASSWORD, type HttpSession, signIn } from './bench-users.js';
import { seededDatabase } from './seeded-database.js';
import { type ServerProcess, startServerProcess } from './server-process.js';
import { type EditableTask, listEditableTasks } from './submission-target.js';

/** The web ledger's page (LEDGER_PAGE_SIZE in web/src/report/ledger-filter.ts). */
const LEDGER_PAGE = 20;

/** The largest report, the unit leading most of its tasks, and those tasks it may write now. */
async function writableTasks(
  settings: DatabaseSettings,
): Promise<{ reportId: number; taskCount: number; unitId: number; tasks: EditableTask[] }> {
  const handle = await openDatabase(settings);
  try {
    const largest = await handle.db
      .selectFrom('nodes')
      .select(['report_id', (eb) => eb.fn.countAll<number>().as('tasks')])
      .where('kind', '=', 'task')
      .where('archived', '=', 0)
      .groupBy('report_id')
      .orderBy('tasks', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const unit = await handle.db
      .selectFrom('assignments as a')
      .innerJoin('nodes as n', 'n.id', 'a.node_id')
      .select(['a.unit_id', (eb) => eb.fn.countAll<number>().as('tasks')])
      .where('n.report_id', '=', largest.report_id)
      .where('a.role', '=', 'lead')
      .where('a.archived', '=', 0)
      .groupBy('a.unit_id')
      .orderBy('tasks', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Units write only to published reports (store/reports/readable-reports.ts): publish it.
    await handle.db
      .updateTable('reports')
      .set({ published_at: new Date().toISOString() })
      .where('id', '=', largest.report_id)
      .where('published_at', 'is', null)
      .execute();
    const tasks = await listEditableTasks(handle.db, unit.unit_id, {
      reportId: largest.report_id,
      lead: true,
    });
    return {
      reportId: largest.report_id,
      taskCount: Number(largest.tasks),
      unitId: unit.unit_id,
      tasks,
    };
  } finally {
    await handle.close();
  }
}

/** Makes sure an account exists (benchmark databases only), returning its username. */
async function ensureAccount(
  settings: DatabaseSettings,
  username: string,
  role: UserRole,
  unitId: number | null,
): Promise<string> {
  const handle = await openDatabase(settings);
  try {
    if (!(await findUserByUsername(handle.db, username))) {
      await createUser(handle.db, {
        username,
        displayName: username,
        passwordHash: await hashPassword(BENCH_PASSWORD),
        role,
        unitId,
      });
    }
    return username;
  } finally {
    await handle.close();
  }
}

async function send(
  url: string,
  session: HttpSession,
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
): Promise<{ id: number; version: number }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as { id: number; version: number };
}

async function timedGet(url: string, path: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return performance.now() - started;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * What a reader waits for right after a write during a reporting period: each round, for each
 * read view, the unit head of the unit leading most tasks of the largest report saves and
 * submits its progress report on one more task (which moves the report's change counter), the
 * view is requested once (the first read after the change: nothing cached is valid) and once
 * more (cached), and the office returns the report (so the next run finds the task writable
 * again). The return happens after the timed reads.
 */
export async function runReadAfterWrite(dialect: DialectName): Promise<BenchResult> {
  const scale = benchScale();
  const seed = seedOptionsFor(scale);
  const rounds = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : 20;
  const { settings } = await seededDatabase(dialect, scale, seed);
  const { reportId, taskCount, unitId, tasks } = await writableTasks(settings);
  const views = ['dashboard', 'ledger page', 'task page'] as const;
  if (tasks.length < rounds * views.length) {
    throw new Error(
      `only ${tasks.length} writable tasks in report ${reportId}, ${rounds * views.length} needed`,
    );
  }
  const headName = await ensureAccount(settings, `bench-head-${unitId}`, 'unit_head', unitId);
  const adminName = await ensureAccount(settings, 'bench-office', 'admin', null);
  const leaderName = await ensureAccount(settings, 'bench-leader', 'leader', null);
  const at = `${seed.year}-${String(Math.min(12, seed.periods)).padStart(2, '0')}-20`;

  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(settings);
    const url = server.url;
    const head = await signIn(url, headName);
    const office = await signIn(url, adminName);
    const leader = await signIn(url, leaderName);
    const pages = Math.ceil(taskCount / LEDGER_PAGE);
    const pathOf = (view: (typeof views)[number], round: number, taskId: number) =>
      view === 'dashboard'
        ? `/api/reports/${reportId}/dashboard?at=${at}`
        : view === 'ledger page'
          ? `/api/reports/${reportId}/tasks?at=${at}&offset=${((round * 37) % pages) * LEDGER_PAGE}&limit=${LEDGER_PAGE}`
          : `/api/tasks/${taskId}?at=${at}`;
    // Every view computed once before the first write, as a server in use has them.
    for (const view of views) await timedGet(url, pathOf(view, 0, tasks[0]!.taskId), leader.cookie);

    const loadBefore = os.loadavg()[0]!;
    const first = new Map<string, number[]>(views.map((v) => [v, []]));
    const warm = new Map<string, number[]>(views.map((v) => [v, []]));
    const writes: number[] = [];
    let next = 0;
    for (let round = 0; round < rounds; round++) {
      for (const view of views) {
        const task = tasks[next++]!;
        const writeStarted = performance.now();
        const saved = await send(
          url,
          head,
          'PUT',
          `/api/periods/${task.periodId}/tasks/${task.taskId}/progress`,
          {
            ...(task.version === null ? {} : { version: task.version }),
            narrative: `本月完成既定任务，第${round + 1}轮读写测试。`,
            percent: (round * 7 + next * 13) % 101,
          },
        );
        const submitted = await send(url, head, 'POST', `/api/progress/${saved.id}/submit`, {
          version: saved.version,
        });
        writes.push(performance.now() - writeStarted);
        const path = pathOf(view, round, task.taskId);
        first.get(view)!.push(await timedGet(url, path, leader.cookie));
        warm.get(view)!.push(await timedGet(url, path, leader.cookie));
        const returned = await send(url, office, 'POST', `/api/progress/${saved.id}/return`, {
          version: submitted.version,
          reason: '基准测试：退回以便下次再报。',
        });
        task.progressId = saved.id;
        task.version = returned.version;
      }
    }
    const ms = (value: number) => Number(value.toFixed(1));
    const rows = views.map((view) => ({
      view,
      'first read after a write, median ms': ms(median(first.get(view)!)),
      'p99 ms': ms(percentile(first.get(view)!, 0.99)),
      'next read (cached), median ms': ms(median(warm.get(view)!)),
    }));
    return {
      name: `Read after a write — ${dialect} (${scale} scale)${process.env.BENCH_LABEL ? `, ${process.env.BENCH_LABEL}` : ''}`,
      rows,
      notes: [
        `Each of ${rounds} rounds, for each view in turn: the unit head of the unit leading most tasks of the largest report ` +
          `(report ${reportId}, ${taskCount} tasks) saves and submits its progress report on one more of its tasks ` +
          `(PUT …/progress then POST /api/progress/:id/submit, median ${ms(median(writes))} ms together), which moves the report's ` +
          'change counter; then a leader requests the view once (timed: the first read after the change) and once more (cached); ' +
          'then the office returns the report, untimed, so the task can be written again by the next run.',
        `Views: the dashboard; a ledger page of ${LEDGER_PAGE} (a different page each round); the written task's page. ` +
          `Status judged at ${at}; one app process on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}; p99 by nearest rank (of ${rounds} ` +
          `samples: the largest). Wall-clock time of one request on loopback, sequential, no other load from the bench; the machine's ` +
          `1-minute load average was ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after the rounds.`,
        `Reproduce: \`flock /tmp/luoshi-bench.lock npm run bench -- read-after-write\` (BENCH_ROUNDS=${rounds}; BENCH_LABEL names the section, e.g. the code measured).`,
      ],
    };
  } finally {
    await server?.stop();
  }
}
