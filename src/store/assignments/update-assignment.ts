import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import { requireOwnedAssignment, type WriterOrganisation } from '../organisations/require-owned.js';
import type { Assignment, Database } from '../schema.js';
import { updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { type AssignmentFields, validateAssignmentFields } from './validate-assignment.js';

export interface UpdateAssignmentInput {
  id: number;
  version: number;
  changes: Partial<AssignmentFields> & { archived?: boolean };
  actor: Actor;
  /** The writer's organisation: the assignment must be of one of its reports (require-owned.ts). */
  organisationId?: WriterOrganisation;
}

/** Changes an assignment's role, lead official, deadline or milestones, or removes it (archived). */
export async function updateAssignment(
  db: Kysely<Database>,
  input: UpdateAssignmentInput,
): Promise<Assignment> {
  const c = input.changes;
  validateAssignmentFields(c);
  return writeTransaction(db, async (trx) => {
    await requireOwnedAssignment(trx, input.id, input.organisationId);
    const row = await updateVersioned(trx, {
      table: 'assignments',
      entity: 'assignment',
      id: input.id,
      version: input.version,
      action: c.archived ? 'archive' : 'update',
      changes: {
        ...(c.role !== undefined ? { role: c.role } : {}),
        ...(c.leadOfficial !== undefined ? { lead_official: c.leadOfficial } : {}),
        ...(c.leadOfficialPersonId !== undefined ? { lead_official_person_id: c.leadOfficialPersonId } : {}),
        ...(c.deadline !== undefined ? { deadline: c.deadline } : {}),
        ...(c.milestones !== undefined ? { milestones_json: JSON.stringify(c.milestones) } : {}),
        ...(c.note !== undefined ? { note: c.note } : {}),
        ...(c.archived !== undefined ? { archived: c.archived ? 1 : 0 } : {}),
      },
      actor: input.actor,
    });
    // Given back to a unit that stands for a subordinate government: handed down (again).
    await recordHandedDown(trx, { assignmentIds: [row.id] }, input.actor);
    return row;
  });
}
