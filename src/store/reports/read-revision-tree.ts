import type { Kysely } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';

/** A stored revision's tree_json as stored, unparsed; undefined without that revision. */
export async function findRevisionTreeJson(
  db: Kysely<Database>,
  revisionId: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('report_revisions')
    .select('tree_json')
    .where('id', '=', revisionId)
    .executeTakeFirst();
  return row?.tree_json;
}

/**
 * A stored revision's tree as its tree_json holds it, unchecked: any of its parts may be missing
 * or of another shape. Null without that revision or when tree_json is not a JSON object.
 */
export async function readRevisionTree(
  db: Kysely<Database>,
  revisionId: number,
): Promise<Partial<ReportTree> | null> {
  const treeJson = await findRevisionTreeJson(db, revisionId);
  if (treeJson === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(treeJson);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<ReportTree>) : null;
  } catch {
    return null;
  }
}
