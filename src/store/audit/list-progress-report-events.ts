import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The audit events of these progress reports (their workflow steps), oldest first. */
export async function listProgressReportEvents(db: Kysely<Database>, progressReportIds: readonly number[]) {
  if (progressReportIds.length === 0) return [];
  return db
    .selectFrom('audit_events')
    .select(['at', 'action', 'actor', 'actor_id', 'entity_id', 'after_json'])
    .where('entity', '=', 'progress_report')
    .where('entity_id', 'in', progressReportIds.map(String))
    .orderBy('id')
    .execute();
}
