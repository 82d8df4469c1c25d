import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskAnalysis } from '../../core/target.js';
import { createUser } from '../accounts/manage-users.js';
import { SYSTEM_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { findRootOrganisationId } from '../organisations/find-root-organisation.js';
import { PUBLISHED_REPORTS } from '../reports/readable-reports.js';
import { insertLeadAssignment } from '../test-fixtures.js';
import { makeTree } from '../test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { bigramTokens, queryTokens, relaxedTermSets } from './bigram-tokens.js';
import { makeSnippet } from './highlight.js';
import { searchEntries } from './search-entries.js';

const noTargets = (): TaskAnalysis => ({ targets: [], deadline: null, commitment: null });

describe('bigram tokens', () => {
  it('splits Han runs into bigrams and keeps Latin and digit runs whole', () => {
    expect(bigramTokens('新建养老服务驿站，推进5G基站')).toEqual([
      '新建',
      '建养',
      '养老',
      '老服',
      '服务',
      '务驿',
      '驿站',
      '推进',
      '5g',
      '基站',
    ]);
    expect(queryTokens('水')).toEqual({ terms: [], prefix: '水' });
  });

  it('relaxes a query by leaving out one term of short queries and two of longer ones', () => {
    expect(relaxedTermSets(['养老', '老驿', '驿站'])).toEqual([
      ['老驿', '驿站'],
      ['养老', '驿站'],
      ['养老', '老驿'],
    ]);
    expect(relaxedTermSets(['ab', 'cd'])).toEqual([]);
    expect(relaxedTermSets(['a', 'b', 'c', 'd', 'e']).every((set) => set.length === 3)).toBe(true);
  });

  it('marks the matched characters in an escaped snippet', () => {
    const snippet = makeSnippet('建设<养老>服务驿站30个', queryTokens('养老驿站'));
    expect(snippet.html).toBe('建设&#60;<mark>养老</mark>&#62;服务<mark>驿站</mark>30个');
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['养老', '驿站']);
  });
});

for (const dialect of DIALECTS) {
  describe(`searchEntries on ${dialect}`, () => {
    let database: TestDatabase;
    let first: number;
    let second: number;

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      const importOne = async (title: string, year: number, tasks: string[][]) => {
        const tree = makeTree(
          title,
          tasks.map((measureTasks, i) => ({
            title: `第${i + 1}方面工作`,
            measures: [{ title: '重点举措', tasks: measureTasks }],
          })),
          year,
        );
        const result = await importReport(database.db, {
          bytes: new TextEncoder().encode(tree.text),
          fileName: `${title}.md`,
          tree,
          analyses: noTargets,
          actor: SYSTEM_ACTOR,
        });
        return result.reportId;
      };
      first = await importOne('2025年政府工作报告', 2025, [
        ['新建养老服务驿站30个', '推进老旧小区综合整治'],
        ['新增中小学学位5000个', '建设5G基站1000个'],
      ]);
      second = await importOne('2026年政府工作报告', 2026, [['建设养老驿站25个'], ['新增中小学学位6500个']]);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('finds the exact phrase first, then texts that hold all its bigrams', async () => {
      const result = await searchEntries(database.db, '中小学学位');
      // Equally good hits: the newer report first.
      expect(result.hits.map((hit) => [hit.body, hit.year])).toEqual([
        ['新增中小学学位6500个', 2026],
        ['新增中小学学位5000个', 2025],
      ]);
      expect(result.hits[1]!.snippet.html).toBe('新增<mark>中小学学位</mark>5000个');
      expect(result.hits[1]!.context).toBe('2025年政府工作报告 · 第2方面工作');
    });

    it('finds 养老服务驿站 from 养老驿站 (typo-tolerant), after the exact match', async () => {
      const result = await searchEntries(database.db, '养老驿站', { kinds: ['task'] });
      expect(result.hits.map((hit) => [hit.body, hit.fuzzy])).toEqual([
        ['建设养老驿站25个', false],
        ['新建养老服务驿站30个', true],
      ]);
    });

    it('filters by report, year, area and kind', async () => {
      const byReport = await searchEntries(database.db, '养老驿站', { reportId: first });
      expect(byReport.hits.map((hit) => hit.body)).toEqual(['新建养老服务驿站30个']);
      const byYear = await searchEntries(database.db, '学位', { year: 2026 });
      expect(byYear.hits.map((hit) => hit.reportId)).toEqual([second]);
      const areaId = byYear.hits[0]!.areaId!;
      const byArea = await searchEntries(database.db, '养老', { areaId });
      expect(byArea.hits).toEqual([]);
      const reports = await searchEntries(database.db, '政府工作报告', { kinds: ['report'] });
      expect(reports.hits.map((hit) => hit.entityId).sort()).toEqual([first, second].sort());
    });

    it('matches Latin and digit runs, one-character prefixes, and pages results', async () => {
      expect((await searchEntries(database.db, '5g')).hits.map((hit) => hit.body)).toEqual([
        '建设5G基站1000个',
      ]);
      const page = await searchEntries(database.db, '新', { kinds: ['task'] }, { limit: 2 });
      expect(page.hits).toHaveLength(2);
      expect(page.more).toBe(true);
      const rest = await searchEntries(database.db, '新', { kinds: ['task'] }, { limit: 2, offset: 2 });
      expect(rest.hits).toHaveLength(1);
      expect(rest.more).toBe(false);
    });

    it('keeps up with edits and comments written after the import (stale queue filled by triggers)', async () => {
      const task = (await searchEntries(database.db, '老旧小区综合整治')).hits[0]!;
      await database.db
        .updateTable('nodes')
        .set({ text: '推进老旧小区加装电梯' })
        .where('id', '=', task.entityId)
        .execute();
      const user = await createUser(database.db, {
        username: 'leader',
        displayName: '领导',
        passwordHash: 'x',
        role: 'leader',
        unitId: null,
      });
      const now = new Date().toISOString();
      await database.db
        .insertInto('comments')
        .values({
          kind: 'comment',
          node_id: task.entityId,
          progress_report_id: null,
          author_id: user.id,
          body: '请抓紧推进电梯安装',
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      expect((await searchEntries(database.db, '老旧小区综合整治')).hits).toEqual([]);
      const lifts = await searchEntries(database.db, '电梯');
      // Both hold the word; the shorter text ranks first.
      expect(lifts.hits.map((hit) => [hit.kind, hit.body, hit.nodeId])).toEqual([
        ['comment', '请抓紧推进电梯安装', task.entityId],
        ['task', '推进老旧小区加装电梯', task.entityId],
      ]);
    });

    it('filters by unit and hides what the reader may not see', async () => {
      const now = new Date().toISOString();
      const unit = await database.db
        .insertInto('units')
        .values({
          parent_id: null,
          organisation_id: await findRootOrganisationId(database.db),
          name: '区民政局',
          short_name: null,
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const station = (await searchEntries(database.db, '养老服务驿站', { reportId: first, kinds: ['task'] }))
        .hits[0]!;
      await insertLeadAssignment(database.db, station.entityId, unit.id, now);
      const byUnit = await searchEntries(database.db, '养老', { unitId: unit.id, kinds: ['task'] });
      expect(byUnit.hits.map((hit) => hit.body)).toEqual(['新建养老服务驿站30个']);

      // The comment on the lift task is internal: the public and other units do not see it.
      expect((await searchEntries(database.db, '电梯安装')).hits.map((h) => h.kind)).toEqual(['comment']);
      expect((await searchEntries(database.db, '电梯安装', { privateEntries: 'none' })).hits).toEqual([]);
      expect(
        (await searchEntries(database.db, '电梯安装', { privateEntries: { unitId: unit.id } })).hits,
      ).toEqual([]);

      expect((await searchEntries(database.db, '学位', { reach: PUBLISHED_REPORTS })).hits).toEqual([]);
      await database.db.updateTable('reports').set({ published_at: now }).where('id', '=', second).execute();
      const published = await searchEntries(database.db, '学位', { reach: PUBLISHED_REPORTS });
      expect(published.hits.map((hit) => hit.reportId)).toEqual([second]);
      await database.db.updateTable('reports').set({ archived: 1 }).where('id', '=', second).execute();
      expect(
        (await searchEntries(database.db, '学位', { kinds: ['task'] })).hits.map((h) => h.reportId),
      ).toEqual([first]);
      await database.db
        .updateTable('reports')
        .set({ archived: 0, published_at: null })
        .where('id', '=', second)
        .execute();
    });

    it('rejects an empty or overlong query with a precise error', async () => {
      await expect(searchEntries(database.db, '  ')).rejects.toMatchObject({
        code: 'empty_query',
        status: 400,
      });
      await expect(searchEntries(database.db, '，。！')).rejects.toMatchObject({ code: 'empty_query' });
      await expect(searchEntries(database.db, '字'.repeat(101))).rejects.toMatchObject({
        code: 'query_too_long',
      });
    });

    it('treats query syntax characters as plain text', async () => {
      const result = await searchEntries(database.db, `"养老'驿站" & | ! :* NEAR(`, { kinds: ['task'] });
      expect(result.hits.map((hit) => hit.body).sort()).toEqual(['建设养老驿站25个', '新建养老服务驿站30个']);
    });
  });
}
