import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createUser } from '../../store/accounts/manage-users.js';
import { SYSTEM_ACTOR } from '../../store/audit/append-audit-event.js';
import type { DialectName } from '../../store/dialect-of.js';
import { importReport } from '../../store/import-report.js';
import { findRootOrganisationId } from '../../store/organisations/find-root-organisation.js';
import type { UserRole } from '../../store/schema.js';
import { openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { buildApp } from '../app.js';
import { hashPassword } from '../auth/password.js';
import type { RouteModule } from '../context.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { analyzeReportFile } from '../imports/analyze-report-file.js';
import { TestClient } from './test-client.js';

/** The password of every fixture user. */
export const TEST_PASSWORD = 'correct horse battery';

/** Fixture users by name: role and unit ("A" or "B"). */
export const FIXTURE_USERS = {
  admin: { role: 'admin', unit: null },
  leader: { role: 'leader', unit: null },
  reporterA: { role: 'reporter', unit: 'A' },
  headA: { role: 'unit_head', unit: 'A' },
  reporterB: { role: 'reporter', unit: 'B' },
  headB: { role: 'unit_head', unit: 'B' },
} as const satisfies Record<string, { role: UserRole; unit: 'A' | 'B' | null }>;

export type FixtureUser = keyof typeof FIXTURE_USERS;

export interface TestWorld {
  database: TestDatabase;
  app: FastifyInstance;
  reportId: number;
  /** Unit ids: A = 区发展改革委, B = 区教委. */
  units: { A: number; B: number };
  userIds: Record<FixtureUser, number>;
  /** Task ids of the sample, in reading order. */
  taskIds: number[];
  /** A signed-in client for a fixture user, or an anonymous one. */
  client(user?: FixtureUser): Promise<TestClient>;
  close(): Promise<void>;
}

let cachedHash: Promise<string> | null = null;

export interface TestWorldOptions {
  today?: string;
  env?: Record<string, string>;
  extraRoutes?: RouteModule[];
  /** Whether the sample report is published (default true). */
  published?: boolean;
  /** The web app folder the server serves (default web/dist). */
  webDist?: string;
}

/** A fresh database (SQLite or PostgreSQL) with the sample report, two units and one user per role. */
export async function createTestWorld(
  dialect: DialectName,
  options: TestWorldOptions = {},
): Promise<TestWorld> {
  const database = await openTestDatabase(dialect);
  const db = database.db;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    ...(database.settings.DATABASE_URL ? { DATABASE_URL: database.settings.DATABASE_URL } : {}),
    ...options.env,
  });
  const bytes = new Uint8Array(readFileSync(SAMPLE_REPORT));
  const analyzed = await analyzeReportFile(bytes, 'sample.md', {
    maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
  });
  const imported = await importReport(db, {
    bytes,
    fileName: 'sample.md',
    tree: analyzed.tree,
    analyses: analyzed.analyze,
    actor: SYSTEM_ACTOR,
  });
  if (options.published ?? true) {
    await db
      .updateTable('reports')
      .set({ published_at: new Date().toISOString(), year: 2026 })
      .where('id', '=', imported.reportId)
      .execute();
  } else {
    await db.updateTable('reports').set({ year: 2026 }).where('id', '=', imported.reportId).execute();
  }
  const now = new Date().toISOString();
  const rootOrganisation = await findRootOrganisationId(db);
  const unitRows = await db
    .insertInto('units')
    .values([
      {
        name: '区发展改革委',
        short_name: '发改委',
        parent_id: null,
        organisation_id: rootOrganisation,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      {
        name: '区教委',
        short_name: '教委',
        parent_id: null,
        organisation_id: rootOrganisation,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
    ])
    .returning('id')
    .execute();
  const units = { A: unitRows[0]!.id, B: unitRows[1]!.id };
  // A cheap scrypt cost for fixtures only: sign-ins verify at the cost stored with the hash.
  cachedHash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
  const passwordHash = await cachedHash;
  const userIds = {} as Record<FixtureUser, number>;
  for (const [username, spec] of Object.entries(FIXTURE_USERS) as [
    FixtureUser,
    (typeof FIXTURE_USERS)[FixtureUser],
  ][]) {
    const user = await createUser(db, {
      username,
      displayName: username,
      passwordHash,
      role: spec.role,
      unitId: spec.unit ? units[spec.unit] : null,
    });
    userIds[username] = user.id;
  }
  const tasks = await db
    .selectFrom('nodes')
    .select('id')
    .where('report_id', '=', imported.reportId)
    .where('kind', '=', 'task')
    .orderBy('position')
    .execute();
  const logger = createLogger('silent');
  const app = await buildApp({
    config,
    db,
    logger,
    ...(options.today ? { today: () => options.today as string } : {}),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  await app.ready();
  return {
    database,
    app,
    reportId: imported.reportId,
    units,
    userIds,
    taskIds: tasks.map((t) => t.id),
    async client(user?: FixtureUser) {
      const client = new TestClient(app);
      if (user) await client.login(user, TEST_PASSWORD);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
