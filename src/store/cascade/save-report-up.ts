import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { ProgressReportDetail } from '../progress/find-progress-report.js';
import { findProgressReport, findProgressReportById } from '../progress/find-progress-report.js';
import { submitProgressReport } from '../progress/review-progress-report.js';
import { type ProgressReportFields, saveProgressReport } from '../progress/save-progress-report.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { loadOwnSuperiorTask, requireAccepted } from './accept-superior-task.js';

/** The report up's fields (version: the report up's; values: for the superior task's own targets). */
export interface SaveReportUpInput extends ProgressReportFields {
  /** The superior task, received by `organisationId`. */
  id: number;
  organisationId: number;
  /** A period of the superior's report. */
  periodId: number;
}

/**
 * 向上报送 (draft) — saves the organisation's report up on a superior task for a superior period:
 * the progress report of its representative unit on that task in that period, exactly as any
 * unit's (open period, own assignment, targets of the task, editable while draft or returned).
 * Only the receiving organisation's office reaches it, and only once it accepted the task.
 */
export async function saveReportUp(
  db: Kysely<Database>,
  input: SaveReportUpInput,
): Promise<ProgressReportDetail> {
  return writeTransaction(db, async (trx) => {
    // input.version is the report up's, not the superior task's.
    const view = await loadOwnSuperiorTask(trx, { id: input.id, organisationId: input.organisationId });
    requireAccepted(view);
    const { id: _superiorTaskId, organisationId: _receiver, ...fields } = input;
    return saveProgressReport(trx, {
      ...fields,
      taskId: view.source.taskId,
      unitId: view.assignment.unitId,
    });
  });
}

/**
 * 向上报送 (submit) — submits the saved report up to the superior, who reviews, returns or
 * approves it as any unit's report.
 */
export async function submitReportUp(
  db: Kysely<Database>,
  input: { id: number; organisationId: number; periodId: number; version: number; actor: Actor },
): Promise<ProgressReportDetail> {
  return writeTransaction(db, async (trx) => {
    // input.version is the report up's, not the superior task's.
    const view = await loadOwnSuperiorTask(trx, { id: input.id, organisationId: input.organisationId });
    requireAccepted(view);
    const saved = await findProgressReport(trx, {
      taskId: view.source.taskId,
      unitId: view.assignment.unitId,
      periodId: input.periodId,
    });
    if (!saved) {
      throw badInput(
        'nothing_to_submit',
        'Save the report up for this period before submitting it',
        '请先保存本期向上报送的内容再报送',
      );
    }
    await submitProgressReport(trx, { id: saved.row.id, version: input.version, actor: input.actor });
    return (await findProgressReportById(trx, saved.row.id))!;
  });
}
