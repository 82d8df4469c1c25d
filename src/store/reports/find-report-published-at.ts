import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** When the report's public pages were published (null: not published); throws when there is no such report. */
export async function findReportPublishedAt(db: Kysely<Database>, reportId: number): Promise<string | null> {
  const row = await db
    .selectFrom('reports')
    .select('published_at')
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  return row.published_at;
}
