import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A live task of a report: its id, text and the deadline date read from it. */
export interface ReportTaskText {
  id: number;
  text: string;
  deadline_date: string | null;
}

/** The report's live (not archived) tasks in reading order. */
export async function listReportTasks(db: Kysely<Database>, reportId: number): Promise<ReportTaskText[]> {
  return db
    .selectFrom('nodes')
    .select(['id', 'text', 'deadline_date'])
    .where('report_id', '=', reportId)
    .where('kind', '=', 'task')
    .where('archived', '=', 0)
    .orderBy('position')
    .execute();
}
