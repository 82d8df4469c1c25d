import type { Kysely } from 'kysely';
import type { ExistingNode } from '../../core/merge/plan-merge.js';
import { listDecomposedNodeIds } from '../cascade/keep-decomposed-tasks.js';
import type { Database } from '../schema.js';

/**
 * Every stored node of a report (archived too: a task dropped once may come back), for merge
 * planning; except the tasks the office wrote when decomposing superior tasks, which are not in
 * the document and stay as they are.
 */
export async function loadExistingNodes(db: Kysely<Database>, reportId: number): Promise<ExistingNode[]> {
  const decomposed = await listDecomposedNodeIds(db, reportId);
  let query = db
    .selectFrom('nodes')
    .select(['id', 'kind', 'section_kind', 'title', 'parent_id', 'position', 'archived'])
    .where('report_id', '=', reportId);
  if (decomposed.length > 0) query = query.where('id', 'not in', decomposed);
  const rows = await query.orderBy('position').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    sectionKind: row.section_kind,
    text: row.title,
    parentId: row.parent_id,
    position: row.position,
    archived: row.archived === 1,
  }));
}
