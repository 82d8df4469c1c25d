import type { Transaction } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, Unit } from '../schema.js';
import { updateVersioned } from '../versioned/update-versioned.js';
import { recordHandedDown } from './record-handed-down.js';

export interface UnitLink {
  unitId: number;
  /** The version the caller read; a newer one is a conflict. */
  version: number;
  /** The organisation the unit stands for from now on, or null for an ordinary unit. */
  representsOrganisationId: number | null;
  actor: Actor;
}

/**
 * Inside the caller's write transaction, makes a unit stand for a subordinate organisation (or,
 * with null, for none): a versioned, audited update, after which the tasks already given to the
 * unit are recorded as handed down. The caller has checked that the link is allowed.
 */
export async function linkUnitToOrganisation(trx: Transaction<Database>, link: UnitLink): Promise<Unit> {
  const linked = await updateVersioned(trx, {
    table: 'units',
    entity: 'unit',
    id: link.unitId,
    version: link.version,
    changes: { represents_organisation_id: link.representsOrganisationId },
    actor: link.actor,
  });
  // The tasks already given to the unit are handed down from now on.
  await recordHandedDown(trx, { unitIds: [linked.id] }, link.actor);
  return linked;
}
