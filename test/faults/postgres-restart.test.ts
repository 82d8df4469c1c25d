import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { buildApp } from '../../src/server/app.js';
import { CLI_ACTOR } from '../../src/store/audit/append-audit-event.js';
import { changeWatchOf } from '../../src/store/change-watch.js';
import { type DatabaseHandle, openDatabase } from '../../src/store/database.js';
import { importReport } from '../../src/store/import-report.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { analyseForTest, makeTree } from '../../src/store/test-trees.js';
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.js';

interface Outcome {
  at: number;
  status: number;
  code?: string;
  messageZh?: string;
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL restarts while the server is under load: requests in the outage fail cleanly with
 * 503 database_unavailable (no 500, no hang, no crash), and once PostgreSQL is back the same app
 * process serves 200s again without being restarted. Uses a private cluster, never the shared one.
 */
describe('PostgreSQL restarted under load', () => {
  let cluster: PrivatePostgres;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let baseUrl: string;
  let reportId: number;

  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    handle = await openDatabase({ DATABASE_URL: cluster.url, sqlitePath: '' });
    await migrateToLatest(handle.db);
    const tree = makeTree('2026年区政府工作报告', [
      { title: '保障和改善民生', measures: [{ title: '办好民生实事', tasks: ['新增中小学学位6500个。'] }] },
    ]);
    reportId = (
      await importReport(handle.db, {
        bytes: new TextEncoder().encode(tree.text),
        fileName: 'r.md',
        tree,
        analyses: analyseForTest,
        actor: CLI_ACTOR,
      })
    ).reportId;
    await handle.db.updateTable('reports').set({ published_at: new Date().toISOString() }).execute();
    const config = loadConfig({ DATABASE_URL: cluster.url, LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
    app = await buildApp({ config, db: handle.db, logger: createLogger('silent') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    cluster?.destroy();
  });

  it('answers 503 during the outage and recovers by itself', async () => {
    const outcomes: Outcome[] = [];
    const networkErrors: string[] = [];
    let running = true;
    const started = Date.now();
    const paths = [`/api/reports/${reportId}/dashboard`, '/api/reports', `/api/reports/${reportId}`];
    const worker = async (k: number) => {
      for (let i = k; running; i++) {
        const t0 = Date.now();
        try {
          const response = await fetch(`${baseUrl}${paths[i % paths.length]}`, {
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await response.json()) as { code?: string; messageZh?: string };
          outcomes.push({
            at: t0 - started,
            status: response.status,
            ms: Date.now() - t0,
            ...(body.code === undefined ? {} : { code: body.code }),
            ...(body.messageZh === undefined ? {} : { messageZh: body.messageZh }),
          });
        } catch (error) {
          networkErrors.push((error as Error).message);
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, k) => worker(k));
    await sleep(1500);
    const stoppedAt = Date.now() - started;
    cluster.stop();
    await sleep(1500);
    cluster.start();
    const restartedAt = Date.now() - started;
    // Keep the load on until the app has served 200s for a while after the restart.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const recent = outcomes.filter((o) => o.at > restartedAt);
      if (recent.filter((o) => o.status === 200).length >= 30) break;
      await sleep(100);
    }
    running = false;
    await Promise.all(workers);

    expect(networkErrors).toEqual([]);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect(
      [...statuses].every((s) => s === 200 || s === 503),
      `statuses ${[...statuses]}`,
    ).toBe(true);
    expect(outcomes.filter((o) => o.at < stoppedAt && o.status === 200).length).toBeGreaterThan(0);
    const failures = outcomes.filter((o) => o.status === 503);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.code).toBe('database_unavailable');
      expect(failure.messageZh).toBeTruthy();
    }
    // Failing fast, not hanging until a timeout.
    expect(Math.max(...failures.map((o) => o.ms))).toBeLessThan(10_000);
    // Recovered without restarting the app: the last requests all succeed.
    const last = outcomes.slice(-20);
    expect(
      last.every((o) => o.status === 200),
      JSON.stringify(last.map((o) => o.status)),
    ).toBe(true);
    // The change watch listens again by itself, so cached reads may keep their state again.
    const watch = changeWatchOf(handle.db);
    const listening = Date.now() + 10_000;
    while (watch?.epoch() === null && Date.now() < listening) await sleep(100);
    expect(watch?.epoch()).not.toBeNull();
  }, 90_000);
});
