import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import type { Database, Unit } from '../schema.js';
import { updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { listUnitSubtreeIds } from './list-units.js';

export interface UpdateUnitInput {
  id: number;
  version: number;
  changes: { name?: string; shortName?: string | null; parentId?: number | null; archived?: boolean };
  actor: Actor;
}

/** Renames, moves or archives a unit; refuses a move under its own descendant and stale versions. */
export async function updateUnit(db: Kysely<Database>, input: UpdateUnitInput): Promise<Unit> {
  const { name, shortName, parentId, archived } = input.changes;
  if (name !== undefined && name.trim() === '')
    throw badInput('invalid_unit', 'A unit needs a name', '单位名称不能为空');
  return writeTransaction(db, async (trx) => {
    if (parentId !== undefined && parentId !== null) {
      const below = await listUnitSubtreeIds(trx, input.id);
      if (below.includes(parentId)) {
        throw badInput(
          'unit_cycle',
          'A unit cannot be moved under itself or its sub-units',
          '不能将单位移动到其自身或下级单位之下',
        );
      }
    }
    const unit = await updateVersioned(trx, {
      table: 'units',
      entity: 'unit',
      id: input.id,
      version: input.version,
      action: archived ? 'archive' : 'update',
      changes: {
        ...(name !== undefined ? { name: name.trim() } : {}),
        ...(shortName !== undefined ? { short_name: shortName } : {}),
        ...(parentId !== undefined ? { parent_id: parentId } : {}),
        ...(archived !== undefined ? { archived: archived ? 1 : 0 } : {}),
      },
      actor: input.actor,
    });
    // A representing unit back in use hands its live tasks down.
    await recordHandedDown(trx, { unitIds: [unit.id] }, input.actor);
    return unit;
  });
}
