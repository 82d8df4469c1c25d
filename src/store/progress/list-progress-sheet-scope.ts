import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An assigned (task, unit) pair of a report, with the task's text and position and the unit's name. */
export interface AssignedPair {
  node_id: number;
  unit_id: number;
  text: string;
  unit_name: string;
  position: number;
}

/** What the progress spreadsheet of a report covers. */
export interface ProgressSheetScope {
  pairs: AssignedPair[];
  /** The live targets of those tasks, in ordinal order. */
  targets: { id: number; node_id: number; text: string }[];
}

/**
 * The live assigned (task, unit) pairs of a report in task order, only `unitId`'s when given,
 * and each of those tasks' live targets.
 */
export async function listProgressSheetScope(
  db: Kysely<Database>,
  reportId: number,
  unitId: number | null,
): Promise<ProgressSheetScope> {
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.node_id', 'a.unit_id', 'n.text', 'u.name as unit_name', 'n.position'])
    .where('n.report_id', '=', reportId)
    .where('n.archived', '=', 0)
    .where('a.archived', '=', 0);
  if (unitId !== null) query = query.where('a.unit_id', '=', unitId);
  const pairs = await query.orderBy('n.position').orderBy('a.unit_id').execute();
  const taskIds = [...new Set(pairs.map((p) => p.node_id))];
  const targets =
    taskIds.length === 0
      ? []
      : await db
          .selectFrom('targets')
          .select(['id', 'node_id', 'text'])
          .where('node_id', 'in', taskIds)
          .where('archived', '=', 0)
          .orderBy('ordinal')
          .execute();
  return { pairs, targets };
}
