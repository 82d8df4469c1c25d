import type { Kysely } from 'kysely';
import { conflict, notFound } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, User } from '../schema.js';
import { findUnitOrganisation } from '../units/find-unit-organisation.js';
import { writeTransaction } from '../write-transaction.js';
import { describeUser } from './describe-user.js';
import { createUser, findUserByUsername, type NewUserInput } from './manage-users.js';

export interface NewUserAccount extends Omit<NewUserInput, 'unitId'> {
  /**
   * The account's unit, for the roles that belong to one (its organisation must be the account's
   * when that is given, and becomes it otherwise); null for the others.
   */
  unitId: number | null;
}

/**
 * Creates an account whose fields the caller checked, audited, in one transaction (joining the
 * caller's): a taken username is a conflict, a unit outside the organisation not found.
 */
export async function createUserAccount(
  db: Kysely<Database>,
  input: NewUserAccount,
  actor: Actor,
): Promise<User> {
  return writeTransaction(db, async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw conflict(`The username ${input.username} is taken`, `用户名 ${input.username} 已存在`);
    }
    let organisationId = input.organisationId;
    if (input.unitId !== null) {
      const unit = await findUnitOrganisation(trx, input.unitId);
      if (!unit || (organisationId !== undefined && unit.organisation_id !== organisationId)) {
        throw notFound(`Unit ${input.unitId}`, `单位 ${input.unitId}`);
      }
      organisationId = unit.organisation_id;
    }
    const created = await createUser(trx, { ...input, organisationId: organisationId ?? null });
    await appendAuditEvent(trx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: created.id,
      after: describeUser(created),
    });
    return created;
  });
}
