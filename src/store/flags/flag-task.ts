import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, TaskFlag } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

/**
 * Flags a task for a user to watch (领导关注), audited as a "create" of the flag. A user's live
 * flag on the task is returned as it is instead of adding a second one.
 */
export async function flagTask(
  db: Kysely<Database>,
  input: { taskId: number; userId: number; note: string | null; actor: Actor },
): Promise<TaskFlag> {
  const now = new Date().toISOString();
  return writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('flags')
      .selectAll()
      .where('node_id', '=', input.taskId)
      .where('user_id', '=', input.userId)
      .where('cleared_at', 'is', null)
      .executeTakeFirst();
    if (existing) return existing;
    return insertAudited(
      trx,
      'flags',
      {
        node_id: input.taskId,
        user_id: input.userId,
        note: input.note,
        cleared_at: null,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      'flag',
    );
  });
}
