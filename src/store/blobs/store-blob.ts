import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** File bytes to keep, named by their SHA-256 (hex). */
export interface BlobInput {
  sha256: string;
  bytes: Uint8Array;
  mime: string;
}

/** Stores the bytes once per content hash (blobs), so any instance can read them back. */
export async function storeBlob(db: Kysely<Database>, blob: BlobInput): Promise<void> {
  await db
    .insertInto('blobs')
    .values({
      sha256: blob.sha256,
      size: blob.bytes.byteLength,
      mime: blob.mime,
      content: blob.bytes,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}
