import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The bytes stored under a content hash, or undefined. */
export async function loadBlob(db: Kysely<Database>, sha256: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? new Uint8Array(row.content) : undefined;
}
