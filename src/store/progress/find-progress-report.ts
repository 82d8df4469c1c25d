import type { Kysely } from 'kysely';
import type { Database, ProgressReport } from '../schema.js';

/** A progress report row with its target values. */
export interface ProgressReportDetail {
  row: ProgressReport;
  values: { targetId: number; value: number | null; note: string | null }[];
}

/** Loads a progress report and its values by id; undefined if there is none. */
export async function findProgressReportById(
  db: Kysely<Database>,
  id: number,
): Promise<ProgressReportDetail | undefined> {
  const row = await db.selectFrom('progress_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const values = await db
    .selectFrom('progress_values')
    .select(['target_id', 'value', 'note'])
    .where('progress_report_id', '=', id)
    .orderBy('target_id')
    .execute();
  return { row, values: values.map((v) => ({ targetId: v.target_id, value: v.value, note: v.note })) };
}

/** The report of one unit on one task in one period, if it exists. */
export async function findProgressReport(
  db: Kysely<Database>,
  key: { taskId: number; unitId: number; periodId: number },
): Promise<ProgressReportDetail | undefined> {
  const found = await db
    .selectFrom('progress_reports')
    .select('id')
    .where('node_id', '=', key.taskId)
    .where('unit_id', '=', key.unitId)
    .where('period_id', '=', key.periodId)
    .executeTakeFirst();
  return found ? findProgressReportById(db, found.id) : undefined;
}
