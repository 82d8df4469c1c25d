import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { type CountedProgress, readCountedValues } from '../status/list-task-status-inputs.js';

/** An approved progress report of a task, as the dashboard's trend counts it. */
export interface ApprovedReport extends CountedProgress {
  nodeId: number;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Every approved progress report of the report's tasks (or of `nodeIds` only) with its values,
 * per task, newest period first (the query's order, kept per task).
 */
export async function listApprovedProgressByTask(
  db: Kysely<Database>,
  reportId: number,
  nodeIds?: readonly number[],
): Promise<Map<number, ApprovedReport[]>> {
  const rows: {
    id: number;
    node_id: number;
    unit_id: number;
    period_id: number;
    label: string;
    ends_on: string;
    percent: number | null;
  }[] = [];
  const chunks = nodeIds ? chunked(nodeIds, 500) : [undefined];
  for (const chunk of chunks) {
    if (chunk?.length === 0) continue;
    let query = db
      .selectFrom('progress_reports as p')
      .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
      .select(['p.id', 'p.node_id', 'p.unit_id', 'p.period_id', 'rp.label', 'rp.ends_on', 'p.percent'])
      .where('rp.report_id', '=', reportId)
      .where('p.status', '=', 'approved')
      .orderBy('rp.ends_on', 'desc')
      .orderBy('p.id', 'desc');
    if (chunk) query = query.where('p.node_id', 'in', chunk);
    rows.push(...(await query.execute()));
  }
  const reports = rows.map(
    (row): ApprovedReport => ({
      nodeId: row.node_id,
      progressReportId: row.id,
      unitId: row.unit_id,
      periodId: row.period_id,
      periodLabel: row.label,
      periodEndsOn: row.ends_on,
      status: 'approved',
      percent: row.percent,
      values: new Map(),
    }),
  );
  await readCountedValues(db, reports);
  const byTask = new Map<number, ApprovedReport[]>();
  for (const report of reports) {
    const list = byTask.get(report.nodeId);
    if (list) list.push(report);
    else byTask.set(report.nodeId, [report]);
  }
  return byTask;
}
