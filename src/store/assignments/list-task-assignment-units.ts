import type { Kysely } from 'kysely';
import type { AssignmentRole, Database } from '../schema.js';

/** A live assignment of a task with its unit's name. */
export interface TaskAssignmentUnit {
  node_id: number;
  role: AssignmentRole;
  lead_official: string | null;
  deadline: string | null;
  name: string;
}

/** The live assignments of these tasks with their units' names, in the order they were made. */
export async function listTaskAssignmentUnits(
  db: Kysely<Database>,
  taskIds: readonly number[],
): Promise<TaskAssignmentUnit[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.node_id', 'a.role', 'a.lead_official', 'a.deadline', 'u.name'])
    .where('a.node_id', 'in', taskIds)
    .where('a.archived', '=', 0)
    .orderBy('a.id')
    .execute();
}
