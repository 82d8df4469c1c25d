import type { Kysely } from 'kysely';
import { createUserAccount, type NewUserAccount } from '../accounts/create-user-account.js';
import { keepRepresentativeUnit } from '../cascade/keep-representative-unit.js';
import type { Database, Organisation, Unit, User } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { createSubOrganisation, type NewOrganisationInput } from './create-organisation.js';

export interface SubOrganisationWithAdminInput extends NewOrganisationInput {
  /** Name of the unit standing for it in the superior's ledger (default the organisation's name). */
  unitName?: string | undefined;
  /** Its first administrator, checked by the caller; the account joins the new organisation. */
  admin: Omit<NewUserAccount, 'organisationId'>;
}

/**
 * Creates a sub-organisation, the unit of the superior's ledger that represents it (so the
 * superior can hand tasks down at once) and its first administrator, in one audited transaction.
 */
export async function createSubOrganisationWithAdmin(
  db: Kysely<Database>,
  input: SubOrganisationWithAdminInput,
): Promise<{ organisation: Organisation; unit: Unit; user: User }> {
  return writeTransaction(db, async (trx) => {
    const organisation = await createSubOrganisation(trx, {
      name: input.name,
      level: input.level ?? null,
      parentId: input.parentId,
      actor: input.actor,
    });
    const unit = await keepRepresentativeUnit(trx, {
      superiorId: input.parentId,
      subordinateId: organisation.id,
      name: input.unitName ?? organisation.name,
      actor: input.actor,
    });
    const user = await createUserAccount(
      trx,
      { ...input.admin, organisationId: organisation.id },
      input.actor,
    );
    return { organisation, unit, user };
  });
}
