import type { Kysely } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/** Publishes a report now (visitors and units see it from then on), audited as "publish". */
export async function publishReport(db: Kysely<Database>, reportId: number, actor: Actor): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx.updateTable('reports').set({ published_at: now }).where('id', '=', reportId).execute();
    await appendAuditEvent(trx, {
      actor,
      action: 'publish',
      entity: 'report',
      entityId: reportId,
      after: { publishedAt: now },
    });
  });
}
