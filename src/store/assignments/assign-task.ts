import type { Kysely, Transaction } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import { requireOwnedNode, requireUnitOf, type WriterOrganisation } from '../organisations/require-owned.js';
import type { Assignment, Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { loadVersioned, updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { type AssignmentFields, validateAssignmentFields } from './validate-assignment.js';

export interface AssignTaskInput extends Partial<Omit<AssignmentFields, 'role'>> {
  taskId: number;
  unitId: number;
  role: AssignmentFields['role'];
  /** The writer's organisation: the task must be one of its reports' (require-owned.ts). */
  organisationId?: WriterOrganisation;
}

async function assignOne(
  trx: Transaction<Database>,
  input: AssignTaskInput,
  actor: Actor,
): Promise<Assignment> {
  validateAssignmentFields(input);
  // A task is given to units of the government that owns its report, never to another's.
  const owner = await requireOwnedNode(trx, input.taskId, input.organisationId);
  const task = await loadVersioned(trx, 'nodes', input.taskId);
  if (task.kind !== 'task') {
    throw badInput(
      'not_a_task',
      `Node ${input.taskId} is a ${task.kind}, not a task`,
      `节点 ${input.taskId} 不是任务`,
    );
  }
  await requireUnitOf(trx, input.unitId, owner);
  const unit = await loadVersioned(trx, 'units', input.unitId);
  if (unit.archived)
    throw badInput('unit_archived', `Unit ${unit.name} is archived`, `单位 ${unit.name} 已停用`);
  const fields = {
    role: input.role,
    lead_official: input.leadOfficial ?? null,
    lead_official_person_id: input.leadOfficialPersonId ?? null,
    deadline: input.deadline ?? null,
    milestones_json: JSON.stringify(input.milestones ?? []),
    note: input.note ?? null,
  };
  const existing = await trx
    .selectFrom('assignments')
    .selectAll()
    .where('node_id', '=', input.taskId)
    .where('unit_id', '=', input.unitId)
    .executeTakeFirst();
  if (existing && !existing.archived) {
    throw conflict(
      `Task ${input.taskId} is already assigned to ${unit.name}; edit that assignment instead`,
      `任务 ${input.taskId} 已分配给 ${unit.name}，请修改原有分工`,
      { assignmentId: existing.id },
    );
  }
  const now = new Date().toISOString();
  const row = existing
    ? // Re-assigning a unit that was removed earlier revives its row, so its history stays in one place.
      await updateVersioned(trx, {
        table: 'assignments',
        entity: 'assignment',
        id: existing.id,
        version: existing.version,
        action: 'create',
        changes: { ...fields, archived: 0 },
        actor,
      })
    : await insertAudited(
        trx,
        'assignments',
        {
          ...fields,
          node_id: input.taskId,
          unit_id: input.unitId,
          archived: 0,
          created_at: now,
          updated_at: now,
        },
        actor,
        'assignment',
      );
  // Given to a unit that stands for a subordinate government, the task is handed down now.
  await recordHandedDown(trx, { assignmentIds: [row.id] }, actor);
  return row;
}

/** 分工 — gives a task to a unit as lead (牵头) or cooperating (配合) unit. */
export async function assignTask(
  db: Kysely<Database>,
  input: AssignTaskInput & { actor: Actor },
): Promise<Assignment> {
  return writeTransaction(db, (trx) => assignOne(trx, input, input.actor));
}

/** Bulk 分工 (e.g. from a spreadsheet): all assignments are made, or none if any is invalid. */
export async function assignTasks(
  db: Kysely<Database>,
  inputs: readonly AssignTaskInput[],
  actor: Actor,
): Promise<Assignment[]> {
  return writeTransaction(db, async (trx) => {
    const out: Assignment[] = [];
    for (const input of inputs) out.push(await assignOne(trx, input, actor));
    return out;
  });
}
