import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { keepUnitAlias, listUnitDirectory } from '../units/unit-directory.js';
import { writeTransaction } from '../write-transaction.js';
import { migrations } from './index.js';

/** The migration before aliases became per organisation. */
const PREVIOUS = '20261205-2130-superior-tasks-recorded';
const now = '2026-03-01T08:00:00.000Z';

async function insert(db: Kysely<Database>, table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(
    columns.map((c) => sql.ref(c)),
  )}) values (${sql.join(columns.map((c) => row[c]))}) returning id`.execute(db);
  return Number(result.rows[0]!.id);
}

describe.each(DIALECTS)('unit aliases per organisation on %s', (dialect) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('keeps the existing aliases, each with its unit’s organisation; two organisations share a name, one keeps it once', async () => {
    handle = await openTestDatabase(dialect, { migrate: false });
    const db = handle.db;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const moved = await migrator.migrateTo(PREVIOUS);
    if (moved.error) throw moved.error;
    const stamps = { created_at: now, updated_at: now };
    const city = await insert(db, 'organisations', { name: '北京市人民政府', ...stamps });
    const tongzhou = await insert(db, 'organisations', {
      name: '通州区人民政府',
      parent_id: city,
      ...stamps,
    });
    const shunyi = await insert(db, 'organisations', { name: '顺义区人民政府', parent_id: city, ...stamps });
    const unit = (organisation_id: number, name: string) =>
      insert(db, 'units', { organisation_id, name, ...stamps });
    const tzPlanning = await unit(tongzhou, '通州区发展和改革委员会');
    const tzEducation = await unit(tongzhou, '通州区教育委员会');
    const syPlanning = await unit(shunyi, '顺义区发展和改革委员会');
    // Before: one name in the whole database, so 顺义 had to keep another one.
    await insert(db, 'unit_aliases', { alias: '区发改委', unit_id: tzPlanning, created_at: now });
    await insert(db, 'unit_aliases', { alias: '区教委', unit_id: tzEducation, created_at: now });
    await insert(db, 'unit_aliases', { alias: '顺义发改委', unit_id: syPlanning, created_at: now });
    await expect(
      insert(db, 'unit_aliases', { alias: '区发改委', unit_id: syPlanning, created_at: now }),
    ).rejects.toThrow();

    await migrateToLatest(db);
    const kept = await db
      .selectFrom('organisation_unit_aliases')
      .select(['organisation_id', 'alias', 'unit_id'])
      .orderBy('id')
      .execute();
    expect(kept).toEqual([
      { organisation_id: tongzhou, alias: '区发改委', unit_id: tzPlanning },
      { organisation_id: tongzhou, alias: '区教委', unit_id: tzEducation },
      { organisation_id: shunyi, alias: '顺义发改委', unit_id: syPlanning },
    ]);

    // 顺义 keeps 区发改委 for its own bureau beside 通州's.
    await writeTransaction(db, (trx) => keepUnitAlias(trx, '区发改委', syPlanning, CLI_ACTOR));
    const aliasesOf = async (organisationId: number) =>
      Object.fromEntries((await listUnitDirectory(db, organisationId)).map((u) => [u.id, u.aliases]));
    expect(await aliasesOf(shunyi)).toEqual({ [syPlanning]: ['顺义发改委', '区发改委'] });
    expect((await aliasesOf(tongzhou))[tzPlanning]).toEqual(['区发改委']);
    // One organisation keeps a name once: mapped to another of its units, the alias moves.
    await writeTransaction(db, (trx) => keepUnitAlias(trx, '区发改委', tzEducation, CLI_ACTOR));
    expect(await aliasesOf(tongzhou)).toEqual({ [tzPlanning]: [], [tzEducation]: ['区发改委', '区教委'] });
    await expect(
      insert(db, 'organisation_unit_aliases', {
        organisation_id: tongzhou,
        alias: '区教委',
        unit_id: tzPlanning,
        created_at: now,
      }),
    ).rejects.toThrow();
  });
});
