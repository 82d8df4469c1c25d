import type { Kysely } from 'kysely';
import type { Database, Flag } from '../schema.js';

/** What decides who may read a task: its report's state and organisation. */
export interface TaskReportState {
  archived: Flag;
  publishedAt: string | null;
  organisationId: number | null;
}

/** The state of the report a task belongs to, or undefined when there is no such task. */
export async function findTaskReport(
  db: Kysely<Database>,
  taskId: number,
): Promise<TaskReportState | undefined> {
  const row = await db
    .selectFrom('nodes as n')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select(['r.archived', 'r.published_at', 'r.organisation_id'])
    .where('n.id', '=', taskId)
    .where('n.kind', '=', 'task')
    .executeTakeFirst();
  return (
    row && { archived: row.archived, publishedAt: row.published_at, organisationId: row.organisation_id }
  );
}
