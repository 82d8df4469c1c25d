import { openDatabase } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-of.js';
import type { BenchResult } from '../bench-result.js';
import { benchScale, loadSettingsFor, seedOptionsFor } from './bench-scale.js';
import { ensureBenchAccounts, signIn } from './bench-users.js';
import { describeStatuses, type LoadFigures, type LoadTarget, loadOnce, medianFigures } from './load-test.js';
import { seededDatabase } from './seeded-database.js';
import { type ServerProcess, startServerProcess } from './server-process.js';
import { submissionTarget } from './submission-target.js';

const DASHBOARD_P99_GOAL_MS = 50;
const READ_RATIO_GOAL = 0.5;
/** The web ledger's page (LEDGER_PAGE_SIZE in web/src/report/ledger-filter.ts). */
const LEDGER_PAGE = 20;
/** Shown for comparison (export, old web ledger), without a goal: the ledger pages instead. */
const WHOLE_TREE = 'whole tree GET /api/reports/:id (no goal)';

/**
 * Waits until every server answers the hello route quickly again: requests still queued from the
 * previous load (slow ones especially) must not eat into the next measurement.
 */
async function settle(urls: readonly string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const url of urls) {
    while (Date.now() < deadline) {
      const started = performance.now();
      await fetch(`${url}/bench/hello`);
      if (performance.now() - started < 20) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** "0", or the count with its statuses: "12 (409: 10, errors: 2)". */
function nonSuccess(figures: LoadFigures): string {
  const total = figures.non2xx + figures.errors;
  if (total === 0) return '0';
  const parts = [describeStatuses(figures.statuses), figures.errors > 0 ? `errors: ${figures.errors}` : '']
    .filter((part) => part !== '')
    .join(', ');
  return `${total} (${parts})`;
}

function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

/**
 * API throughput and latency at the seeded scale: the dashboard, the ledger list (a page of 50
 * tasks), the whole task tree (for comparison), the task page and (when the server has it) report submission, each next to a bare
 * hello-world route of the same server in the same run. `instances` app processes share the
 * database; load is split evenly between them.
 */
export async function runApiBench(dialect: DialectName, instances: number): Promise<BenchResult> {
  const scale = benchScale();
  const seed = seedOptionsFor(scale);
  const load = loadSettingsFor(scale);
  const { settings, seedSeconds } = await seededDatabase(dialect, scale, seed);
  const accounts = await ensureBenchAccounts(settings);

  const handle = await openDatabase(settings);
  let reportIds: number[];
  let taskIds: number[];
  try {
    // The reports the leader may read: their organisation's (with --orgs, the city's, whose
    // ledger lists each district like a unit).
    const leader = await handle.db
      .selectFrom('users')
      .select('organisation_id')
      .where('username', '=', accounts.leader.username)
      .executeTakeFirstOrThrow();
    let reports = handle.db.selectFrom('reports').select('id');
    if (leader.organisation_id !== null)
      reports = reports.where('organisation_id', '=', leader.organisation_id);
    reportIds = (await reports.orderBy('id').limit(10).execute()).map((r) => r.id);
    const tasks = await handle.db
      .selectFrom('nodes')
      .select('id')
      .where('kind', '=', 'task')
      .where('report_id', 'in', reportIds)
      .execute();
    taskIds = tasks.filter((_, i) => i % Math.max(1, Math.floor(tasks.length / 1000)) === 0).map((t) => t.id);
  } finally {
    await handle.close();
  }
  const at = `${seed.year}-${String(Math.min(12, seed.periods)).padStart(2, '0')}-20`;

  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServerProcess(settings));
    const urls = servers.map((s) => s.url);
    const leader = await signIn(urls[0]!, accounts.leader.username);
    const nextReport = rotate(reportIds);
    const nextTask = rotate(taskIds);
    const tasksPerReport = Math.max(1, Math.floor(seed.tasks / seed.workReports));
    const pages = [...Array(Math.ceil(tasksPerReport / LEDGER_PAGE)).keys()];
    const nextPage = rotate(pages);
    // Read requests carry what a browser sends: the session cookie and Accept-Encoding.
    const reader = { cookie: leader.cookie, 'accept-encoding': 'gzip, deflate, br' };
    const targets: LoadTarget[] = [
      {
        name: 'hello world (bare route)',
        next: () => ({ path: '/bench/hello' }),
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      },
      {
        name: 'dashboard GET /api/reports/:id/dashboard',
        next: () => ({ path: `/api/reports/${nextReport()}/dashboard?at=${at}` }),
        headers: reader,
      },
      {
        name: `ledger list GET /api/reports/:id/tasks (${LEDGER_PAGE} a page)`,
        next: () => ({
          path: `/api/reports/${nextReport()}/tasks?at=${at}&offset=${nextPage() * LEDGER_PAGE}&limit=${LEDGER_PAGE}`,
        }),
        headers: reader,
      },
      {
        name: WHOLE_TREE,
        next: () => ({ path: `/api/reports/${nextReport()}?at=${at}` }),
        headers: reader,
      },
      {
        name: 'task page GET /api/tasks/:id',
        next: () => ({ path: `/api/tasks/${nextTask()}?at=${at}` }),
        headers: reader,
      },
    ];
    const reporter = await signIn(urls[0]!, accounts.reporter.username);
    const submission = await submissionTarget(settings, accounts.reporter, reporter);
    const notes: string[] = [];
    if ('target' in submission) {
      targets.push(submission.target);
      notes.push(
        `Report submission: the reporter (承办人) of the unit leading most tasks saves its unit's draft progress report on ` +
          `each of its ${submission.tasks} editable tasks in turn (open period, published report), sending the version the last ` +
          'answer gave; the versions are read again from the database before each run, since autocannon ends a run with ' +
          'requests in flight whose answers it never reads. Non-2xx answers are counted by status over all runs.' +
          (submission.published > 0
            ? ` ${submission.published} reports of those tasks were unpublished (a database seeded before luoshi bench seed published its reports) and were published first.`
            : ''),
      );
    } else notes.push(`report submission not measured: ${submission.missing}`);

    // One request to each read endpoint before any load: what a reader waits for when the view
    // is not cached yet (first view of a report that day, or the first after a change).
    const cold: string[] = [];
    for (const target of targets.slice(1)) {
      if (target.method !== undefined && target.method !== 'GET') continue;
      const started = performance.now();
      const response = await fetch(`${urls[0]}${target.next({}).path}`, { headers: target.headers ?? {} });
      const bytes = (await response.arrayBuffer()).byteLength;
      cold.push(
        `${target.name.split(' GET')[0]} ${(performance.now() - started).toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB)`,
      );
    }
    notes.push(`First request of a view not cached yet (computed from the database): ${cold.join('; ')}.`);
    // Warm-up: every view of the rotation served once by every instance (their caches are their
    // own), then a second of load per endpoint. The timed runs measure reads of views cached
    // since the report last changed; the cold figures above are what a change costs the next reader.
    const primeStarted = performance.now();
    for (const url of urls) {
      const paths = [
        ...reportIds.flatMap((id) => [
          `/api/reports/${id}/dashboard?at=${at}`,
          ...pages.map(
            (page) => `/api/reports/${id}/tasks?at=${at}&offset=${page * LEDGER_PAGE}&limit=${LEDGER_PAGE}`,
          ),
          `/api/reports/${id}?at=${at}`,
        ]),
        ...taskIds.map((id) => `/api/tasks/${id}?at=${at}`),
      ];
      for (let i = 0; i < paths.length; i += 4) {
        await Promise.all(
          paths.slice(i, i + 4).map(async (path) => {
            const response = await fetch(`${url}${path}`, { headers: { cookie: leader.cookie } });
            await response.arrayBuffer();
          }),
        );
      }
    }
    notes.push(
      `Warm-up: each of the ${reportIds.length} reports' dashboard, ledger pages and tree and each of the ${taskIds.length} task pages ` +
        `requested once per instance (${((performance.now() - primeStarted) / 1000).toFixed(0)} s), then 1 s of load per endpoint; the read endpoints' runs come first, the submission's after them (its writes change the reports read).`,
    );
    // Reads first, all their runs, then the writes: a submission changes the reports read here, and
    // the next read of each view would be computed again (the cold figures above), not served
    // from the cache these runs are meant to measure.
    const isWrite = (target: LoadTarget) => target.method !== undefined && target.method !== 'GET';
    const runs = new Map<string, LoadFigures[]>(targets.map((t) => [t.name, []]));
    const ratios = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const helloRuns: number[] = [];
    for (const phase of [targets.filter((t) => !isWrite(t)), targets.filter(isWrite)]) {
      for (const target of phase) {
        await settle(urls);
        await loadOnce(urls, target, 1, load.connections); // warm-up
      }
      for (let run = 0; run < load.runs; run++) {
        for (const target of phase) {
          await settle(urls);
          const figures = await loadOnce(urls, target, load.seconds, load.connections);
          process.stderr.write(`bench api: ${target.name}: ${JSON.stringify(figures)}\n`);
          if (target === targets[0]) helloRuns[run] = figures.requestsPerSecond;
          runs.get(target.name)!.push(figures);
          ratios.get(target.name)!.push(figures.requestsPerSecond / helloRuns[run]!);
        }
      }
    }
    const rows = targets.map((target) => {
      const figures = medianFigures(runs.get(target.name)!);
      const ratio = medianFigures(
        ratios
          .get(target.name)!
          .map((r) => ({ requestsPerSecond: r, p50: 0, p99: 0, non2xx: 0, errors: 0, statuses: {} })),
      ).requestsPerSecond;
      const isRead = target.method === undefined || target.method === 'GET';
      const goal = target.name.startsWith('dashboard')
        ? `p99 < ${DASHBOARD_P99_GOAL_MS} ms, ≥ ${READ_RATIO_GOAL * 100}% of hello`
        : isRead && target !== targets[0] && target.name !== WHOLE_TREE
          ? `≥ ${READ_RATIO_GOAL * 100}% of hello`
          : '';
      const met =
        goal === ''
          ? ''
          : (isRead ? ratio >= READ_RATIO_GOAL : true) &&
              (!target.name.startsWith('dashboard') || figures.p99 < DASHBOARD_P99_GOAL_MS)
            ? 'yes'
            : 'no';
      return {
        endpoint: target.name,
        'req/s': Math.round(figures.requestsPerSecond),
        'p50 ms': figures.p50,
        'p99 ms': figures.p99,
        'vs hello': `${(ratio * 100).toFixed(0)}%`,
        // Each run's own ratio, in run order: how much the shared machine moved the figure.
        'vs hello, each run': ratios
          .get(target.name)!
          .map((r) => `${(r * 100).toFixed(0)}%`)
          .join(' / '),
        // All runs together, by status (and connection errors or timeouts), so a count says what it was.
        'non-2xx': nonSuccess(figures),
        goal,
        met,
      };
    });
    notes.push(
      `${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${instances} app instance${instances > 1 ? 's' : ''} sharing the database; ` +
        `scale ${scale}: ${seed.tasks} tasks in ${seed.workReports} work reports, ${seed.progressReports} progress reports, ` +
        `${seed.units} units, ${seed.periods} monthly periods (luoshi bench seed${seed.organisations ? ` --orgs ${seed.organisations}` : ''}).` +
        (seed.organisations
          ? ` A city and ${seed.organisations} districts, each with its own units and ${seed.workReports / (seed.organisations + 1)} work reports; ` +
            `the city's ledger has a unit for each district, and the reads are the city leader's of the city's ${reportIds.length} reports.`
          : ''),
      `autocannon on loopback, ${load.connections} connections${instances > 1 ? ' split between the instances' : ''}, ` +
        `${load.seconds} s per run after a 1 s warm-up, median of ${load.runs} runs; status judged at ${at}; ` +
        'read endpoints signed in as a leader, hello world without a session; every request sends Accept-Encoding: gzip, deflate, br as browsers do ' +
        '(cached views keep a Brotli copy made once, and a gzip copy once a client without Brotli asks; hello world is sent as it is). Views are cached per report (or task), reader ' +
        "scope and date while the report's change counter stands; the session, report and counter each read checks are read in one query " +
        'and kept in memory until the database changes (SQLite: total_changes() and PRAGMA data_version; PostgreSQL: LISTEN for the ' +
        'commit notifications of the other instance).',
      'autocannon shares the 2 cores with the server: a CPU profile of the SQLite server (2026-11-27) found it idle, waiting for ' +
        'autocannon, 40% of a hello-world run and 25% of a dashboard run, so these ratios are bounded by the load generator, whose cost ' +
        'grows with the size of the answers it reads (dashboard 2.9 KB, a ledger page 5.6 KB in Brotli; hello world 17 bytes), as much as by the server.',
      `Peak RSS of the server process${instances > 1 ? 'es' : ''} under this load: ${servers.map((s) => `${s.peakRssMiB()} MiB`).join(', ')}.`,
    );
    if (seedSeconds !== null) notes.push(`Seeding this database took ${seedSeconds.toFixed(0)} s.`);
    return {
      name: `API under load — ${dialect}${instances > 1 ? ` × ${instances} instances` : ''} (${scale} scale)`,
      rows,
      notes,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}
