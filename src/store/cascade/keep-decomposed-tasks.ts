import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/** The work area (工作领域) of a report that holds the tasks decomposed from superior tasks. */
export const SUPERIOR_TASKS_AREA = '上级交办任务';

/**
 * The nodes of a report that the office wrote when decomposing superior tasks, not the document:
 * its 上级交办任务 areas at the top level with no span in the text, and everything under them.
 * A re-import of the document neither matches nor archives them.
 */
export async function listDecomposedNodeIds(db: Kysely<Database>, reportId: number): Promise<number[]> {
  const areas = await db
    .selectFrom('nodes')
    .select('id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'area')
    .where('parent_id', 'is', null)
    .where('title', '=', SUPERIOR_TASKS_AREA)
    .where('span_start', '=', 0)
    .where('span_end', '=', 0)
    .execute();
  if (areas.length === 0) return [];
  const areaIds = areas.map((a) => a.id);
  const below = await db
    .selectFrom('nodes')
    .select('id')
    .where('report_id', '=', reportId)
    .where('parent_id', 'in', areaIds)
    .execute();
  return [...areaIds, ...below.map((n) => n.id)];
}

/**
 * After a re-import renumbered the document's nodes, puts the decomposed nodes back after all of
 * them, in their own order, so the 上级交办任务 area stays the report's last.
 */
export async function moveDecomposedNodesLast(db: Kysely<Database>, reportId: number): Promise<void> {
  const ids = await listDecomposedNodeIds(db, reportId);
  if (ids.length === 0) return;
  const others = await db
    .selectFrom('nodes')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('report_id', '=', reportId)
    .where('id', 'not in', ids)
    .executeTakeFirst();
  const first = await db
    .selectFrom('nodes')
    .select((eb) => eb.fn.min('position').as('position'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  const shift = Number(others?.position ?? -1) + 1 - Number(first.position ?? 0);
  if (shift <= 0) return;
  await db
    .updateTable('nodes')
    .set({ position: sql<number>`position + ${shift}` })
    .where('id', 'in', ids)
    .execute();
}
