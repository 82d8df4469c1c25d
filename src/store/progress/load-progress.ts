import type { Kysely } from 'kysely';
import type { Database, ProgressReport } from '../schema.js';

/** A progress report with its task, unit and period, and its target values. */
export interface ProgressView {
  row: ProgressReport & {
    task_text: string;
    unit_name: string;
    period_label: string;
    /** The task's report, whose readability (readable-reports.ts) gates the progress report. */
    task_report_id: number;
  };
  /** Each reported value with its target's subject and unit, so a reviewer reads what it approves. */
  values: { targetId: number; value: number | null; note: string | null; subject: string; unit: string }[];
}

/** Progress reports with their task, unit, period and values, filtered by the given conditions. */
export async function loadProgress(
  db: Kysely<Database>,
  where: { id?: number; periodId?: number; taskId?: number },
): Promise<ProgressView[]> {
  let query = db
    .selectFrom('progress_reports as p')
    .innerJoin('nodes as n', 'n.id', 'p.node_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
    .selectAll('p')
    .select([
      'n.text as task_text',
      'u.name as unit_name',
      'rp.label as period_label',
      'n.report_id as task_report_id',
    ]);
  if (where.id !== undefined) query = query.where('p.id', '=', where.id);
  if (where.periodId !== undefined) query = query.where('p.period_id', '=', where.periodId);
  if (where.taskId !== undefined) query = query.where('p.node_id', '=', where.taskId);
  const rows = await query.orderBy('n.position').orderBy('p.unit_id').execute();
  const values = new Map<number, ProgressView['values']>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const found = await db
      .selectFrom('progress_values as v')
      .innerJoin('targets as t', 't.id', 'v.target_id')
      .select(['v.progress_report_id', 'v.target_id', 'v.value', 'v.note', 't.subject', 't.unit'])
      .where('v.progress_report_id', 'in', ids)
      .orderBy('v.target_id')
      .execute();
    for (const v of found) {
      const list = values.get(v.progress_report_id) ?? [];
      list.push({ targetId: v.target_id, value: v.value, note: v.note, subject: v.subject, unit: v.unit });
      values.set(v.progress_report_id, list);
    }
  }
  return rows.map((row) => ({ row, values: values.get(row.id) ?? [] }));
}
