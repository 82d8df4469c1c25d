import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A unit's id and organisation, or undefined when there is no such unit. */
export async function findUnitOrganisation(
  db: Kysely<Database>,
  unitId: number,
): Promise<{ id: number; organisation_id: number | null } | undefined> {
  return db.selectFrom('units').select(['id', 'organisation_id']).where('id', '=', unitId).executeTakeFirst();
}
