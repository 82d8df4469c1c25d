import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** What a unit writes in its progress report (进展报告); a field left undefined is not changed. */
export interface ProgressReportFields {
  narrative?: string;
  problems?: string;
  nextSteps?: string;
  percent?: number | null;
}

/** Which unit reports on which task for which period. */
export interface ProgressReportKey {
  taskId: number;
  unitId: number;
  periodId: number;
}

/** Inserts a unit's new draft report (empty texts where none given) and returns its id. */
export async function insertDraftProgressReport(
  trx: Kysely<Database>,
  key: ProgressReportKey,
  fields: ProgressReportFields,
  createdBy: number | null,
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto('progress_reports')
    .values({
      node_id: key.taskId,
      unit_id: key.unitId,
      period_id: key.periodId,
      status: 'draft',
      narrative: fields.narrative ?? '',
      problems: fields.problems ?? '',
      next_steps: fields.nextSteps ?? '',
      percent: fields.percent ?? null,
      created_by: createdBy,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The SET of an edit of a report: the given fields, the time, and the next version. */
export function progressReportEdits(fields: ProgressReportFields, now: string) {
  return (eb: ExpressionBuilder<Database, 'progress_reports'>) => ({
    ...(fields.narrative !== undefined ? { narrative: fields.narrative } : {}),
    ...(fields.problems !== undefined ? { problems: fields.problems } : {}),
    ...(fields.nextSteps !== undefined ? { next_steps: fields.nextSteps } : {}),
    ...(fields.percent !== undefined ? { percent: fields.percent } : {}),
    updated_at: now,
    version: eb('version', '+', 1),
  });
}

/**
 * Writes the value a report gives for one target (累计完成值), replacing an earlier one. A note
 * left undefined is stored as none on insert and kept as it was on replace.
 */
export async function upsertProgressValue(
  trx: Kysely<Database>,
  progressReportId: number,
  value: { targetId: number; value: number | null; note?: string | null },
  now: string,
): Promise<void> {
  const note = value.note === undefined ? {} : { note: value.note };
  await trx
    .insertInto('progress_values')
    .values({
      progress_report_id: progressReportId,
      target_id: value.targetId,
      value: value.value,
      note: value.note ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['progress_report_id', 'target_id'])
        .doUpdateSet({ value: value.value, ...note, updated_at: now }),
    )
    .execute();
}
