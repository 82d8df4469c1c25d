import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import { type StoredTarget, toStoredTarget } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { loadVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { type TargetFields, validateTargetFields } from './validate-target.js';

export interface AddTargetInput {
  taskId: number;
  target: TargetFields & { text?: string };
  actor: Actor;
}

/** Adds a target the extractor missed (source "manual") to a task. */
export async function addTarget(db: Kysely<Database>, input: AddTargetInput): Promise<StoredTarget> {
  validateTargetFields(input.target);
  return writeTransaction(db, async (trx) => {
    const task = await loadVersioned(trx, 'nodes', input.taskId);
    if (task.kind !== 'task') {
      throw badInput(
        'not_a_task',
        `Node ${input.taskId} is a ${task.kind}, not a task`,
        `节点 ${input.taskId} 不是任务`,
      );
    }
    const last = await trx
      .selectFrom('targets')
      .select((eb) => eb.fn.max('ordinal').as('ordinal'))
      .where('node_id', '=', input.taskId)
      .executeTakeFirst();
    const now = new Date().toISOString();
    const { text, ...fields } = input.target;
    const row = await insertAudited(
      trx,
      'targets',
      {
        ...fields,
        node_id: input.taskId,
        ordinal: last?.ordinal === null || last?.ordinal === undefined ? 0 : Number(last.ordinal) + 1,
        text: text ?? '',
        span_start: 0,
        span_end: 0,
        source: 'manual',
        edited_by: input.actor.id,
        edited_at: now,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      'target',
    );
    return toStoredTarget(row);
  });
}
