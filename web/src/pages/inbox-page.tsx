import { Empty } from 'antd';
import { Link } from 'react-router';
import { getReport } from '../api/client.js';
import type { ProgressReport, Task } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { PeriodToolbar, usePeriodProgress } from '../components/period-toolbar.js';
import { ReportStateTag } from '../components/report-state.js';
import { LightDot, StatusTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import { areaTasks, deadlineText } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { NotificationList } from './notification-list.js';

/** 待报任务 — the tasks a unit reports on in a period, with where each report stands. */
export function InboxPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { reportId } = useCurrentReport();
  const report = useApi(reportId === null ? null : `report:${reportId}`, () => getReport(reportId ?? 0));
  const { periods, period, progress } = usePeriodProgress(reportId);

  if (reportId === null) return <Empty description={t('common.noReport')} />;
  if (report.status === 'error') return <PageError error={report.error} onRetry={report.reload} />;
  if (periods.status === 'error') return <PageError error={periods.error} onRetry={periods.reload} />;
  if (report.status === 'loading' || periods.status === 'loading' || !user) return <PageLoading />;

  const unitId = user.unitId;
  const mine: Task[] = report.data.areas
    .flatMap(areaTasks)
    .filter((task) => task.assignments.some((a) => a.unitId === unitId));
  const byTask = new Map<number, ProgressReport>();
  for (const p of progress.data ?? []) if (p.unitId === unitId) byTask.set(p.taskId, p);

  return (
    <section data-testid="inbox-page">
      <h1 className="page-title">{t('nav.inbox')}</h1>
      <NotificationList />
      <PeriodToolbar periods={periods.data} period={period}>
        {period?.dueOn ? <span className="secondary">{t('inbox.due', { date: period.dueOn })}</span> : null}
      </PeriodToolbar>
      {mine.length === 0 ? (
        <p className="empty-note">{t('inbox.noTasks')}</p>
      ) : (
        <ul className="plain-list task-cards" data-testid="inbox-list">
          {mine.map((task) => {
            const existing = byTask.get(task.id);
            const role = task.assignments.find((a) => a.unitId === unitId)?.role;
            return (
              <li key={task.id} className="inbox-item" data-testid="inbox-task">
                <div>
                  <Link to={`/tasks/${task.id}`}>{task.text}</Link>
                </div>
                <div className="task-card-meta">
                  <span className={role === 'lead' ? 'status-tag status-behind' : 'status-tag'}>
                    {role === 'lead' ? t('task.lead') : t('task.cooperating')}
                  </span>
                  <StatusTag status={task.status.class} />
                  <LightDot light={task.status.light} withText />
                  <span>
                    {t('ledger.colDeadline')}：{deadlineText(task)}
                  </span>
                  <ReportStateTag report={existing} />
                  {period ? (
                    <Link to={`/periods/${period.id}/tasks/${task.id}`} data-testid="inbox-report-link">
                      {existing && existing.status !== 'draft' && existing.status !== 'returned'
                        ? t('inbox.view')
                        : t('inbox.fill')}
                    </Link>
                  ) : null}
                </div>
                {existing?.status === 'returned' && existing.reviewReason ? (
                  <div className="returned-reason">
                    {t('task.returnedReason', { reason: existing.reviewReason })}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
