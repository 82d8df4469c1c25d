import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DecodeOptions } from '../ingest/index.js';
import { createUser } from '../store/accounts/manage-users.js';
import { appendAuditEvent, SYSTEM_ACTOR } from '../store/audit/append-audit-event.js';
import { dialectOf } from '../store/dialect-of.js';
import { importReport } from '../store/import-report.js';
import type { Database } from '../store/schema.js';
import { writeTransaction } from '../store/write-transaction.js';
import { generatePassword, hashPassword } from './auth/password.js';
import { analyzeReportFile } from './imports/analyze-report-file.js';

/** The sample report shipped with the package, found from this file so any working directory works. */
export const SAMPLE_REPORT = fileURLToPath(
  new URL('../../examples/beijing-subcenter-2026-summary.md', import.meta.url),
);

export interface FirstStartResult {
  /** Set when an administrator was created now: the one-time password to print once. */
  admin: { username: string; password: string } | null;
  /** The sample report imported now, if any. */
  sampleReportId: number | null;
}

/**
 * On a database with no users, create the administrator `admin` with a random password (never a
 * default one); on a database with no reports and `loadSample`, import and publish the sample.
 * Safe when several instances start together: each step re-checks inside a write transaction.
 * `decode.maxBytes` is the upload limit (MAX_UPLOAD_MB), which the sample is read under like any upload.
 */
export async function prepareFirstStart(
  db: Kysely<Database>,
  loadSample: boolean,
  decode: DecodeOptions = {},
): Promise<FirstStartResult> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const admin = await writeTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return null;
    const user = await createUser(trx, {
      username: 'admin',
      displayName: '督查室管理员',
      passwordHash,
      role: 'admin',
      unitId: null,
      mustChangePassword: true,
    });
    await appendAuditEvent(trx, {
      actor: SYSTEM_ACTOR,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role },
    });
    return { username: user.username, password };
  });

  const sampleReportId = loadSample ? await importSampleOnce(db, decode) : null;
  return { admin, sampleReportId };
}

/** Key of the PostgreSQL advisory lock that lets one instance at a time check for and load the sample. */
const SAMPLE_LOCK_KEY = 5_810_332;

/**
 * Imports and publishes the sample when the database has no report. On PostgreSQL the check and
 * the import run on one connection under an advisory lock, so instances starting together load it once.
 */
async function importSampleOnce(pool: Kysely<Database>, decode: DecodeOptions): Promise<number | null> {
  return pool.connection().execute(async (db) => {
    const postgres = dialectOf(db) === 'postgres';
    if (postgres) await sql`select pg_advisory_lock(${sql.lit(SAMPLE_LOCK_KEY)})`.execute(db);
    try {
      return await importSampleIfEmpty(db, decode);
    } finally {
      if (postgres) await sql`select pg_advisory_unlock(${sql.lit(SAMPLE_LOCK_KEY)})`.execute(db);
    }
  });
}

async function importSampleIfEmpty(db: Kysely<Database>, decode: DecodeOptions): Promise<number | null> {
  const anyReport = await db.selectFrom('reports').select('id').limit(1).executeTakeFirst();
  if (anyReport) return null;
  const bytes = new Uint8Array(await readFile(SAMPLE_REPORT));
  const analyzed = await analyzeReportFile(bytes, 'beijing-subcenter-2026-summary.md', decode);
  const imported = await importReport(db, {
    bytes,
    fileName: 'beijing-subcenter-2026-summary.md',
    tree: analyzed.tree,
    analyses: analyzed.analyze,
    actor: SYSTEM_ACTOR,
  });
  // The sample is published so the first page shows it before anyone signs in.
  await writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx.updateTable('reports').set({ published_at: now }).where('id', '=', imported.reportId).execute();
    await appendAuditEvent(trx, {
      actor: SYSTEM_ACTOR,
      action: 'publish',
      entity: 'report',
      entityId: imported.reportId,
      after: { publishedAt: now },
    });
  });
  return imported.reportId;
}
