import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Attachment, Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/**
 * Removes an attachment row; the audit event keeps what it was, and the bytes stay in blobs
 * (shared by hash). 404 when the row is already gone.
 */
export async function deleteAttachment(db: Kysely<Database>, row: Attachment, actor: Actor): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const deleted = await trx.deleteFrom('attachments').where('id', '=', row.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw notFound(`Attachment ${row.id}`, '附件');
    await appendAuditEvent(trx, {
      actor,
      action: 'delete',
      entity: 'attachment',
      entityId: row.id,
      before: row,
    });
  });
}
