import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeReportText, parseReport } from '../../core/parse/index.js';
import { DIALECTS } from '../../store/testing.js';
import { corpusFile, runCli, useCliDatabase } from '../testing.js';

describe.each(DIALECTS)('luoshi import on %s', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('imports a GBK text file as it imports the UTF-8 copy, keeping the original bytes', async () => {
    const gbk = corpusFile('raw/national-2018-work-report.gbk.txt');
    const result = await runCli('import', gbk);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('gb18030');
    const reportId = Number(result.stdout.trim());
    const revision = await cli.database.db
      .selectFrom('report_revisions')
      .select(['source_size', 'tree_json'])
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(revision.source_size).toBe(readFileSync(gbk).byteLength);
    const utf8Tree = parseReport(
      normalizeReportText(readFileSync(corpusFile('national-2018-work-report.txt'), 'utf8')),
    );
    const stored = JSON.parse(revision.tree_json) as typeof utf8Tree;
    expect(stored.meta.title).toBe(utf8Tree.meta.title);
    expect(stored.areas.map((area) => area.title)).toEqual(utf8Tree.areas.map((area) => area.title));
  });

  it('imports the original Word .docx of a report', async () => {
    const result = await runCli('import', corpusFile('raw/beijing-2025-work-report.docx'));
    expect(result.code).toBe(0);
    const report = await cli.database.db
      .selectFrom('reports')
      .select(['title', 'year'])
      .where('id', '=', Number(result.stdout.trim()))
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ title: '2025年北京市政府工作报告', year: 2025 });
  });

  it('--organisation makes the named government the owner, under the root when new, and its issuer', async () => {
    const file = corpusFile('national-2018-work-report.txt');
    const owned = await runCli('import', file, '--organisation', '北京市通州区人民政府');
    expect(owned.code, owned.stderr).toBe(0);
    const plain = await runCli('import', corpusFile('raw/beijing-2025-work-report.docx'));
    expect(plain.code, plain.stderr).toBe(0);
    const rows = await cli.database.db
      .selectFrom('reports as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('organisations as p', 'p.id', 'o.parent_id')
      .select(['r.id', 'r.issuer', 'o.name as owner', 'o.parent_id', 'p.name as superior'])
      .where('r.id', 'in', [Number(owned.stdout.trim()), Number(plain.stdout.trim())])
      .orderBy('r.id')
      .execute();
    const root = await cli.database.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('parent_id', 'is', null)
      .where('archived', '=', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      {
        issuer: '北京市通州区人民政府',
        owner: '北京市通州区人民政府',
        parent_id: root.id,
        superior: root.name,
      },
      { issuer: null, owner: root.name, parent_id: null, superior: null },
    ]);
    // Named again, the same organisation is found, not made twice.
    const again = await runCli(
      'import',
      corpusFile('raw/national-2018-work-report.gbk.txt'),
      '-o',
      '北京市通州区人民政府',
    );
    expect(again.code, again.stderr).toBe(0);
    const named = await cli.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '北京市通州区人民政府')
      .execute();
    expect(named).toHaveLength(1);
  });

  it('refuses a PDF with the ingest error and stores nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-import-'));
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%binary\n');
    const before = await cli.database.db.selectFrom('reports').select('id').execute();
    try {
      const result = await runCli('import', pdf);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('report.pdf is not a readable PDF');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await cli.database.db.selectFrom('reports').select('id').execute()).toHaveLength(before.length);
  });
});
