import type { Kysely } from 'kysely';
import type { ReportMeta } from '../../core/report-tree.js';
import type { Database } from '../schema.js';

/**
 * The meta (title, year, place, speaker…) of a stored revision's tree; `{ title }` when the
 * revision's tree has no readable meta (the title then comes from the reports row).
 */
export async function findRevisionMeta(
  db: Kysely<Database>,
  revisionId: number,
  title: string,
): Promise<ReportMeta> {
  const row = await db
    .selectFrom('report_revisions')
    .select('tree_json')
    .where('id', '=', revisionId)
    .executeTakeFirst();
  try {
    const parsed = JSON.parse(row?.tree_json ?? '{}') as { meta?: ReportMeta };
    if (parsed.meta && typeof parsed.meta.title === 'string') return parsed.meta;
  } catch {
    // A revision without a readable tree still has its title from the reports row.
  }
  return { title };
}
