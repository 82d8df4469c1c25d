import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import { type StoredTarget, toStoredTarget } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';
import { updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { type TargetFields, validateTargetFields } from './validate-target.js';

export interface UpdateTargetInput {
  id: number;
  /** The version the editor loaded. */
  version: number;
  changes: Partial<TargetFields>;
  actor: Actor;
}

/**
 * Edits an extracted (or manual) target by hand: records who edited it and when, bumps its
 * version, and is refused with 'conflict' if someone saved it since `version`.
 */
export async function updateTarget(db: Kysely<Database>, input: UpdateTargetInput): Promise<StoredTarget> {
  validateTargetFields(input.changes);
  return writeTransaction(db, async (trx) => {
    const row = await updateVersioned(trx, {
      table: 'targets',
      entity: 'target',
      id: input.id,
      version: input.version,
      changes: { ...input.changes, edited_by: input.actor.id, edited_at: new Date().toISOString() },
      actor: input.actor,
    });
    if (row.comparator === 'between' && row.max === null)
      validateTargetFields({ comparator: 'between', max: null });
    return toStoredTarget(row);
  });
}
