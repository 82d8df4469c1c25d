import type { Kysely } from 'kysely';
import type { Attachment, Database } from '../schema.js';

/** An attachment row by id, or undefined. */
export async function findAttachment(db: Kysely<Database>, id: number): Promise<Attachment | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}
