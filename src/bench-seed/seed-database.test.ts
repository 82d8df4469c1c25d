import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../store/audit/verify-audit-chain.js';
import { withSearchTables } from '../store/search/index-report.js';
import { searchEntries } from '../store/search/search-entries.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../store/testing.js';
import { type SeedSummary, seedDatabase } from './seed-database.js';

const options = {
  tasks: 240,
  progressReports: 1200,
  units: 12,
  periods: 4,
  workReports: 3,
  year: 2026,
  seed: 7,
};

describe.each(DIALECTS)('luoshi bench seed on %s', (dialect) => {
  let handle: TestDatabase;
  let summary: SeedSummary;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    summary = await seedDatabase(handle, options, () => {});
  }, 120_000);
  afterAll(async () => handle?.close());

  it('generates exactly the requested tasks, units, periods and progress reports', async () => {
    const count = async (table: 'nodes' | 'units' | 'reporting_periods' | 'progress_reports' | 'reports') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(summary).toMatchObject({ tasks: 240, units: 12, periods: 12, progressReports: 1200 });
    expect(await count('reports')).toBe(3);
    // Released to the units, who read and write published reports only.
    const unpublished = await handle.db
      .selectFrom('reports')
      .select('id')
      .where('published_at', 'is', null)
      .execute();
    expect(unpublished).toEqual([]);
    expect(await count('units')).toBe(12);
    expect(await count('reporting_periods')).toBe(12);
    expect(await count('progress_reports')).toBe(1200);
    const tasks = await handle.db.selectFrom('nodes').select('id').where('kind', '=', 'task').execute();
    expect(tasks.length).toBe(240);
  });

  it('gives every task one lead unit of its own government and keeps data realistic', async () => {
    const leads = await handle.db
      .selectFrom('assignments')
      .select(['node_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'lead')
      .groupBy('node_id')
      .execute();
    expect(leads.length).toBe(240);
    expect(leads.every((l) => Number(l.n) === 1)).toBe(true);
    const progress = await handle.db
      .selectFrom('progress_reports')
      .select(['narrative', 'status', 'percent'])
      .execute();
    expect(progress.every((p) => p.narrative.length >= 8)).toBe(true);
    expect(new Set(progress.map((p) => p.status))).toContain('approved');
    expect(progress.every((p) => p.percent !== null && p.percent >= 0 && p.percent <= 100)).toBe(true);
    // Targets come from the real extractor on real corpus sentences, and get reported values.
    expect(summary.targets).toBeGreaterThan(0);
    expect(summary.progressValues).toBeGreaterThan(0);
  });

  it('leaves the audit chain valid and new rows insertable (sequences moved past explicit ids)', async () => {
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    const now = new Date().toISOString();
    const unit = await handle.db
      .insertInto('units')
      .values({
        name: '新单位',
        short_name: null,
        parent_id: null,
        organisation_id: null,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(unit.id).toBeGreaterThan(12);
  });

  it('leaves the search index complete: nothing queued, seeded progress narratives found', async () => {
    const search = withSearchTables(handle.db);
    expect(await search.selectFrom('search_stale').select('report_id').execute()).toEqual([]);
    const indexed = await search
      .selectFrom('search_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'progress')
      .executeTakeFirstOrThrow();
    expect(Number(indexed.n)).toBe(1200);
    const progress = await handle.db
      .selectFrom('progress_reports')
      .select(['id', 'narrative'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const phrase = Array.from(progress.narrative).slice(0, 12).join('');
    const result = await searchEntries(handle.db, phrase, { kinds: ['progress'] }, { limit: 100 });
    expect(result.hits.map((hit) => hit.entityId)).toContain(progress.id);
  });

  it('is deterministic: the same seed gives the same text', async () => {
    const other = await openTestDatabase(dialect);
    try {
      await seedDatabase(other, options, () => {});
      const narratives = async (db: TestDatabase) =>
        (
          await db.db.selectFrom('progress_reports').select('narrative').orderBy('id').limit(50).execute()
        ).map((r) => r.narrative);
      expect(await narratives(other)).toEqual(await narratives(handle));
    } finally {
      await other.close();
    }
  }, 120_000);
});
