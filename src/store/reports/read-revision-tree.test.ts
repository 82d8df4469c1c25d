import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { analyseForTest, makeTree } from '../test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { findRevisionMeta } from './find-revision-meta.js';
import { findRevisionSections } from './find-revision-sections.js';

describe.each(DIALECTS)("a revision's stored tree, read for its meta and sections, on %s", (dialect) => {
  let handle: TestDatabase;
  let revisionId = 0;
  const tree = makeTree('报告', [{ title: '领域', tasks: ['新建学校3个。'] }]);

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const { reportId } = await importReport(handle.db, {
      bytes: new TextEncoder().encode(tree.text),
      fileName: 'r.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    });
    const row = await handle.db
      .selectFrom('report_revisions')
      .select('id')
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    revisionId = row.id;
  });
  afterAll(async () => handle?.close());

  const storeTree = (treeJson: string) =>
    handle.db
      .updateTable('report_revisions')
      .set({ tree_json: treeJson })
      .where('id', '=', revisionId)
      .execute();

  it('reads the meta and sections of a readable tree', async () => {
    expect(await findRevisionMeta(handle.db, revisionId, '行标题')).toEqual(tree.meta);
    expect(await findRevisionSections(handle.db, revisionId)).toEqual({
      meta: tree.meta,
      sections: tree.sections,
    });
  });

  it('falls back where the tree is missing, unreadable or of another shape', async () => {
    expect(await findRevisionMeta(handle.db, revisionId + 1000, '行标题')).toEqual({ title: '行标题' });
    expect(await findRevisionSections(handle.db, revisionId + 1000)).toBeNull();
    expect(await findRevisionSections(handle.db, null)).toBeNull();
    for (const unreadable of ['not json', 'null', '7', '"text"', '{}', '{"meta":{"year":2026}}']) {
      await storeTree(unreadable);
      expect(await findRevisionMeta(handle.db, revisionId, '行标题')).toEqual({ title: '行标题' });
      expect(await findRevisionSections(handle.db, revisionId)).toBeNull();
    }
    await storeTree('{"sections":[]}');
    expect(await findRevisionSections(handle.db, revisionId)).toEqual({ meta: { title: '' }, sections: [] });
    await storeTree('{"meta":{"title":"树标题"},"sections":[]}');
    expect(await findRevisionMeta(handle.db, revisionId, '行标题')).toEqual({ title: '树标题' });
    expect(await findRevisionSections(handle.db, revisionId)).toEqual({
      meta: { title: '树标题' },
      sections: [],
    });
  });
});
