import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { migrations } from './index.js';

/** The migration before the organisation tree: the shape of every database upgraded by it. */
const PREVIOUS = '20261205-0010-login-throttles';
const now = '2026-03-01T08:00:00.000Z';

async function openAtPrevious(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  const handle = await openTestDatabase(dialect, { migrate: false });
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateTo(PREVIOUS);
  if (result.error) throw result.error;
  return handle;
}

/** Rows per table, for every table the previous migration had. */
async function countRows(db: Kysely<Database>, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n);
  }
  return counts;
}

async function insert(db: Kysely<Database>, table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(
    columns.map((c) => sql.ref(c)),
  )}) values (${sql.join(columns.map((c) => row[c]))}) returning id`.execute(db);
  return Number(result.rows[0]!.id);
}

const stamps = { created_at: now, updated_at: now };

describe.each(DIALECTS)('the organisation-tree migration on %s', (dialect) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('puts every report, unit and user of a filled database into the lowest-id organisation, losing nothing', async () => {
    handle = await openAtPrevious(dialect);
    const db = handle.db;
    const district = await insert(db, 'organisations', {
      name: '北京市通州区人民政府',
      level: null,
      ...stamps,
    });
    const city = await insert(db, 'organisations', { name: '北京市人民政府', level: 'city', ...stamps });
    const cityReport = await insert(db, 'reports', {
      organisation_id: city,
      title: '2026年北京市政府工作报告',
      year: 2026,
      place: '北京市',
      ...stamps,
    });
    const districtReport = await insert(db, 'reports', {
      organisation_id: district,
      title: '2026年通州区政府工作报告',
      year: 2026,
      place: '北京市通州区',
      ...stamps,
    });
    const bareReport = await insert(db, 'reports', { organisation_id: null, title: '无发文机关', ...stamps });
    await insert(db, 'reporting_periods', {
      report_id: districtReport,
      kind: 'month',
      label: '2026-03',
      starts_on: '2026-03-01',
      ends_on: '2026-03-31',
      status: 'open',
      ...stamps,
    });
    const parentUnit = await insert(db, 'units', {
      name: '区发展和改革委员会',
      organisation_id: null,
      ...stamps,
    });
    await insert(db, 'units', {
      name: '区财政局',
      parent_id: parentUnit,
      organisation_id: district,
      ...stamps,
    });
    await insert(db, 'people', { unit_id: parentUnit, name: '张三', ...stamps });
    for (const [username, role, unit] of [
      ['office', 'admin', null],
      ['reporter', 'reporter', parentUnit],
    ] as const) {
      await insert(db, 'users', {
        username,
        display_name: username,
        password_hash: 'x',
        role,
        unit_id: unit,
        ...stamps,
      });
    }
    // The change log (counters, marks, stale search entries) records the rewritten report rows;
    // every other table keeps exactly its rows.
    const changeLog = /^(kysely_|report_change_|search_stale)/;
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => !changeLog.test(t));
    const before = await countRows(db, tables);

    expect(await migrateToLatest(db)).toContain('20261205-0330-organisation-tree');

    expect(await countRows(db, tables)).toEqual(before);
    const organisations = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'parent_id', 'archived'])
      .orderBy('id')
      .execute();
    expect(organisations).toEqual([
      { id: district, name: '北京市通州区人民政府', parent_id: null, archived: 0 },
      { id: city, name: '北京市人民政府', parent_id: null, archived: 1 },
    ]);
    const reports = await db
      .selectFrom('reports')
      .select(['id', 'organisation_id', 'issuer', 'title'])
      .orderBy('id')
      .execute();
    expect(reports).toEqual([
      {
        id: cityReport,
        organisation_id: district,
        issuer: '北京市人民政府',
        title: '2026年北京市政府工作报告',
      },
      {
        id: districtReport,
        organisation_id: district,
        issuer: '北京市通州区人民政府',
        title: '2026年通州区政府工作报告',
      },
      { id: bareReport, organisation_id: district, issuer: null, title: '无发文机关' },
    ]);
    const units = await db
      .selectFrom('units')
      .select(['name', 'parent_id', 'organisation_id'])
      .orderBy('id')
      .execute();
    expect(units).toEqual([
      { name: '区发展和改革委员会', parent_id: null, organisation_id: district },
      { name: '区财政局', parent_id: parentUnit, organisation_id: district },
    ]);
    const users = await db
      .selectFrom('users')
      .select(['username', 'unit_id', 'organisation_id'])
      .orderBy('id')
      .execute();
    expect(users).toEqual([
      { username: 'office', unit_id: null, organisation_id: district },
      { username: 'reporter', unit_id: parentUnit, organisation_id: district },
    ]);
  });

  it('creates the root from the place of the first report when there is no organisation', async () => {
    handle = await openAtPrevious(dialect);
    const db = handle.db;
    await insert(db, 'reports', { title: '2026年政府工作报告', place: '北京城市副中心', ...stamps });
    await insert(db, 'reports', { title: '另一份', place: '北京市', ...stamps });
    await insert(db, 'units', { name: '区教委', ...stamps });
    await migrateToLatest(db);
    const organisations = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'parent_id', 'archived'])
      .execute();
    expect(organisations).toHaveLength(1);
    expect(organisations[0]).toMatchObject({ name: '北京城市副中心人民政府', parent_id: null, archived: 0 });
    const owners = await db.selectFrom('reports').select('organisation_id').execute();
    expect(owners.map((r) => r.organisation_id)).toEqual([organisations[0]!.id, organisations[0]!.id]);
    const unit = await db.selectFrom('units').select('organisation_id').executeTakeFirstOrThrow();
    expect(unit.organisation_id).toBe(organisations[0]!.id);
  });

  it('names the root 本级政府 in a database without reports (a fresh install)', async () => {
    handle = await openAtPrevious(dialect);
    await migrateToLatest(handle.db);
    const organisations = await handle.db.selectFrom('organisations').select(['name', 'parent_id']).execute();
    expect(organisations).toEqual([{ name: '本级政府', parent_id: null }]);
  });
});
