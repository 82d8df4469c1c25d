import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

export interface NameOrganisationWithSubInput {
  /** The organisation to name (the demo's root). */
  organisationId: number;
  name: string;
  level: string | null;
  /** The sub-organisation created under it. */
  sub: { name: string; level: string | null };
  actor: Actor;
}

/**
 * Names an organisation and its level and creates one sub-organisation under it (audited), in
 * one transaction; returns the sub-organisation's id. Used by `luoshi demo cascade` on an empty
 * database, where neither name can be taken.
 */
export async function nameOrganisationWithSub(
  db: Kysely<Database>,
  input: NameOrganisationWithSubInput,
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable('organisations')
      .set((eb) => ({
        name: input.name,
        level: input.level,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.organisationId)
      .execute();
    const sub = await insertAudited(
      trx,
      'organisations',
      {
        name: input.sub.name,
        level: input.sub.level,
        parent_id: input.organisationId,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      'organisation',
    );
    return sub.id;
  });
}
