import type { Kysely } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';

/**
 * The meta and sections (requirement paragraphs among them) of a stored revision's tree; null
 * without a revision or when its stored tree is not readable.
 */
export async function findRevisionSections(
  db: Kysely<Database>,
  revisionId: number | null,
): Promise<Pick<ReportTree, 'meta' | 'sections'> | null> {
  if (revisionId === null) return null;
  const row = await db
    .selectFrom('report_revisions')
    .select('tree_json')
    .where('id', '=', revisionId)
    .executeTakeFirst();
  try {
    const parsed = JSON.parse(row?.tree_json ?? 'null') as Partial<ReportTree> | null;
    if (!parsed || !Array.isArray(parsed.sections)) return null;
    return { meta: parsed.meta ?? { title: '' }, sections: parsed.sections };
  } catch {
    return null;
  }
}
