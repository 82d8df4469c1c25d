import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The most recently published reports that are not archived, newest first. */
export async function listNewestPublishedReports(
  db: Kysely<Database>,
  limit: number,
): Promise<{ id: number; title: string; published_at: string | null }[]> {
  return db
    .selectFrom('reports')
    .select(['id', 'title', 'published_at'])
    .where('published_at', 'is not', null)
    .where('archived', '=', 0)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}
