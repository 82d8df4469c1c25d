import type { Kysely } from 'kysely';
import { badInput, conflict, notFound } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, Unit } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { linkUnitToOrganisation } from './link-unit-to-organisation.js';

export interface RepresentOrganisationInput {
  unitId: number;
  /** The organisation of the office making the change: it must own the unit. */
  organisationId: number;
  version: number;
  /** A direct subordinate of `organisationId`, or null to make the unit an ordinary one again. */
  representsOrganisationId: number | null;
  actor: Actor;
}

/**
 * Makes a unit of the superior's ledger stand for a subordinate government (通州区政府 for the
 * 通州区 organisation), so tasks assigned to it are handed down as 上级交办任务; or, with null,
 * an ordinary unit again (superior tasks already received stay with the subordinate). One live
 * unit per subordinate: a second is refused (conflict).
 */
export async function representOrganisation(
  db: Kysely<Database>,
  input: RepresentOrganisationInput,
): Promise<Unit> {
  return writeTransaction(db, async (trx) => {
    const unit = await trx
      .selectFrom('units')
      .selectAll()
      .where('id', '=', input.unitId)
      .where('organisation_id', '=', input.organisationId)
      .executeTakeFirst();
    if (!unit) throw notFound(`Unit ${input.unitId}`, `单位 ${input.unitId}`);
    const represented = input.representsOrganisationId;
    if (represented !== null) {
      const child = await trx
        .selectFrom('organisations')
        .select(['id', 'archived'])
        .where('id', '=', represented)
        .where('parent_id', '=', input.organisationId)
        .executeTakeFirst();
      if (!child || Number(child.archived) === 1) {
        throw badInput(
          'not_subordinate',
          `Organisation ${represented} is not a subordinate of your organisation`,
          `机构 ${represented} 不是本级的下级政府`,
        );
      }
      const other = await trx
        .selectFrom('units')
        .select(['id', 'name'])
        .where('represents_organisation_id', '=', represented)
        .where('archived', '=', 0)
        .where('id', '<>', unit.id)
        .executeTakeFirst();
      if (other) {
        throw conflict(
          `Unit ${other.name} already represents organisation ${represented}`,
          `单位 ${other.name} 已代表该下级政府`,
          { unitId: other.id },
        );
      }
    }
    return linkUnitToOrganisation(trx, {
      unitId: unit.id,
      version: input.version,
      representsOrganisationId: represented,
      actor: input.actor,
    });
  });
}
