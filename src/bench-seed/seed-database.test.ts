import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../store/audit/verify-audit-chain.js';
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
    const search = handle.db;
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

describe.each(DIALECTS)('luoshi bench seed --orgs on %s', (dialect) => {
  let handle: TestDatabase;
  let summary: SeedSummary;
  const cityOptions = { ...options, tasks: 300, units: 9, workReports: 6, organisations: 2 };
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    summary = await seedDatabase(handle, cityOptions, () => {});
  }, 120_000);
  afterAll(async () => handle?.close());

  it('makes the root the city with the districts under it, each owning two reports and its units', async () => {
    const organisations = await handle.db
      .selectFrom('organisations')
      .select(['id', 'name', 'parent_id'])
      .where('archived', '=', 0)
      .orderBy('id')
      .execute();
    expect(organisations.map((o) => o.name)).toEqual([
      '东州市人民政府',
      '东州城区人民政府',
      '东州新区人民政府',
    ]);
    const [city, ...districts] = organisations;
    expect(city!.parent_id).toBeNull();
    expect(districts.every((d) => d.parent_id === city!.id)).toBe(true);
    expect(summary).toMatchObject({ organisations: 3, tasks: 300 });
    for (const organisation of organisations) {
      const reports = await handle.db
        .selectFrom('reports')
        .select('id')
        .where('organisation_id', '=', organisation.id)
        .execute();
      expect(reports.length).toBe(2);
      const units = await handle.db
        .selectFrom('units')
        .select('id')
        .where('organisation_id', '=', organisation.id)
        .where('represents_organisation_id', 'is', null)
        .execute();
      expect(units.length).toBe(3);
    }
    // The city has one unit standing for each district.
    const standing = await handle.db
      .selectFrom('units')
      .select(['organisation_id', 'represents_organisation_id', 'name'])
      .where('represents_organisation_id', 'is not', null)
      .orderBy('represents_organisation_id')
      .execute();
    expect(standing).toEqual(
      districts.map((d) => ({ organisation_id: city!.id, represents_organisation_id: d.id, name: d.name })),
    );
  });

  it('assigns units of the task’s own government only, and hands city tasks down to districts', async () => {
    const crossing = await handle.db
      .selectFrom('assignments')
      .innerJoin('nodes', 'nodes.id', 'assignments.node_id')
      .innerJoin('reports', 'reports.id', 'nodes.report_id')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select('assignments.id')
      .whereRef('units.organisation_id', '<>', 'reports.organisation_id')
      .execute();
    expect(crossing).toEqual([]);
    const superior = await handle.db
      .selectFrom('superior_tasks as s')
      .innerJoin('assignments as a', 'a.id', 's.assignment_id')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['s.id', 's.status', 's.organisation_id', 'u.represents_organisation_id'])
      .execute();
    expect(superior.length).toBe(summary.superiorTasks);
    expect(superior.length).toBeGreaterThan(0);
    expect(superior.every((s) => s.organisation_id === s.represents_organisation_id)).toBe(true);
    const handed = await handle.db
      .selectFrom('assignments as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select('a.id')
      .where('u.represents_organisation_id', 'is not', null)
      .execute();
    expect(handed.length).toBe(superior.length);
    // Accepted ones are linked to tasks of the district's own reports, pending ones to none.
    const links = await handle.db
      .selectFrom('superior_task_links as l')
      .innerJoin('superior_tasks as s', 's.id', 'l.superior_task_id')
      .innerJoin('nodes as n', 'n.id', 'l.node_id')
      .innerJoin('reports as r', 'r.id', 'n.report_id')
      .select(['s.status', 's.organisation_id', 'r.organisation_id as owner', 'n.kind'])
      .execute();
    expect(links.length).toBeGreaterThan(0);
    expect(
      links.every((l) => l.status === 'accepted' && l.owner === l.organisation_id && l.kind === 'task'),
    ).toBe(true);
  });

  it('refuses to seed organisations into a database that already holds reports', async () => {
    await expect(seedDatabase(handle, cityOptions, () => {})).rejects.toMatchObject({
      code: 'not_empty',
    });
  });
});
