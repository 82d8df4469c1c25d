import type { Kysely } from 'kysely';
import type { Database, TaskFlag } from '../schema.js';

/** Every flag (领导关注) on tasks of the organisation's reports that has not been cleared, newest first. */
export async function listLiveFlags(
  db: Kysely<Database>,
  organisationId: number | null,
): Promise<TaskFlag[]> {
  return db
    .selectFrom('flags as f')
    .innerJoin('nodes as n', 'n.id', 'f.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .selectAll('f')
    .where('f.cleared_at', 'is', null)
    .where('r.organisation_id', '=', organisationId ?? -1)
    .orderBy('f.id', 'desc')
    .execute();
}
