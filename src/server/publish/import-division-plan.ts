import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import { readDivisionWorkbook, validateDivisionRows } from '../../render/division-import.js';
import type { Actor } from '../../store/audit/append-audit-event.js';
import { applyDivisionRows } from '../../store/division/apply-division-rows.js';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import type { DivisionImportResult } from './schema.js';

/**
 * Imports a 分工方案 .xlsx into a report's assignments. Every row is validated first; if any row
 * is wrong nothing is written and the error lists every bad row (row, column, reason). Otherwise,
 * in one transaction, each listed task gets exactly the lead and cooperating units of its row
 * (missing units are created, units no longer listed are archived), with the lead official and
 * deadline; tasks not in the sheet keep their assignments.
 */
export async function importDivisionPlan(
  db: Kysely<Database>,
  reportId: number,
  bytes: Uint8Array,
  actor: Actor,
): Promise<DivisionImportResult & { assignmentIdsMade: number[] }> {
  const tree = await getReportTree(db, reportId);
  const tasks = tree.areas.flatMap((area) => [
    ...area.measures.flatMap((measure) => measure.tasks),
    ...area.tasks,
  ]);
  const raw = await readDivisionWorkbook(bytes);
  const { rows, errors, skipped } = validateDivisionRows(raw, {
    tasks: tasks.map((task) => ({ id: String(task.id), text: task.text })),
    year: tree.report.year ?? new Date().getUTCFullYear(),
  });
  if (errors.length > 0) {
    const rowsWithErrors = new Set(errors.map((error) => error.row)).size;
    throw badInput(
      'division_rows_invalid',
      `${rowsWithErrors} row(s) of the sheet have errors; nothing was imported: ${errors
        .slice(0, 5)
        .map((e) => `row ${e.row} ${e.column}: ${e.en}`)
        .join('; ')}`,
      `分工方案有 ${rowsWithErrors} 行存在错误，未导入任何数据：${errors
        .slice(0, 5)
        .map((e) => `第 ${e.row} 行【${e.column}】${e.zh}`)
        .join('；')}`,
      { errors },
    );
  }
  if (rows.length === 0) {
    throw badInput(
      'division_empty',
      'No row of the sheet names a lead unit',
      '分工方案中没有填写牵头单位的任务行',
    );
  }
  const applied = await applyDivisionRows(
    db,
    reportId,
    rows.map((row) => ({ ...row, taskId: Number(row.taskId) })),
    actor,
  );
  return { rows: rows.length, skipped: skipped.length, ...applied };
}
