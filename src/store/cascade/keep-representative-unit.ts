import type { Transaction } from 'kysely';
import { conflict } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, Unit } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { linkUnitToOrganisation } from './link-unit-to-organisation.js';

export interface RepresentativeUnitInput {
  /** The superior organisation, whose ledger gets the unit. */
  superiorId: number;
  /** The sub-organisation the unit stands for. */
  subordinateId: number;
  /** The unit's name in the superior's ledger (通州区政府). */
  name: string;
  actor: Actor;
}

/**
 * Gives a new sub-organisation its unit in the superior's ledger, inside the caller's write
 * transaction, so the superior assigns tasks to it (handed down as 上级交办任务) and ranks it on
 * its dashboard like any unit. A live unit of the superior that already represents the
 * sub-organisation is kept; else one whose name, short name or kept alias is `name` is linked;
 * else a unit of that name is created. A unit of that name that stands for another organisation
 * is a conflict.
 */
export async function keepRepresentativeUnit(
  trx: Transaction<Database>,
  input: RepresentativeUnitInput,
): Promise<Unit> {
  const current = await trx
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', input.superiorId)
    .where('represents_organisation_id', '=', input.subordinateId)
    .where('archived', '=', 0)
    .orderBy('id')
    .executeTakeFirst();
  if (current) return current;
  const named = await trx
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', input.superiorId)
    .where('archived', '=', 0)
    .where((eb) =>
      eb.or([
        eb('name', '=', input.name),
        eb('short_name', '=', input.name),
        eb(
          'id',
          'in',
          eb
            .selectFrom('organisation_unit_aliases')
            .select('unit_id')
            .where('organisation_id', '=', input.superiorId)
            .where('alias', '=', input.name),
        ),
      ]),
    )
    .orderBy('id')
    .executeTakeFirst();
  if (named) {
    if (named.represents_organisation_id != null) {
      throw conflict(
        `Unit ${named.name} already stands for organisation ${named.represents_organisation_id}`,
        `单位“${named.name}”已代表另一个下级政府`,
        { unitId: named.id },
      );
    }
    return linkUnitToOrganisation(trx, {
      unitId: named.id,
      version: named.version,
      representsOrganisationId: input.subordinateId,
      actor: input.actor,
    });
  }
  const now = new Date().toISOString();
  return insertAudited(
    trx,
    'units',
    {
      name: input.name,
      short_name: null,
      parent_id: null,
      organisation_id: input.superiorId,
      represents_organisation_id: input.subordinateId,
      archived: 0,
      created_at: now,
      updated_at: now,
    },
    input.actor,
    'unit',
  );
}
