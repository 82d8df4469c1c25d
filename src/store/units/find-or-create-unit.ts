import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import { withoutInvisibleCharacters } from '../../core/invisible-characters.js';
import type { Actor } from '../audit/append-audit-event.js';
import { organisationOrRoot } from '../organisations/find-root-organisation.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { findOrCreateUnits } from './create-unit.js';

/**
 * The id of the unit of the organisation (default the root) with this name or short name,
 * creating it (audited) when there is none.
 */
export async function findOrCreateUnit(
  db: Kysely<Database>,
  name: string,
  actor: Actor,
  organisationId?: number,
): Promise<number> {
  const trimmed = withoutInvisibleCharacters(name).trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw badInput('invalid_unit', 'A unit name has 1-100 characters', '单位名称须为 1–100 个字符');
  }
  return writeTransaction(db, async (trx) => {
    const owner = await organisationOrRoot(trx, organisationId);
    const found = await trx
      .selectFrom('units')
      .select('id')
      .where((eb) => eb.or([eb('name', '=', trimmed), eb('short_name', '=', trimmed)]))
      .where('organisation_id', '=', owner)
      .where('archived', '=', 0)
      .orderBy('id')
      .executeTakeFirst();
    if (found) return found.id;
    const { ids } = await findOrCreateUnits(trx, [trimmed], actor, owner);
    return ids.get(trimmed) as number;
  });
}
