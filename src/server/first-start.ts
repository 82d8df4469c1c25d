import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { DecodeOptions } from '../ingest/index.js';
import { createFirstAdmin } from '../store/accounts/create-first-admin.js';
import { SYSTEM_ACTOR } from '../store/audit/append-audit-event.js';
import { importReport } from '../store/import-report.js';
import { hasAnyReport } from '../store/reports/has-any-report.js';
import { publishReport } from '../store/reports/publish-report.js';
import { runAlone } from '../store/run-alone.js';
import type { Database } from '../store/schema.js';
import { generatePassword, hashPassword } from './auth/password.js';
import { type CascadeDemo, loadCascadeDemo } from './demo/load-cascade-demo.js';
import { analyzeReportFile } from './imports/analyze-report-file.js';
import { SAMPLE_REPORT } from './sample-report.js';

export { SAMPLE_REPORT } from './sample-report.js';

export interface FirstStartResult {
  /** Set when an administrator was created now: the one-time password to print once. */
  admin: { username: string; password: string } | null;
  /** The sample report imported now, if any. */
  sampleReportId: number | null;
  /** The demonstration loaded now instead of the sample, if one was asked for and the database was empty. */
  demo: CascadeDemo | null;
}

/** A demonstration to load instead of the sample (LUOSHI_DEMO), with its open reporting month. */
export interface FirstStartDemo {
  name: 'cascade';
  /** YYYY-MM */
  month: string;
}

/**
 * On a database with no users, create the administrator `admin` with a random password (never a
 * default one); on a database with no reports, load `demo` when given (it replaces the sample),
 * else import and publish the sample when `loadSample`.
 * Safe when several instances start together: each step re-checks inside a write transaction.
 * `decode.maxBytes` is the upload limit (MAX_UPLOAD_MB), which the sample is read under like any upload.
 */
export async function prepareFirstStart(
  db: Kysely<Database>,
  loadSample: boolean,
  decode: DecodeOptions = {},
  demo?: FirstStartDemo,
): Promise<FirstStartResult> {
  const password = generatePassword();
  const created = await createFirstAdmin(db, await hashPassword(password));
  const admin = created ? { username: created.username, password } : null;
  if (demo) return { admin, sampleReportId: null, demo: await loadDemoOnce(db, demo) };
  const sampleReportId = loadSample ? await importSampleOnce(db, decode) : null;
  return { admin, sampleReportId, demo: null };
}

/** Key of the PostgreSQL advisory lock that lets one instance at a time check for and load the sample. */
const SAMPLE_LOCK_KEY = 5_810_332;

/**
 * Imports and publishes the sample when the database has no report. On PostgreSQL the check and
 * the import run on one connection under an advisory lock, so instances starting together load it once.
 */
async function importSampleOnce(pool: Kysely<Database>, decode: DecodeOptions): Promise<number | null> {
  return runAlone(pool, SAMPLE_LOCK_KEY, (db) => importSampleIfEmpty(db, decode));
}

/** Loads the demonstration when the database has no report, one instance at a time (as the sample). */
async function loadDemoOnce(pool: Kysely<Database>, demo: FirstStartDemo): Promise<CascadeDemo | null> {
  return runAlone(pool, SAMPLE_LOCK_KEY, async (db) =>
    (await hasAnyReport(db)) ? null : loadCascadeDemo(db, { month: demo.month, actor: SYSTEM_ACTOR }),
  );
}

async function importSampleIfEmpty(db: Kysely<Database>, decode: DecodeOptions): Promise<number | null> {
  if (await hasAnyReport(db)) return null;
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
  await publishReport(db, imported.reportId, SYSTEM_ACTOR);
  return imported.reportId;
}
