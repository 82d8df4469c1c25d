import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLeadAssignment } from '../../store/test-fixtures.js';
import { DIALECTS } from '../../store/testing.js';
import { importSmallReport } from '../testing/small-report.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

interface Hits {
  hits: { kind: string; body: string; reportId: number; snippet: { html: string }; fuzzy: boolean }[];
  more: boolean;
}

// The routes are registered in app.ts (searchRoutes); the test world builds the real app.
describe.each(DIALECTS)('search, diff and promise routes on %s', (dialect) => {
  let world: TestWorld;
  const q = (text: string) => encodeURIComponent(text);

  beforeAll(async () => {
    world = await createTestWorld(dialect);
    // A comment on a task of unit B: internal, so only the office, leaders and unit B may find it.
    const task = world.taskIds[0]!;
    const now = new Date().toISOString();
    await insertLeadAssignment(world.database.db, task, world.units.B, now);
    await world.database.db
      .insertInto('comments')
      .values({
        kind: 'comment',
        node_id: task,
        progress_report_id: null,
        author_id: world.userIds.leader,
        body: '请区教委加快推进凤凰涅槃工程',
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => world?.close());

  it('finds tasks of the published sample for anyone, highlighted', async () => {
    const anonymous = await world.client();
    const response = await anonymous.get(`/api/search?q=${q('中小学学位')}&kind=task`);
    expect(response.statusCode).toBe(200);
    const result = response.json<Hits>();
    expect(result.hits[0]?.body).toContain('中小学学位6500个');
    expect(result.hits[0]?.snippet.html).toContain('<mark>中小学学位</mark>');
  });

  it('finds text of the report that is not a task (the general requirements paragraph)', async () => {
    const anonymous = await world.client();
    const result = (
      await anonymous.get(`/api/search?q=${q('高标准实现十五五良好开局')}&kind=paragraph`)
    ).json<Hits>();
    expect(result.hits.map((hit) => hit.kind)).toEqual(['paragraph']);
    expect(result.hits[0]?.body).toContain('“十五五”良好开局');
  });

  it('shows a comment to the office, leaders and the assigned unit only', async () => {
    const kindsFor = async (user?: 'admin' | 'leader' | 'headB' | 'reporterA') => {
      const client = await world.client(user);
      const result = (await client.get(`/api/search?q=${q('凤凰涅槃工程')}`)).json<Hits>();
      return result.hits.map((hit) => hit.kind);
    };
    expect(await kindsFor('admin')).toEqual(['comment']);
    expect(await kindsFor('leader')).toEqual(['comment']);
    expect(await kindsFor('headB')).toEqual(['comment']);
    expect(await kindsFor('reporterA')).toEqual([]);
    expect(await kindsFor()).toEqual([]);
  });

  it('refuses bad queries with 400 and a precise message', async () => {
    const client = await world.client('admin');
    expect((await client.get('/api/search?q=')).statusCode).toBe(400);
    expect((await client.get(`/api/search?q=${q('字'.repeat(101))}`)).statusCode).toBe(400);
    expect((await client.get(`/api/search?q=${q('学位')}&kind=secret`)).statusCode).toBe(400);
    const punctuation = await client.get(`/api/search?q=${q('，。')}`);
    expect(punctuation.statusCode).toBe(400);
    expect(punctuation.json()).toMatchObject({ code: 'empty_query' });
  });

  it('diffs two reports of the same text as all continued, and promises as not reported', async () => {
    const client = await world.client('admin');
    const [first, second] = [
      await importSmallReport(world.database.db),
      await importSmallReport(world.database.db),
    ];
    const diff = await client.get(`/api/diff?before=${first}&after=${second}@1`);
    expect(diff.statusCode).toBe(200);
    const counts = diff.json<{
      counts: { continued: number; reworded: number; new: number; dropped: number };
    }>().counts;
    // Tasks only: both tasks continue; the measure heading is not counted.
    expect(counts).toEqual({ continued: 2, reworded: 0, new: 0, dropped: 0 });
    const promises = await client.get(`/api/promises?promised=${world.reportId}&reviewed=${first}`);
    expect(promises.statusCode).toBe(200);
    // The small report has no review section, so nothing the sample promises can be reported as achieved.
    expect(promises.json<{ counts: { met: number; 'not-met': number } }>().counts).toMatchObject({
      met: 0,
      'not-met': 0,
    });
  });

  it('refuses to compare a revision with itself, however the two sides name it', async () => {
    const client = await world.client('admin');
    const r = world.reportId;
    for (const [before, after] of [
      [`${r}`, `${r}`],
      [`${r}`, `${r}@1`],
      [`${r}@1`, `${r}`],
      [`${r}@1`, `${r}@1`],
    ]) {
      const response = await client.get(`/api/diff?before=${before}&after=${after}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        code: 'same_report',
        message: `Both sides are report ${r}@1: compare two different reports, or two revisions of one report`,
        messageZh: `对比的两边是同一报告（${r}@1）：请选择两个不同的报告，或同一报告的两个版本`,
      });
    }
  });

  it('refuses to track promises of a report against itself, in any of its revisions', async () => {
    const client = await world.client('admin');
    const r = world.reportId;
    for (const [promised, reviewed] of [
      [`${r}`, `${r}`],
      [`${r}`, `${r}@1`],
      [`${r}@1`, `${r}`],
    ]) {
      const response = await client.get(`/api/promises?promised=${promised}&reviewed=${reviewed}`);
      expect(response.statusCode, `${promised} / ${reviewed}`).toBe(400);
      expect(response.json()).toEqual({
        code: 'same_report',
        message: `Both sides are report ${r}: pick year Y's report as promised and year Y+1's as reviewed`,
        messageZh: `对照的两边是同一报告（${r}）：请选择第 Y 年的报告（承诺）和第 Y+1 年的报告（回顾）`,
      });
    }
    // A report another reader may not see stays 404, not 400, even when both sides name it.
    const reporter = await world.client('reporterA');
    const draft = await importSmallReport(world.database.db);
    expect((await reporter.get(`/api/promises?promised=${draft}&reviewed=${draft}`)).statusCode).toBe(404);
  });

  it('answers 404 for a missing report or revision and 400 for a malformed one', async () => {
    const client = await world.client('admin');
    expect((await client.get(`/api/diff?before=${world.reportId}&after=999999`)).statusCode).toBe(404);
    expect(
      (await client.get(`/api/diff?before=${world.reportId}&after=${world.reportId}@9`)).statusCode,
    ).toBe(404);
    expect((await client.get(`/api/diff?before=abc&after=1`)).statusCode).toBe(400);
  });
});
