import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeReportText, parseReport } from '../../core/parse/index.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { main } from '../main.js';

const corpus = (name: string) => fileURLToPath(new URL(`../../../test-data/corpus/${name}`, import.meta.url));

/** Runs `luoshi ARGS` in-process and returns its exit code and what it printed. */
async function luoshi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(['node', 'luoshi', ...args]), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe.each(DIALECTS)('luoshi import on %s', (dialect) => {
  let database: TestDatabase;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    if (database.settings.DATABASE_URL) process.env.DATABASE_URL = database.settings.DATABASE_URL;
    else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = path.dirname(database.settings.sqlitePath);
    }
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await database?.close();
  });

  it('imports a GBK text file as it imports the UTF-8 copy, keeping the original bytes', async () => {
    const gbk = corpus('raw/national-2018-work-report.gbk.txt');
    const result = await luoshi('import', gbk);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('gb18030');
    const reportId = Number(result.stdout.trim());
    const revision = await database.db
      .selectFrom('report_revisions')
      .select(['source_size', 'tree_json'])
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(revision.source_size).toBe(readFileSync(gbk).byteLength);
    const utf8Tree = parseReport(
      normalizeReportText(readFileSync(corpus('national-2018-work-report.txt'), 'utf8')),
    );
    const stored = JSON.parse(revision.tree_json) as typeof utf8Tree;
    expect(stored.meta.title).toBe(utf8Tree.meta.title);
    expect(stored.areas.map((area) => area.title)).toEqual(utf8Tree.areas.map((area) => area.title));
  });

  it('imports the original Word .docx of a report', async () => {
    const result = await luoshi('import', corpus('raw/beijing-2025-work-report.docx'));
    expect(result.code).toBe(0);
    const report = await database.db
      .selectFrom('reports')
      .select(['title', 'year'])
      .where('id', '=', Number(result.stdout.trim()))
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ title: '2025年北京市政府工作报告', year: 2025 });
  });

  it('refuses a PDF with the ingest error and stores nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-import-'));
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%binary\n');
    const before = await database.db.selectFrom('reports').select('id').execute();
    try {
      const result = await luoshi('import', pdf);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('report.pdf is not a readable PDF');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await database.db.selectFrom('reports').select('id').execute()).toHaveLength(before.length);
  });
});
