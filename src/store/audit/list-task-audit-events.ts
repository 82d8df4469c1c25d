import type { Kysely } from 'kysely';
import type { AuditEvent, Database } from '../schema.js';
import { hashAuditEvent } from './append-audit-event.js';

/** One audit event about a task, with the actor's display name and whether its hash still holds. */
export interface TaskAuditEvent {
  event: AuditEvent;
  actorName: string | null;
  /** False when the stored row no longer matches its hash (edited after it was written). */
  intact: boolean;
}

export interface TaskAuditFilter {
  /**
   * Progress reports whose events (and whose attachments' events) may be listed; all of the
   * task's when omitted. Unit users see only the reports they may read.
   */
  progressReportIds?: readonly number[];
  /** Newest events returned (default 200). */
  limit?: number;
}

const ids = (rows: readonly { id: number }[]) => rows.map((r) => String(r.id));

/**
 * 审计记录 of one task: the events on the task's targets, assignments, progress reports,
 * attachments, comments, instructions and flags, and the imports and re-imports (merges) of its
 * report, which brought the task in and may have changed it, newest first.
 */
export async function listTaskAuditEvents(
  db: Kysely<Database>,
  taskId: number,
  filter: TaskAuditFilter = {},
): Promise<TaskAuditEvent[]> {
  const byNode = <T extends 'targets' | 'assignments' | 'flags' | 'comments'>(table: T) =>
    db
      .selectFrom(table as 'targets')
      .select('id')
      .where('node_id', '=', taskId)
      .execute();
  const [task, targets, assignments, flags, comments, reports, attachments] = await Promise.all([
    db.selectFrom('nodes').select('report_id').where('id', '=', taskId).executeTakeFirst(),
    byNode('targets'),
    byNode('assignments'),
    byNode('flags'),
    byNode('comments'),
    db.selectFrom('progress_reports').select('id').where('node_id', '=', taskId).execute(),
    db.selectFrom('attachments').select(['id', 'progress_report_id']).where('node_id', '=', taskId).execute(),
  ]);
  const allowed = filter.progressReportIds ? new Set(filter.progressReportIds) : null;
  const visible = (reportId: number | null) => allowed === null || reportId === null || allowed.has(reportId);
  const entityIds: [string[], string[]][] = [
    [['target'], ids(targets)],
    [['assignment'], ids(assignments)],
    [['flag'], ids(flags)],
    [['comment', 'instruction', 'comments'], ids(comments)],
    [['progress_report'], ids(reports.filter((r) => visible(r.id)))],
    [['attachment'], ids(attachments.filter((a) => visible(a.progress_report_id)))],
    // Events keyed by the task itself: re-extracted targets on merge.
    [['targets_of_task', 'node', 'task'], [String(taskId)]],
  ];
  const rows = await db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.display_name')
    .where((eb) =>
      eb.or([
        ...entityIds
          .filter(([, list]) => list.length > 0)
          .map(([entities, list]) => eb.and([eb('e.entity', 'in', entities), eb('e.entity_id', 'in', list)])),
        // Clearing a flag was once recorded under the task's id, without rows (see isLegacyFlagClear).
        eb.and([
          eb('e.entity', '=', 'flag'),
          eb('e.action', '=', 'clear'),
          eb('e.after_json', 'is', null),
          eb('e.entity_id', '=', String(taskId)),
        ]),
        ...(task
          ? [
              eb.and([
                eb('e.entity', '=', 'report'),
                eb('e.entity_id', '=', String(task.report_id)),
                eb('e.action', 'in', ['import', 'merge']),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('e.id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows
    .filter((row) => !(isLegacyFlagClear(row) && row.entity_id !== String(taskId)))
    .map(({ display_name, ...event }) => ({
      event,
      actorName: display_name,
      intact: hashAuditEvent(event) === event.hash,
    }));
}

/**
 * A flag's "clear" event written before clearing recorded the flag's own id: it names the task
 * (entity_id is the task id) and carries no rows; it belongs to the task it names only.
 */
function isLegacyFlagClear(event: Pick<AuditEvent, 'entity' | 'action' | 'after_json'>): boolean {
  return event.entity === 'flag' && event.action === 'clear' && event.after_json === null;
}
