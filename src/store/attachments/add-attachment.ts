import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import { type BlobInput, storeBlob } from '../blobs/store-blob.js';
import type { Attachment, Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

export interface NewAttachment {
  file: BlobInput & { fileName: string };
  progressReportId: number;
  taskId: number;
  uploadedBy: number;
  actor: Actor;
}

/** Keeps an evidence file (佐证材料) of a progress report: its bytes once by hash, and an audited row. */
export async function addAttachment(db: Kysely<Database>, input: NewAttachment): Promise<Attachment> {
  return writeTransaction(db, async (trx) => {
    await storeBlob(trx, input.file);
    return insertAudited(
      trx,
      'attachments',
      {
        blob_sha256: input.file.sha256,
        file_name: input.file.fileName,
        size: input.file.bytes.byteLength,
        mime: input.file.mime,
        progress_report_id: input.progressReportId,
        node_id: input.taskId,
        uploaded_by: input.uploadedBy,
        created_at: new Date().toISOString(),
      },
      input.actor,
      'attachment',
    );
  });
}
