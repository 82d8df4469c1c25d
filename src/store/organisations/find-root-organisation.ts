import type { Kysely, Transaction } from 'kysely';
import { LuoshiError } from '../../core/errors.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The root of the organisation tree (the government the deployment started with): the lowest-id
 * organisation without a superior that is not archived. The migration that made the tree creates
 * it, so every database has one. Rows created without an explicit owner (the first-start
 * administrator, `luoshi user add` without --organisation) belong to it.
 */
export async function findRootOrganisationId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('parent_id', 'is', null)
    .where('archived', '=', 0)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new LuoshiError('no_root_organisation', 500, {
      en: 'The database has no root organisation (run the migrations)',
      zh: '数据库中没有根组织（请先执行迁移）',
    });
  }
  return row.id;
}

/** The given organisation, or the root one when none is given. */
export async function organisationOrRoot(db: Db, organisationId: number | null | undefined): Promise<number> {
  return organisationId ?? findRootOrganisationId(db);
}

/** The organisation that owns a report (its units are the ones a 分工方案 of it names). */
export async function findReportOrganisationId(db: Db, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select('organisation_id')
    .where('id', '=', reportId)
    .executeTakeFirst();
  return row?.organisation_id ?? findRootOrganisationId(db);
}
