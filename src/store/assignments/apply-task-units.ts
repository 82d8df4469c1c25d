import type { Transaction } from 'kysely';
import { badInput } from '../../core/errors.js';
import { isCalendarDate } from '../../core/status/calendar.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { AssignmentRole, Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { updateVersioned } from '../versioned/update-versioned.js';

/** What one task should be assigned: unit id → role, with the lead official and deadline. */
export interface TaskUnits {
  taskId: number;
  units: ReadonlyMap<number, AssignmentRole>;
  leadOfficial: string | null;
  deadline: string | null;
}

export interface ApplyCounts {
  created: number;
  updated: number;
  archived: number;
}

/**
 * Makes a task's assignments exactly `units` inside the caller's write transaction: new units are
 * assigned, changed ones updated (a removed one comes back), units no longer listed archived;
 * every write is versioned and audited. The lead official goes on the lead assignments. Returns
 * the ids of the assignments it made or brought back, for notices. The caller records the tasks it
 * handed down (recordHandedDown over the report, once for all its tasks).
 */
export async function applyTaskUnits(
  trx: Transaction<Database>,
  wanted: TaskUnits,
  actor: Actor,
  counts: ApplyCounts,
): Promise<number[]> {
  if (wanted.deadline !== null && !isCalendarDate(wanted.deadline)) {
    throw badInput(
      'invalid_deadline',
      `Task ${wanted.taskId}: the deadline ${wanted.deadline} is not a real date YYYY-MM-DD`,
      `任务 ${wanted.taskId}：完成时限 ${wanted.deadline} 不是有效日期`,
    );
  }
  const existing = await trx
    .selectFrom('assignments')
    .selectAll()
    .where('node_id', '=', wanted.taskId)
    .execute();
  const now = new Date().toISOString();
  const madeLive: number[] = [];
  for (const [unitId, role] of wanted.units) {
    const fields = {
      role,
      lead_official: role === 'lead' ? wanted.leadOfficial : null,
      deadline: wanted.deadline,
    };
    const current = existing.find((a) => a.unit_id === unitId);
    if (current) {
      const same =
        !current.archived &&
        current.role === fields.role &&
        current.lead_official === fields.lead_official &&
        current.deadline === fields.deadline;
      if (same) continue;
      if (current.archived) madeLive.push(current.id);
      await updateVersioned(trx, {
        table: 'assignments',
        entity: 'assignment',
        id: current.id,
        version: current.version,
        action: current.archived ? 'create' : 'update',
        changes: { ...fields, archived: 0 },
        actor,
      });
      counts.updated += 1;
    } else {
      const row = await insertAudited(
        trx,
        'assignments',
        {
          ...fields,
          node_id: wanted.taskId,
          unit_id: unitId,
          lead_official_person_id: null,
          milestones_json: '[]',
          note: null,
          archived: 0,
          created_at: now,
          updated_at: now,
        },
        actor,
        'assignment',
      );
      madeLive.push(row.id);
      counts.created += 1;
    }
  }
  for (const current of existing) {
    if (current.archived || wanted.units.has(current.unit_id)) continue;
    await updateVersioned(trx, {
      table: 'assignments',
      entity: 'assignment',
      id: current.id,
      version: current.version,
      action: 'archive',
      changes: { archived: 1 },
      actor,
    });
    counts.archived += 1;
  }
  return madeLive;
}
