import type { Kysely } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/**
 * Clears the live flags (领导关注) a user put on a task in a write transaction (joining the
 * caller's), recording one "clear" event per flag under the flag's own id (before and after
 * rows), as its "create" event is. Returns how many flags were cleared (0 when the user had none on the task).
 */
export async function clearFlags(
  db: Kysely<Database>,
  taskId: number,
  userId: number,
  actor: Actor,
  now: string,
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const live = await trx
      .selectFrom('flags')
      .selectAll()
      .where('node_id', '=', taskId)
      .where('user_id', '=', userId)
      .where('cleared_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const before of live) {
      const after = await trx
        .updateTable('flags')
        .set({ cleared_at: now, updated_at: now, version: before.version + 1 })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, {
        actor,
        action: 'clear',
        entity: 'flag',
        entityId: before.id,
        before,
        after,
      });
    }
    return live.length;
  });
}
