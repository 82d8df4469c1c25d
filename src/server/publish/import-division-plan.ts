import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import { readDivisionWorkbook, validateDivisionRows } from '../../render/division-import.js';
import type { Actor } from '../../store/audit/append-audit-event.js';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import type { AssignmentRole, Database } from '../../store/schema.js';
import { findOrCreateUnits } from '../../store/units/create-unit.js';
import { insertAudited } from '../../store/versioned/insert-audited.js';
import { updateVersioned } from '../../store/versioned/update-versioned.js';
import { writeTransaction } from '../../store/write-transaction.js';
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
): Promise<DivisionImportResult> {
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
  return writeTransaction(db, async (trx) => {
    const result: DivisionImportResult = {
      rows: rows.length,
      skipped: skipped.length,
      created: 0,
      updated: 0,
      archived: 0,
      unitsCreated: [],
    };
    const units = await findOrCreateUnits(
      trx,
      rows.flatMap((row) => [...row.leadUnits, ...row.cooperatingUnits]),
      actor,
    );
    const unitIds = units.ids;
    result.unitsCreated.push(...units.created);
    const now = new Date().toISOString();
    for (const row of rows) {
      const taskId = Number(row.taskId);
      const wanted = new Map<number, AssignmentRole>();
      for (const unit of row.cooperatingUnits) wanted.set(unitIds.get(unit) ?? 0, 'cooperating');
      for (const unit of row.leadUnits) wanted.set(unitIds.get(unit) ?? 0, 'lead');
      const existing = await trx
        .selectFrom('assignments')
        .selectAll()
        .where('node_id', '=', taskId)
        .execute();
      for (const [unitId, role] of wanted) {
        const fields = {
          role,
          lead_official: role === 'lead' ? row.leadOfficial : null,
          deadline: row.deadline,
        };
        const current = existing.find((a) => a.unit_id === unitId);
        if (current) {
          const same =
            !current.archived &&
            current.role === fields.role &&
            current.lead_official === fields.lead_official &&
            current.deadline === fields.deadline;
          if (same) continue;
          await updateVersioned(trx, {
            table: 'assignments',
            entity: 'assignment',
            id: current.id,
            version: current.version,
            action: current.archived ? 'create' : 'update',
            changes: { ...fields, archived: 0 },
            actor,
          });
          result.updated += 1;
        } else {
          await insertAudited(
            trx,
            'assignments',
            {
              ...fields,
              node_id: taskId,
              unit_id: unitId,
              lead_official_person_id: null,
              milestones_json: '[]',
              note: null,
              archived: 0,
              created_at: now,
              updated_at: now,
            },
            actor,
            'assignment',
          );
          result.created += 1;
        }
      }
      for (const current of existing) {
        if (current.archived || wanted.has(current.unit_id)) continue;
        await updateVersioned(trx, {
          table: 'assignments',
          entity: 'assignment',
          id: current.id,
          version: current.version,
          action: 'archive',
          changes: { archived: 1 },
          actor,
        });
        result.archived += 1;
      }
    }
    return result;
  });
}
