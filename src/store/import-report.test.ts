import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenTree } from '../core/merge/flatten-tree.js';
import { CLI_ACTOR } from './audit/append-audit-event.js';
import { verifyAuditChain } from './audit/verify-audit-chain.js';
import { importReport, sha256Hex } from './import-report.js';
import { getReportTree } from './reports/get-report-tree.js';
import { listReports } from './reports/list-reports.js';
import { EVERY_REPORT } from './reports/readable-reports.js';
import { analyseForTest, makeTree } from './test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from './testing.js';

const tree = makeTree('2026年区政府工作报告', [
  {
    title: '坚持以副辅主，高水平推进城市建设',
    measures: [
      { title: '加快重大项目建设', tasks: ['新建学校3个。', '推进M101线建设。'] },
      { title: '提升城市品质', tasks: ['新增中小学学位6500个。'] },
    ],
  },
  { title: '保障和改善民生', tasks: ['举办文化活动1300个。', '城镇调查失业率控制在5%以内。'] },
]);
const bytes = new TextEncoder().encode(`${tree.text}\r\n`);

describe.each(DIALECTS)('importReport on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const result = await importReport(handle.db, {
      bytes,
      fileName: 'report.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
      organisation: '北京市通州区人民政府',
    });
    reportId = result.reportId;
    expect(result.counts).toEqual({ sections: 1, areas: 2, measures: 2, tasks: 5, targets: 3 });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps the source bytes exactly, with their sha256 and the tree', async () => {
    const revision = await handle.db
      .selectFrom('report_revisions')
      .selectAll()
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(revision.source).equals(Buffer.from(bytes))).toBe(true);
    expect(revision.source_sha256).toBe(sha256Hex(bytes));
    expect(revision.number).toBe(1);
    expect(JSON.parse(revision.tree_json)).toEqual(JSON.parse(JSON.stringify(tree)));
  });

  it('reads the tree back in reading order with targets', async () => {
    const stored = await getReportTree(handle.db, reportId);
    expect(stored.report.title).toBe('2026年区政府工作报告');
    expect(stored.areas.map((a) => a.title)).toEqual(['坚持以副辅主，高水平推进城市建设', '保障和改善民生']);
    expect(stored.areas[0]?.measures.map((m) => m.tasks.map((t) => t.text))).toEqual([
      ['新建学校3个。', '推进M101线建设。'],
      ['新增中小学学位6500个。'],
    ]);
    expect(stored.areas[1]?.tasks.map((t) => t.text)).toEqual([
      '举办文化活动1300个。',
      '城镇调查失业率控制在5%以内。',
    ]);
    const task = stored.areas[0]?.measures[1]?.tasks[0];
    expect(task?.targets).toMatchObject([
      { value: 6500, unit: '个', comparator: '=', source: 'extracted', version: 1 },
    ]);
    expect(tree.text.slice(...(task?.span ?? [0, 0]))).toBe('新增中小学学位6500个。');
  });

  it('lists the report with its task count and revision', async () => {
    const reports = await listReports(handle.db, EVERY_REPORT);
    expect(reports).toEqual([
      expect.objectContaining({
        id: reportId,
        tasks: 5,
        revision: 1,
        organisation: '北京市通州区人民政府',
        year: 2026,
      }),
    ]);
  });

  it('writes one chained audit event per import', async () => {
    const events = await handle.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(events.map((e) => `${e.action}:${e.entity}`)).toEqual(['create:organisation', 'import:report']);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('writes nothing when any part fails (one transaction)', async () => {
    const before = await handle.db
      .selectFrom('nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The last target violates NOT NULL (unit), after the report, revision and nodes were written.
    const failing = flattenTree(tree).tasks.map((_, i) => ({
      targets:
        i === 4
          ? [
              {
                value: 5,
                unit: null as unknown as string,
                comparator: '<=' as const,
                change: 'level' as const,
                subject: '失业率',
                text: '5%',
                span: [0, 2] as const,
              },
            ]
          : [],
      deadline: null,
      commitment: null,
    }));
    await expect(
      importReport(handle.db, { bytes, fileName: 'again.md', tree, analyses: failing, actor: CLI_ACTOR }),
    ).rejects.toThrow();
    const after = await handle.db
      .selectFrom('nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await listReports(handle.db, EVERY_REPORT)).toHaveLength(1);
  });

  it('refuses analyses that do not match the tasks', async () => {
    await expect(
      importReport(handle.db, { bytes, fileName: 'x.md', tree, analyses: [], actor: CLI_ACTOR }),
    ).rejects.toMatchObject({ code: 'analyses_mismatch', status: 400 });
  });
});

describe.each(DIALECTS)('importReport of a Buffer on %s', (dialect) => {
  it('keeps bytes given as a Buffer (with NUL, high and sliced bytes) exactly too', async () => {
    const raw = Buffer.from([0xef, 0xbb, 0xbf, 0x00, 0xff, 0x5c, 0x78, 0x22, ...bytes, 0x0d]);
    const sliced = raw.subarray(1);
    const handle = await openTestDatabase(dialect);
    try {
      const result = await importReport(handle.db, {
        bytes: sliced,
        fileName: 'buffer.md',
        tree,
        analyses: analyseForTest,
        actor: CLI_ACTOR,
      });
      const revision = await handle.db
        .selectFrom('report_revisions')
        .select(['source', 'source_size', 'source_sha256'])
        .where('report_id', '=', result.reportId)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(revision.source).equals(sliced)).toBe(true);
      expect(revision.source_size).toBe(sliced.byteLength);
      expect(revision.source_sha256).toBe(sha256Hex(sliced));
    } finally {
      await handle.close();
    }
  });
});
