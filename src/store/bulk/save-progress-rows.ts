import type { Kysely } from 'kysely';
import { LuoshiError } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import {
  insertDraftProgressReport,
  progressReportEdits,
  upsertProgressValue,
} from '../progress/write-progress-rows.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/** One unit's progress on one task, gathered from spreadsheet rows. */
export interface ProgressRowGroup {
  taskId: number;
  unitId: number;
  /** The spreadsheet rows it came from (1-based), for error messages. */
  rows: number[];
  narrative?: string;
  problems?: string;
  nextSteps?: string;
  percent?: number | null;
  values: { targetId: number; value: number | null }[];
}

/**
 * Saves many progress reports of one period in ONE transaction: every group is written, or
 * none (a report already submitted or approved aborts the whole batch with its row numbers).
 * Creates drafts where there is no report yet; edits drafts and returned reports.
 */
export async function saveProgressRows(
  db: Kysely<Database>,
  periodId: number,
  groups: readonly ProgressRowGroup[],
  actor: Actor,
): Promise<{ created: number; updated: number }> {
  return writeTransaction(db, async (trx) => {
    const period = await trx
      .selectFrom('reporting_periods')
      .select(['status', 'label'])
      .where('id', '=', periodId)
      .executeTakeFirst();
    if (period?.status !== 'open') {
      throw new LuoshiError('conflict', 409, {
        en: `Period ${period?.label ?? periodId} is not open for reporting`,
        zh: `报送周期 ${period?.label ?? periodId} 未开放填报`,
      });
    }
    let created = 0;
    let updated = 0;
    const now = new Date().toISOString();
    for (const group of groups) {
      const existing = await trx
        .selectFrom('progress_reports')
        .selectAll()
        .where('node_id', '=', group.taskId)
        .where('unit_id', '=', group.unitId)
        .where('period_id', '=', periodId)
        .executeTakeFirst();
      let id: number;
      if (existing) {
        if (existing.status !== 'draft' && existing.status !== 'returned') {
          throw new LuoshiError(
            'invalid_rows',
            400,
            { en: 'Some rows are invalid; nothing was written', zh: '部分行有误，未写入任何数据' },
            {
              fields: group.rows.map((row) => ({
                path: `rows.${row}`,
                message: `the report of task ${group.taskId} is already ${existing.status}`,
              })),
            },
          );
        }
        id = existing.id;
        await trx
          .updateTable('progress_reports')
          .set(progressReportEdits(group, now))
          .where('id', '=', id)
          .execute();
        updated += 1;
      } else {
        id = await insertDraftProgressReport(
          trx,
          { taskId: group.taskId, unitId: group.unitId, periodId },
          group,
          actor.id,
          now,
        );
        created += 1;
      }
      for (const v of group.values) {
        await upsertProgressValue(trx, id, { targetId: v.targetId, value: v.value }, now);
      }
      await appendAuditEvent(trx, {
        actor,
        action: existing ? 'update' : 'create',
        entity: 'progress_report',
        entityId: id,
        before: existing ?? undefined,
        after: { ...group, source: 'xlsx' },
      });
    }
    return { created, updated };
  });
}
