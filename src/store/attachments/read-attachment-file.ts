import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An attachment's name, type and bytes, for download. */
export interface AttachmentFile {
  fileName: string;
  mime: string;
  progressReportId: number | null;
  content: Uint8Array;
}

/** Reads an attachment with its bytes, or undefined when there is no such attachment. */
export async function readAttachmentFile(
  db: Kysely<Database>,
  id: number,
): Promise<AttachmentFile | undefined> {
  const row = await db
    .selectFrom('attachments')
    .innerJoin('blobs', 'blobs.sha256', 'attachments.blob_sha256')
    .select(['attachments.file_name', 'attachments.mime', 'attachments.progress_report_id', 'blobs.content'])
    .where('attachments.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fileName: row.file_name,
    mime: row.mime,
    progressReportId: row.progress_report_id,
    content: row.content,
  };
}
