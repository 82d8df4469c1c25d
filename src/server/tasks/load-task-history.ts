import type { Kysely } from 'kysely';
import { listUserDisplayNames } from '../../store/accounts/list-user-display-names.js';
import { listLeadUnitIds } from '../../store/assignments/list-lead-unit-ids.js';
import { listAttachmentsOfProgressReports } from '../../store/attachments/list-attachments-of-progress-reports.js';
import { listProgressReportEvents } from '../../store/audit/list-progress-report-events.js';
import { listPeriodStarts } from '../../store/periods/list-period-starts.js';
import { listTaskProgressUnits } from '../../store/progress/list-task-progress-units.js';
import { loadProgress } from '../../store/progress/load-progress.js';
import type { Database } from '../../store/schema.js';
import { canReadProgress } from '../auth/object-access.js';
import type { SessionUser } from '../auth/roles.js';
import { presentProgress } from '../progress/present-progress.js';

/** Unit names in zh-CN order; one collator (String#localeCompare with a locale makes one per call). */
const byChineseName = new Intl.Collator('zh-CN').compare;

function reasonOf(afterJson: string | null): string | null {
  if (afterJson === null) return null;
  try {
    const after = JSON.parse(afterJson) as { review_reason?: unknown };
    return typeof after.review_reason === 'string' ? after.review_reason : null;
  } catch {
    return null;
  }
}

/**
 * 填报记录 — every progress report on a task the user may read, newest period first, with who
 * wrote, submitted and reviewed it, its evidence files, and each step of its workflow read from
 * the audit log (so a reason given when a report was returned stays visible after approval).
 */
export async function loadTaskHistory(db: Kysely<Database>, user: SessionUser, taskId: number) {
  const leads = (await listLeadUnitIds(db, [taskId])).get(taskId) ?? [];
  const views = (await loadProgress(db, { taskId })).filter((v) =>
    canReadProgress(user, v.row.unit_id, leads),
  );
  if (views.length === 0) return [];
  const reportIds = views.map((v) => v.row.id);
  const [attachments, events, startsOn] = await Promise.all([
    listAttachmentsOfProgressReports(db, reportIds),
    listProgressReportEvents(db, reportIds),
    listPeriodStarts(
      db,
      views.map((v) => v.row.period_id),
    ),
  ]);
  const userIds = new Set<number>();
  for (const { row } of views)
    for (const id of [row.created_by, row.submitted_by, row.reviewed_by]) if (id !== null) userIds.add(id);
  for (const e of events) if (e.actor_id !== null) userIds.add(e.actor_id);
  const names = await listUserDisplayNames(db, [...userIds]);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return views
    .sort(
      (a, b) =>
        (startsOn.get(b.row.period_id) ?? '').localeCompare(startsOn.get(a.row.period_id) ?? '') ||
        byChineseName(a.row.unit_name, b.row.unit_name),
    )
    .map((view) => ({
      ...presentProgress(view),
      createdByName: nameOf(view.row.created_by),
      submittedByName: nameOf(view.row.submitted_by),
      reviewedByName: nameOf(view.row.reviewed_by),
      attachments: attachments
        .filter((a) => a.progress_report_id === view.row.id)
        .map((a) => ({
          id: a.id,
          fileName: a.file_name,
          size: a.size,
          mime: a.mime,
          createdAt: a.created_at,
          url: `/api/attachments/${a.id}`,
        })),
      steps: events
        .filter((e) => e.entity_id === String(view.row.id))
        .map((e) => ({
          at: e.at,
          action: e.action,
          actorName: nameOf(e.actor_id) ?? e.actor,
          reason: e.action === 'return' || e.action === 'approve' ? reasonOf(e.after_json) : null,
        })),
    }));
}

/** The progress reports on a task whose audit events the user may read. */
export async function readableProgressIds(
  db: Kysely<Database>,
  user: SessionUser,
  taskId: number,
): Promise<number[]> {
  const leads = (await listLeadUnitIds(db, [taskId])).get(taskId) ?? [];
  const rows = await listTaskProgressUnits(db, taskId);
  return rows.filter((r) => canReadProgress(user, r.unit_id, leads)).map((r) => r.id);
}
