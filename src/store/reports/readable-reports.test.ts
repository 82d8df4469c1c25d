import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { findOrCreateOrganisationNamed } from '../organisations/find-organisation-named.js';
import { findRootOrganisationId } from '../organisations/find-root-organisation.js';
import { analyseForTest, makeTree } from '../test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { listReports } from './list-reports.js';
import { mayReadReport, type Reader, reportReachOf } from './readable-reports.js';

describe.each(DIALECTS)('which reports a reader reads, in SQL and in code, on %s', (dialect) => {
  let handle: TestDatabase;
  let root = 0;
  let district = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const db = handle.db;
    root = await findRootOrganisationId(db);
    district = await findOrCreateOrganisationNamed(db, '北京市通州区人民政府', CLI_ACTOR);
    // Per organisation: published, draft, archived published.
    for (const owner of [root, district]) {
      for (const [k, flags] of [
        { published: true, archived: false },
        { published: false, archived: false },
        { published: true, archived: true },
      ].entries()) {
        const tree = makeTree(`报告${owner}-${k}`, [{ title: '领域', tasks: ['新建学校3个。'] }]);
        const { reportId } = await importReport(db, {
          bytes: new TextEncoder().encode(tree.text),
          fileName: 'r.md',
          tree,
          analyses: analyseForTest,
          actor: CLI_ACTOR,
          organisationId: owner,
        });
        await db
          .updateTable('reports')
          .set({
            published_at: flags.published ? '2026-01-01T00:00:00.000Z' : null,
            archived: flags.archived ? 1 : 0,
          })
          .where('id', '=', reportId)
          .execute();
      }
    }
  });
  afterAll(async () => handle?.close());

  it('agree for every reader, and a signed-in reader sees only their organisation', async () => {
    const rows = await handle.db
      .selectFrom('reports')
      .select(['id', 'archived', 'published_at', 'organisation_id'])
      .orderBy('id')
      .execute();
    const readers: (Reader | null)[] = [
      null,
      ...(['admin', 'leader', 'reporter', 'unit_head'] as const).flatMap((role) =>
        [root, district, null].map((organisationId) => ({ role, organisationId })),
      ),
    ];
    for (const reader of readers) {
      const reach = reportReachOf(reader);
      const inCode = rows
        .filter((r) =>
          mayReadReport(reach, {
            archived: r.archived,
            publishedAt: r.published_at,
            organisationId: r.organisation_id,
          }),
        )
        .map((r) => r.id);
      const inSql = (await listReports(handle.db, reach)).map((r) => r.id).sort((a, b) => a - b);
      expect(inSql, JSON.stringify(reader)).toEqual(inCode);
      const owners = new Set(rows.filter((r) => inCode.includes(r.id)).map((r) => r.organisation_id));
      if (reader === null) expect(owners).toEqual(new Set([root, district]));
      else if (reader.organisationId === null) expect(inCode).toEqual([]);
      else expect(owners).toEqual(new Set([reader.organisationId]));
      // Office and leaders read drafts too; unit people and visitors published reports only.
      const perOwner =
        reader === null
          ? 2
          : reader.organisationId === null
            ? 0
            : ['admin', 'leader'].includes(reader.role)
              ? 2
              : 1;
      expect(inCode).toHaveLength(reader === null ? 2 : perOwner);
    }
  });
});
