import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** 工作进展 text of these progress reports, by report id (empty ones left out; read in chunks). */
export async function listProgressNarratives(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const narratives = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('progress_reports')
      .select(['id', 'narrative'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.narrative) narratives.set(row.id, row.narrative);
  }
  return narratives;
}
