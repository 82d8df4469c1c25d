import type { Logger } from '../../config/logger.js';
import { deleteExpiredSessions } from '../../store/accounts/manage-sessions.js';
import {
  hasNotification,
  listUnitUserIds,
  type NotificationInput,
} from '../../store/notifications/create-notifications.js';
import { listReportingPeriods } from '../../store/periods/list-reporting-periods.js';
import { listUnitsYetToSubmit } from '../../store/progress/list-units-yet-to-submit.js';
import { listLiveReportIds } from '../../store/reports/list-live-report-ids.js';
import type { AppContext } from '../context.js';
import { buildReportDetail } from '../reports/build-report-detail.js';

export interface ReminderCounts {
  deadlineNear: number;
  overdue: number;
  periodDue: number;
}

const DAY_MS = 86_400_000;

/** Notify each user once per `key` within the dedupe window (so several instances or runs do not repeat). */
async function notifyOnce(
  context: Pick<AppContext, 'db' | 'notifier'>,
  userIds: number[],
  input: NotificationInput & { link: string },
  since: string,
): Promise<number> {
  const fresh: number[] = [];
  for (const userId of userIds) {
    if (!(await hasNotification(context.db, userId, input.kind, input.link, since))) fresh.push(userId);
  }
  if (fresh.length > 0) await context.notifier.notify(fresh, input);
  return fresh.length;
}

/**
 * The daily reminder (每日提醒): tells the lead units of unfinished tasks whose deadline is near
 * (once per task) or past (once a week), and the units that have not submitted for an open
 * period due within three days or overdue (once a day).
 */
export async function runDailyReminders(
  context: Pick<AppContext, 'db' | 'notifier' | 'config'>,
  today: string,
  now = new Date(),
): Promise<ReminderCounts> {
  const counts: ReminderCounts = { deadlineNear: 0, overdue: 0, periodDue: 0 };
  const warnDays = context.config.DEADLINE_WARN_DAYS;
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS + 60_000).toISOString();
  for (const reportId of await listLiveReportIds(context.db)) {
    const detail = await buildReportDetail(context.db, reportId, today, warnDays, { kind: 'all' });
    const tasks = detail.areas.flatMap((a) => [...a.measures.flatMap((m) => m.tasks), ...a.tasks]);
    for (const task of tasks) {
      if (task.status.class === 'completed') continue;
      const leads = task.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId);
      if (leads.length === 0) continue;
      const userIds = await listUnitUserIds(context.db, leads);
      const short = task.text.length > 40 ? `${task.text.slice(0, 40)}…` : task.text;
      if (task.status.overdue) {
        counts.overdue += await notifyOnce(
          context,
          userIds,
          {
            kind: 'overdue',
            title: `任务已逾期：${short}`,
            body: `该任务已超过完成时限 ${-task.status.daysToDeadline} 天，请尽快推进并报送进展。`,
            link: `/tasks/${task.id}`,
          },
          weekAgo,
        );
      } else if (task.status.daysToDeadline >= 0 && task.status.daysToDeadline <= warnDays) {
        counts.deadlineNear += await notifyOnce(
          context,
          userIds,
          {
            kind: 'deadline_near',
            title: `任务临近完成时限：${short}`,
            body: `距完成时限还有 ${task.status.daysToDeadline} 天。`,
            link: `/tasks/${task.id}`,
          },
          '1970-01-01',
        );
      }
    }

    for (const period of await listReportingPeriods(context.db, reportId)) {
      // Only open periods with a due date are reminded of.
      const due = period.due_on;
      if (period.status !== 'open' || due === null) continue;
      const daysLeft = Math.round(
        (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
      );
      if (daysLeft > 3) continue;
      const userIds = await listUnitUserIds(
        context.db,
        await listUnitsYetToSubmit(context.db, reportId, period.id),
      );
      counts.periodDue += await notifyOnce(
        context,
        userIds,
        {
          kind: 'period_due',
          title:
            daysLeft >= 0 ? `${period.label} 进展请于 ${due} 前报送` : `${period.label} 进展已逾期未报送`,
          body:
            daysLeft >= 0
              ? `距报送截止还有 ${daysLeft} 天，尚有任务未报送。`
              : `报送截止日 ${due} 已过，尚有任务未报送。`,
          link: `/periods/${period.id}`,
        },
        dayAgo,
      );
    }
  }
  return counts;
}

/**
 * Runs the reminder once at start and then whenever the office's date changes (checked hourly).
 * Returns a function that stops it.
 */
export function scheduleDailyReminders(context: AppContext, logger: Logger): () => void {
  let lastRun: string | null = null;
  let running = false;
  const tick = async () => {
    const today = context.today();
    if (today === lastRun || running) return;
    running = true;
    try {
      const counts = await runDailyReminders(context, today);
      const expiredSessions = await deleteExpiredSessions(context.db, new Date().toISOString());
      lastRun = today;
      logger.info({ today, ...counts, expiredSessions }, 'daily reminders sent');
    } catch (error) {
      logger.warn({ err: error }, 'daily reminders failed; will retry within the hour');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 3_600_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
