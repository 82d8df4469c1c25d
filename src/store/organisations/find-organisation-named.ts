import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import { findOrCreateOrganisation } from '../import-report.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/**
 * The id of the organisation with this name, created as a sub-organisation of the root when
 * there is none (audited): the CLI's `--organisation NAME`.
 */
export async function findOrCreateOrganisationNamed(
  db: Kysely<Database>,
  name: string,
  actor: Actor,
): Promise<number> {
  return writeTransaction(db, (trx) => findOrCreateOrganisation(trx, name.trim(), actor));
}
