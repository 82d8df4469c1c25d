import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { buildApp } from '../../src/server/app.js';
import { hashToken, newSessionToken, SESSION_COOKIE } from '../../src/server/auth/session.js';
import { TestClient } from '../../src/server/testing/test-client.js';
import { createSession } from '../../src/store/accounts/manage-sessions.js';
import { createUser } from '../../src/store/accounts/manage-users.js';
import { CLI_ACTOR } from '../../src/store/audit/append-audit-event.js';
import { verifyAuditChain } from '../../src/store/audit/verify-audit-chain.js';
import { type DatabaseHandle, openDatabase } from '../../src/store/database.js';
import { importReport } from '../../src/store/import-report.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { insertLeadAssignment } from '../../src/store/test-fixtures.js';
import { analyseForTest, makeTree } from '../../src/store/test-trees.js';
import { mountSmallDisk, type SmallDisk } from './tmpfs.js';

const now = () => new Date().toISOString();

/** A report of `tasks` long task sentences (a few MB with its source bytes). */
function bigTree(tasks: number) {
  const sentence = '推进城市更新和老旧小区改造，完善社区养老托育等公共服务设施，新增停车位2000个。'.repeat(
    20,
  );
  return makeTree('2026年某区政府工作报告', [
    {
      title: '保障和改善民生',
      measures: [{ title: '办好民生实事', tasks: Array.from({ length: tasks }, () => sentence) }],
    },
  ]);
}

/**
 * The SQLite data directory runs out of space, then turns read-only: writes get a clear 503
 * (nothing half-written), acknowledged writes survive, the file passes integrity_check and the
 * audit chain verifies, and the same app writes again once space is back.
 */
describe('disk full or read-only data directory (SQLite)', () => {
  let disk: SmallDisk;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let client: TestClient;
  let saveUrl: string;
  let progressId: number;
  let version: number;
  let sqlitePath: string;
  let sessionToken: string;

  /** The app on the current database handle, and a browser signed in as the unit's reporter. */
  async function startApp() {
    const config = loadConfig({ DATA_DIR: disk.dir, LOG_LEVEL: 'silent' });
    app = await buildApp({
      config,
      db: handle.db,
      logger: createLogger('silent'),
      today: () => '2026-06-20',
    });
    await app.ready();
    client = new TestClient(app);
    client.cookies.set(SESSION_COOKIE, sessionToken);
  }

  const narrative = (k: number) =>
    `第${k}次填报：${'已完成年度目标的阶段性任务，正在推进验收。'.repeat(900)}`;

  beforeAll(async () => {
    disk = mountSmallDisk(12);
    sqlitePath = path.join(disk.dir, 'luoshi.db');
    handle = await openDatabase({ sqlitePath });
    await migrateToLatest(handle.db);
    const tree = makeTree('2026年区政府工作报告', [
      { title: '保障和改善民生', measures: [{ title: '办好民生实事', tasks: ['新增中小学学位6500个。'] }] },
    ]);
    const { reportId } = await importReport(handle.db, {
      bytes: new TextEncoder().encode(tree.text),
      fileName: 'r.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    });
    const db = handle.db;
    // Units read published reports only; this one is released to them.
    await db.updateTable('reports').set({ published_at: now() }).where('id', '=', reportId).execute();
    const task = await db
      .selectFrom('nodes')
      .select('id')
      .where('kind', '=', 'task')
      .executeTakeFirstOrThrow();
    const unit = await db
      .insertInto('units')
      .values({
        name: '区教委',
        short_name: null,
        parent_id: null,
        organisation_id: null,
        archived: 0,
        created_at: now(),
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertLeadAssignment(db, task.id, unit.id, now());
    const period = await db
      .insertInto('reporting_periods')
      .values({
        report_id: reportId,
        kind: 'month',
        label: '2026-06',
        starts_on: '2026-06-01',
        ends_on: '2026-06-30',
        due_on: null,
        status: 'open',
        opened_at: now(),
        closed_at: null,
        created_at: now(),
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await createUser(db, {
      username: 'reporter',
      displayName: '填报人',
      passwordHash: 'not-used',
      role: 'reporter',
      unitId: unit.id,
    });
    const token = newSessionToken();
    await createSession(db, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: '',
      createdAt: now(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    sessionToken = token;
    await startApp();
    saveUrl = `/api/periods/${period.id}/tasks/${task.id}/progress`;
    const created = await client.put(saveUrl, { narrative: narrative(0) });
    expect(created.statusCode, created.body).toBe(200);
    progressId = created.json<{ id: number }>().id;
    version = created.json<{ version: number }>().version;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    disk?.destroy();
  });

  const save = (k: number) =>
    client.put(saveUrl, { version, narrative: narrative(k), problems: narrative(k) });

  async function expectConsistent(lastAcknowledged: string) {
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
    expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    const stored = await handle.db
      .selectFrom('progress_reports')
      .select(['narrative', 'version'])
      .where('id', '=', progressId)
      .executeTakeFirstOrThrow();
    expect(stored.narrative).toBe(lastAcknowledged);
    expect(stored.version).toBe(version);
  }

  it('disk full: writes fail with 503 storage_full, nothing half-written, writes resume after space is freed', async () => {
    const filler = path.join(disk.dir, 'filler');
    const fd = openSync(filler, 'w');
    try {
      for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9]) {
        const chunk = Buffer.alloc(size, 1);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        }
      }
    } finally {
      closeSync(fd);
    }
    let lastAcknowledged = narrative(0);
    let refused: { code: string; messageZh: string } | null = null;
    for (let k = 1; k <= 40 && !refused; k++) {
      const response = await save(k);
      if (response.statusCode === 200) {
        version = response.json<{ version: number }>().version;
        lastAcknowledged = narrative(k);
      } else {
        expect(response.statusCode, response.body).toBe(503);
        refused = response.json<{ code: string; messageZh: string }>();
      }
    }
    expect(refused).toMatchObject({ code: 'storage_full' });
    expect(refused?.messageZh).toContain('磁盘已满');
    const reportsBefore = await handle.db.selectFrom('reports').select('id').execute();
    const tree = bigTree(400);
    await expect(
      importReport(handle.db, {
        bytes: new TextEncoder().encode(tree.text),
        fileName: 'big.md',
        tree,
        analyses: analyseForTest,
        actor: CLI_ACTOR,
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect((await handle.db.selectFrom('reports').select('id').execute()).length).toBe(reportsBefore.length);
    // Reads still work while the disk is full.
    expect((await client.get(`/api/progress/${progressId}`)).statusCode).toBe(200);

    rmSync(filler);
    await expectConsistent(lastAcknowledged);
    const resumed = await save(99);
    expect(resumed.statusCode, resumed.body).toBe(200);
    version = resumed.json<{ version: number }>().version;
    await expectConsistent(narrative(99));
  }, 60_000);

  it('read-only data directory: the server refuses to start with a clear error, nothing is lost', async () => {
    // A mounted file system with open files cannot turn read-only under a running server here,
    // so the server stops, the directory becomes read-only, and the server is started again.
    await app.close();
    await handle.close();
    disk.readOnly();
    try {
      await expect(openDatabase({ sqlitePath })).rejects.toMatchObject({
        code: 'database_unavailable',
        message: expect.stringContaining('DATA_DIR'),
      });
    } finally {
      disk.readWrite();
    }
    handle = await openDatabase({ sqlitePath });
    await startApp();
    await expectConsistent(narrative(99));
    const resumed = await save(101);
    expect(resumed.statusCode, resumed.body).toBe(200);
    version = resumed.json<{ version: number }>().version;
    await expectConsistent(narrative(101));
  }, 60_000);
});
