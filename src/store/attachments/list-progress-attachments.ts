import type { Kysely } from 'kysely';
import type { Attachment, Database } from '../schema.js';

/** The evidence files of a progress report, in upload order. */
export async function listProgressAttachments(
  db: Kysely<Database>,
  progressReportId: number,
): Promise<Attachment[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('progress_report_id', '=', progressReportId)
    .orderBy('id')
    .execute();
}
