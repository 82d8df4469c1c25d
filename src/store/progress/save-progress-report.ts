import type { Kysely, Transaction } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { loadVersioned, staleVersion } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { findProgressReportById, type ProgressReportDetail } from './find-progress-report.js';
import {
  insertDraftProgressReport,
  progressReportEdits,
  upsertProgressValue,
} from './write-progress-rows.js';

/** A value the unit reports for one target (累计完成值). */
export interface TargetValueInput {
  targetId: number;
  value: number | null;
  note?: string | null;
}

/**
 * What a progress report save writes: its text, percent and target values, over a version. A field
 * left undefined is kept as stored (empty on create).
 */
export interface ProgressReportFields {
  /** The version being edited; omit to create the report. */
  version?: number;
  narrative?: string;
  problems?: string;
  nextSteps?: string;
  percent?: number | null;
  values?: TargetValueInput[];
  actor: Actor;
}

/** A unit's report on a task for a period (created when no version is given). */
export interface SaveProgressInput extends ProgressReportFields {
  taskId: number;
  unitId: number;
  periodId: number;
}

/** The statuses in which the unit may still edit its report. */
const EDITABLE = new Set(['draft', 'returned']);

async function checkScope(trx: Transaction<Database>, input: SaveProgressInput): Promise<void> {
  const period = await loadVersioned(trx, 'reporting_periods', input.periodId);
  if (period.status !== 'open') {
    throw conflict(
      `Period ${period.label} is not open for reporting`,
      `报送周期 ${period.label} 未开放填报`,
      {
        periodId: period.id,
        status: period.status,
      },
    );
  }
  // A task is reported under the periods of its own report only: another report's open period
  // would list it and let a unit report after its own period closed.
  const task = await trx
    .selectFrom('nodes')
    .select('report_id')
    .where('id', '=', input.taskId)
    .where('kind', '=', 'task')
    .executeTakeFirst();
  if (task && task.report_id !== period.report_id) {
    throw badInput(
      'period_of_other_report',
      `Period ${period.label} belongs to another report than task ${input.taskId}`,
      `报送周期 ${period.label} 不属于该任务所在的报告`,
      { periodId: period.id },
    );
  }
  const assignment = await trx
    .selectFrom('assignments')
    .select('id')
    .where('node_id', '=', input.taskId)
    .where('unit_id', '=', input.unitId)
    .where('archived', '=', 0)
    .executeTakeFirst();
  if (!assignment) {
    throw badInput(
      'not_assigned',
      `Task ${input.taskId} is not assigned to unit ${input.unitId}`,
      '该任务未分配给本单位',
    );
  }
  if (input.percent != null && !(input.percent >= 0 && input.percent <= 100)) {
    throw badInput('invalid_progress', 'percent must be between 0 and 100', '完成百分比应在 0 到 100 之间');
  }
  const ids = (input.values ?? []).map((v) => v.targetId);
  if (new Set(ids).size !== ids.length)
    throw badInput('invalid_progress', 'A target appears twice', '同一目标重复填报');
  for (const v of input.values ?? []) {
    if (v.value !== null && !Number.isFinite(v.value)) {
      throw badInput(
        'invalid_progress',
        `Value of target ${v.targetId} must be a number`,
        '目标完成值必须是数字',
      );
    }
  }
  if (ids.length > 0) {
    const owned = await trx
      .selectFrom('targets')
      .select('id')
      .where('id', 'in', ids)
      .where('node_id', '=', input.taskId)
      .execute();
    if (owned.length !== ids.length) {
      throw badInput(
        'invalid_progress',
        `Some targets do not belong to task ${input.taskId}`,
        '部分目标不属于该任务',
      );
    }
  }
}

/**
 * Creates or edits a unit's progress report (进展报告) for one task and period, with its target
 * values, in one transaction. Only drafts and returned reports are editable; editing an existing
 * report needs its current version (stale → 'conflict'). Returns the saved report with values.
 */
export async function saveProgressReport(
  db: Kysely<Database>,
  input: SaveProgressInput,
): Promise<ProgressReportDetail> {
  return writeTransaction(db, async (trx) => {
    await checkScope(trx, input);
    const now = new Date().toISOString();
    const existing = await trx
      .selectFrom('progress_reports')
      .selectAll()
      .where('node_id', '=', input.taskId)
      .where('unit_id', '=', input.unitId)
      .where('period_id', '=', input.periodId)
      .executeTakeFirst();
    let id: number;
    if (!existing) {
      if (input.version !== undefined) throw staleVersion('progress_reports', 0, input.version, null);
      id = await insertDraftProgressReport(trx, input, input, input.actor.id, now);
    } else {
      if (input.version === undefined || existing.version !== input.version) {
        throw staleVersion('progress_reports', existing.id, input.version ?? 0, existing.version);
      }
      if (!EDITABLE.has(existing.status)) {
        throw conflict(
          `Progress report ${existing.id} is ${existing.status} and can no longer be edited`,
          `进展报告已${existing.status === 'approved' ? '审核通过' : '报送'}，不能再修改`,
          { status: existing.status },
        );
      }
      id = existing.id;
      const updated = await trx
        .updateTable('progress_reports')
        .set(progressReportEdits(input, now))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw staleVersion('progress_reports', id, input.version, null);
    }
    const before = existing ? await findProgressReportById(trx, id) : undefined;
    for (const v of input.values ?? []) {
      await upsertProgressValue(trx, id, { targetId: v.targetId, value: v.value, note: v.note ?? null }, now);
    }
    const after = (await findProgressReportById(trx, id))!;
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: existing ? 'update' : 'create',
      entity: 'progress_report',
      entityId: id,
      before: before ? { ...existing, values: before.values } : undefined,
      after: { ...after.row, values: after.values },
    });
    return after;
  });
}
