import { findReportUpOffice, listHandedDownNotices } from '../../store/cascade/list-subordinate-offices.js';
import type { AppContext } from '../context.js';

/** Tells the office of each subordinate organisation that a task was handed down to it. */
export async function notifyHandedDown(context: AppContext, assignmentIds: readonly number[]): Promise<void> {
  for (const notice of await listHandedDownNotices(context.db, assignmentIds)) {
    await context.notifier.notify(notice.userIds, {
      kind: 'superior_task',
      title: `上级交办任务：${notice.taskText.slice(0, 30)}`,
      body: `来源：${notice.sourceReportTitle}`,
      link: '/superior-tasks',
      payload: { organisationId: notice.organisationId },
    });
  }
}

/**
 * A returned report of a unit that represents a subordinate organisation is that organisation's
 * report up: its office, which wrote it, is told why.
 */
export async function notifyReportUpReturned(
  context: AppContext,
  report: { id: number; node_id: number; unit_id: number; period_id: number; task_text: string },
  reason: string,
): Promise<void> {
  const office = await findReportUpOffice(context.db, { taskId: report.node_id, unitId: report.unit_id });
  if (!office) return;
  await context.notifier.notify(office.userIds, {
    kind: 'report_returned',
    title: `向上报送被退回：${report.task_text.slice(0, 30)}`,
    body: `退回理由：${reason}`,
    link: office.superiorTaskId === null ? '/superior-tasks' : `/superior-tasks/${office.superiorTaskId}`,
    payload: { superiorTaskId: office.superiorTaskId, periodId: report.period_id },
  });
}
