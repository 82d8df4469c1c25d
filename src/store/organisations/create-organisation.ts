import type { Transaction } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, Organisation } from '../schema.js';

export interface NewOrganisationInput {
  name: string;
  /** Administrative level: national, province, city, district, town, other. */
  level?: string | null;
  /** The superior government. */
  parentId: number;
  actor: Actor;
}

/**
 * Creates a sub-organisation (a district under its city, a town under its district) in the
 * caller's write transaction, audited. A name is used once: an organisation of that name is a
 * conflict, except an archived former issuer name kept by the upgrade, which is taken back into
 * the tree under the given superior.
 */
export async function createSubOrganisation(
  trx: Transaction<Database>,
  input: NewOrganisationInput,
): Promise<Organisation> {
  const name = input.name.trim();
  if (name === '') throw badInput('invalid_organisation', 'An organisation needs a name', '组织名称不能为空');
  const now = new Date().toISOString();
  const existing = await trx
    .selectFrom('organisations')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing && existing.archived === 0) {
    throw conflict(`An organisation named ${name} exists`, `组织“${name}”已存在`, {
      organisationId: existing.id,
    });
  }
  const row = existing
    ? await trx
        .updateTable('organisations')
        .set((eb) => ({
          archived: 0,
          parent_id: input.parentId,
          level: input.level ?? existing.level,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('organisations')
        .values({
          name,
          level: input.level ?? null,
          parent_id: input.parentId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  await appendAuditEvent(trx, {
    actor: input.actor,
    action: existing ? 'update' : 'create',
    entity: 'organisation',
    entityId: row.id,
    ...(existing ? { before: existing } : {}),
    after: row,
  });
  return row;
}
