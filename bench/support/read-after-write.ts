import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/**
 * CPU time a process has run so far, in ms, every thread counted (the JavaScript thread, the
 * libuv pool, the garbage collector): the first field of each thread's /proc schedstat, in ns.
 * Read around one request it is the server's CPU time for that request, which unlike the
 * wall-clock time hardly depends on what else runs on the machine. NaN off Linux.
 */
function cpuMsOf(pid: number): number {
  try {
    let ns = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // The thread ended between listing and reading: its time is gone with it.
      }
    }
    return ns / 1e6;
  } catch {
    return Number.NaN;
  }
}

interface Timed {
  ms: number;
  serverCpuMs: number;
  /** When the request was sent and its answer read, in µs of the monotonic clock (as a CPU profile's timestamps). */
  fromUs: number;
  toUs: number;
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function timedGet(url: string, path: string, cookie: string, pid: number): Promise<Timed> {
  const cpuBefore = cpuMsOf(pid);
  const fromUs = monotonicUs();
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return { ms, serverCpuMs: cpuMsOf(pid) - cpuBefore, fromUs, toUs: monotonicUs() };
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** Rounds measured (BENCH_ROUNDS, default 100) and rounds run first and left out (BENCH_WARMUP, default 5). */
function roundsWanted(env: NodeJS.ProcessEnv = process.env): { rounds: number; warmUp: number } {
  const rounds = Number(env.BENCH_ROUNDS);
  const warmUp = Number(env.BENCH_WARMUP);
  return {
    rounds: Number.isInteger(rounds) && rounds > 0 ? rounds : 100,
    warmUp: Number.isInteger(warmUp) && warmUp >= 0 ? warmUp : 5,
  };
}

/**
 * What a reader waits for right after a write during a reporting period: each round, for each
 * read view, the unit head of the unit leading most tasks of the largest report saves and
 * submits its progress report on the next of its writable tasks (which moves the report's
 * change counter), the view is requested once (the first read after the change: nothing cached
 * is valid) and once more (cached), and the office returns the report, so the task is writable
 * again when its turn comes back (the tasks are taken in a circle: any number of rounds). The
 * return happens after the timed reads. The first BENCH_WARMUP rounds are left out of the
 * figures. BENCH_CPU_PROF=dir writes a CPU profile of the server there (node --cpu-prof).
 */
export async function runReadAfterWrite(dialect: DialectName): Promise<BenchResult> {
  const scale = benchScale();
  const seed = seedOptionsFor(scale);
  const { rounds, warmUp } = roundsWanted();
  const { settings } = await seededDatabase(dialect, scale, seed);
  const { reportId, taskCount, unitId, tasks } = await writableTasks(settings);
  const views = ['dashboard', 'ledger page', 'task page'] as const;
  if (tasks.length < views.length) {
    throw new Error(`only ${tasks.length} writable tasks in report ${reportId}, ${views.length} needed`);
  }
  const headName = await ensureAccount(settings, `bench-head-${unitId}`, 'unit_head', unitId);
  const adminName = await ensureAccount(settings, 'bench-office', 'admin', null);
  const leaderName = await ensureAccount(settings, 'bench-leader', 'leader', null);
  const at = `${seed.year}-${String(Math.min(12, seed.periods)).padStart(2, '0')}-20`;
  const profileDir = process.env.BENCH_CPU_PROF;

  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(
      settings,
      {},
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    const { url, pid } = server;
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
    for (const view of views) await timedGet(url, pathOf(view, 0, tasks[0]!.taskId), leader.cookie, pid);

    const first = new Map<string, Timed[]>(views.map((v) => [v, []]));
    const warm = new Map<string, Timed[]>(views.map((v) => [v, []]));
    const writes: number[] = [];
    const loads: number[] = [];
    let next = 0;
    for (let round = 0; round < warmUp + rounds; round++) {
      const counted = round >= warmUp;
      if (counted) loads.push(os.loadavg()[0]!);
      for (const view of views) {
        const task = tasks[next++ % tasks.length]!;
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
        const wrote = performance.now() - writeStarted;
        const viewPath = pathOf(view, round, task.taskId);
        const firstRead = await timedGet(url, viewPath, leader.cookie, pid);
        const warmRead = await timedGet(url, viewPath, leader.cookie, pid);
        if (counted) {
          writes.push(wrote);
          first.get(view)!.push(firstRead);
          warm.get(view)!.push(warmRead);
        }
        const returned = await send(url, office, 'POST', `/api/progress/${saved.id}/return`, {
          version: submitted.version,
          reason: '基准测试：退回以便下次再报。',
        });
        task.progressId = saved.id;
        task.version = returned.version;
      }
    }
    loads.push(os.loadavg()[0]!);
    if (profileDir) {
      // The first reads' time spans, to cut their samples out of the server's profile.
      const spans = views.map((view) => ({ view, spans: first.get(view)!.map((t) => [t.fromUs, t.toUs]) }));
      writeFileSync(path.join(profileDir, 'first-reads.json'), JSON.stringify(spans));
    }
    const ms = (value: number) => Number(value.toFixed(1));
    const wall = (list: Timed[]) => list.map((t) => t.ms);
    const cpu = (list: Timed[]) => list.map((t) => t.serverCpuMs);
    const rows = views.map((view) => {
      const firsts = first.get(view)!;
      return {
        view,
        'first read after a write, median ms': ms(median(wall(firsts))),
        'p95 ms': ms(percentile(wall(firsts), 0.95)),
        'p99 ms': ms(percentile(wall(firsts), 0.99)),
        'server CPU per first read, median ms': ms(median(cpu(firsts))),
        'server CPU p99 ms': ms(percentile(cpu(firsts), 0.99)),
        'next read (cached), median ms': ms(median(wall(warm.get(view)!))),
        'server CPU per cached read, median ms': ms(median(cpu(warm.get(view)!))),
      };
    });
    const loadRange = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)})`;
    return {
      name: `Read after a write — ${dialect} (${scale} scale)${process.env.BENCH_LABEL ? `, ${process.env.BENCH_LABEL}` : ''}`,
      rows,
      notes: [
        `Each of ${rounds} rounds (after ${warmUp} warm-up rounds left out), for each view in turn: the unit head of the unit leading ` +
          `most tasks of the largest report (report ${reportId}, ${taskCount} tasks) saves and submits its progress report on the next ` +
          `of its ${tasks.length} writable tasks, taken in a circle (PUT …/progress then POST /api/progress/:id/submit, median ` +
          `${ms(median(writes))} ms together), which moves the report's change counter; then a leader requests the view once ` +
          '(timed: the first read after the change) and once more (cached); then the office returns the report, untimed, so the ' +
          'task is writable again when its turn comes back.',
        `Views: the dashboard; a ledger page of ${LEDGER_PAGE} (a different page each round); the written task's page. ` +
          `Status judged at ${at}; one app process on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}; ${rounds} samples per view, ` +
          'percentiles by nearest rank. Wall-clock time of one request on loopback, sequential, no other load from the bench; ' +
          'server CPU is the CPU time all threads of the server process ran during the request (/proc/<pid>/task/*/schedstat), ' +
          `which depends far less on the machine's other load than the wall-clock time. The machine's 1-minute load average ` +
          `during the rounds: ${loadRange}.`,
        `Reproduce: \`${scale === 'province' ? '' : `BENCH_SCALE=${scale} `}flock /tmp/luoshi-bench.lock npm run bench -- ` +
          `ReadAfterWrite${dialect === 'sqlite' ? 'Sqlite' : 'Postgres'}\` (BENCH_ROUNDS=${rounds}, BENCH_WARMUP=${warmUp}; BENCH_LABEL ` +
          'names the section, e.g. the code measured; BENCH_CPU_PROF=dir writes a CPU profile of the server).',
      ],
    };
  } finally {
    await server?.stop();
  }
}
