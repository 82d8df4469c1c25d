import type { Kysely } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';

/**
 * A stored revision's tree as its tree_json holds it, unchecked: any of its parts may be missing
 * or of another shape. Null without that revision or when tree_json is not a JSON object.
 */
export async function readRevisionTree(
  db: Kysely<Database>,
  revisionId: number,
): Promise<Partial<ReportTree> | null> {
  const row = await db
    .selectFrom('report_revisions')
    .select('tree_json')
    .where('id', '=', revisionId)
    .executeTakeFirst();
  if (!row) return null;
  try {
    const parsed: unknown = JSON.parse(row.tree_json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<ReportTree>) : null;
  } catch {
    return null;
  }
}
