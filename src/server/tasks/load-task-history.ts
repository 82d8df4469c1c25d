import type { Kysely } from 'kysely';
import { listLeadUnitIds } from '../../store/assignments/list-lead-unit-ids.js';
import { loadProgress } from '../../store/progress/load-progress.js';
import type { Database } from '../../store/schema.js';
import { canReadProgress } from '../auth/object-access.js';
import type { SessionUser } from '../auth/roles.js';
import { presentProgress } from '../progress/present-progress.js';

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
  const [attachments, events, periods] = await Promise.all([
    db
      .selectFrom('attachments')
      .select(['id', 'file_name', 'size', 'mime', 'created_at', 'progress_report_id'])
      .where('progress_report_id', 'in', reportIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('audit_events')
      .select(['at', 'action', 'actor', 'actor_id', 'entity_id', 'after_json'])
      .where('entity', '=', 'progress_report')
      .where('entity_id', 'in', reportIds.map(String))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('reporting_periods')
      .select(['id', 'starts_on'])
      .where(
        'id',
        'in',
        views.map((v) => v.row.period_id),
      )
      .execute(),
  ]);
  const userIds = new Set<number>();
  for (const { row } of views)
    for (const id of [row.created_by, row.submitted_by, row.reviewed_by]) if (id !== null) userIds.add(id);
  for (const e of events) if (e.actor_id !== null) userIds.add(e.actor_id);
  const users =
    userIds.size === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', [...userIds])
          .execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const startsOn = new Map(periods.map((p) => [p.id, p.starts_on]));
  return views
    .sort(
      (a, b) =>
        (startsOn.get(b.row.period_id) ?? '').localeCompare(startsOn.get(a.row.period_id) ?? '') ||
        a.row.unit_name.localeCompare(b.row.unit_name, 'zh-CN'),
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
  const rows = await db
    .selectFrom('progress_reports')
    .select(['id', 'unit_id'])
    .where('node_id', '=', taskId)
    .execute();
  return rows.filter((r) => canReadProgress(user, r.unit_id, leads)).map((r) => r.id);
}
