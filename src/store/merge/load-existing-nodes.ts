import type { Kysely } from 'kysely';
import type { ExistingNode } from '../../core/merge/plan-merge.js';
import type { Database } from '../schema.js';

/** Every stored node of a report (archived too: a task dropped once may come back), for merge planning. */
export async function loadExistingNodes(db: Kysely<Database>, reportId: number): Promise<ExistingNode[]> {
  const rows = await db
    .selectFrom('nodes')
    .select(['id', 'kind', 'section_kind', 'title', 'parent_id', 'position', 'archived'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .orderBy('id')
    .execute();
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
