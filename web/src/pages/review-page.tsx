import { Button, Empty, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { approveProgress, returnProgress } from '../api/client.js';
import type { ProgressReport } from '../api/types.js';
import { useApiAction } from '../api/use-api-action.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { PeriodToolbar, usePeriodProgress } from '../components/period-toolbar.js';
import { ReportStateTag } from '../components/report-state.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import { formatReportedValue } from '../report/tree-stats.js';
import { useCurrentReport, withReport } from '../session/current-report.js';
import { NotificationList } from './notification-list.js';
import { ProgressAttachments } from './progress-attachments.js';

/** 审核队列 — the office approves submitted reports or returns them with a reason. */
export const ReviewPage = withAppContext(ReviewContent);

function ReviewContent() {
  const { t } = useI18n();
  const { reportId, reportParam } = useCurrentReport();
  const { periods, period, progress } = usePeriodProgress(reportId);
  const act = useApiAction(progress.reload);
  const [returning, setReturning] = useState<ProgressReport | null>(null);
  const [reason, setReason] = useState('');

  if (reportId === null) return <Empty description={t('common.noReport')} />;
  if (periods.status === 'error') return <PageError error={periods.error} onRetry={periods.reload} />;
  if (periods.status === 'loading') return <PageLoading />;

  const queue = (progress.data ?? []).filter((p) => p.status === 'submitted');
  const others = (progress.data ?? []).filter((p) => p.status !== 'submitted');

  return (
    <section data-testid="review-page">
      <h1 className="page-title">{t('nav.review')}</h1>
      <NotificationList />
      <PeriodToolbar
        periods={periods.data}
        period={period}
        noPeriod={
          // The office itself opens periods: tell it so, with the way there.
          <p className="empty-note" data-testid="review-no-period">
            {t('review.noPeriod')}{' '}
            <Link to={withReport('/periods', reportParam)}>{t('review.openPeriod')}</Link>
          </p>
        }
      />
      {progress.status === 'error' ? <PageError error={progress.error} onRetry={progress.reload} /> : null}
      <h2 className="section-title">{t('review.waiting', { count: queue.length })}</h2>
      {queue.length === 0 ? <p className="empty-note">{t('review.empty')}</p> : null}
      <ul className="plain-list task-cards" data-testid="review-queue">
        {queue.map((report) => (
          <li key={report.id} className="inbox-item" data-testid="review-item">
            <ReportSummary report={report} />
            <ProgressAttachments progressId={report.id} editable={false} />
            <Space wrap className="review-actions">
              <Button
                type="primary"
                onClick={() => void act(() => approveProgress(report), t('review.approved'))}
                data-testid="approve"
              >
                {t('review.approve')}
              </Button>
              <Button
                danger
                onClick={() => {
                  setReason('');
                  setReturning(report);
                }}
                data-testid="return"
              >
                {t('review.return')}
              </Button>
            </Space>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <>
          <h2 className="section-title">{t('review.others')}</h2>
          <ul className="plain-list task-cards">
            {others.map((report) => (
              <li key={report.id} className="inbox-item">
                <ReportSummary report={report} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Modal
        open={returning !== null}
        title={t('review.returnTitle')}
        okText={t('review.return')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (returning && (await act(() => returnProgress(returning, reason.trim()), t('review.returned'))))
            setReturning(null);
        }}
      >
        <label className="field-label" htmlFor="return-reason">
          {t('review.reason')}
        </label>
        <Input.TextArea
          id="return-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
        />
      </Modal>
    </section>
  );
}

function ReportSummary({ report }: { report: ProgressReport }) {
  const { t } = useI18n();
  return (
    <div className="report-summary">
      <div>
        <Link to={`/tasks/${report.taskId}`}>{report.taskText}</Link>
      </div>
      <div className="task-card-meta">
        <span>{report.unitName}</span>
        <span>{report.periodLabel}</span>
        <ReportStateTag report={report} />
        {report.percent !== null ? <span>{report.percent}%</span> : null}
      </div>
      <p className="report-narrative">{report.narrative}</p>
      <ReportedFigures report={report} />
      {report.problems ? (
        <p className="secondary">
          {t('progress.problems')}：{report.problems}
        </p>
      ) : null}
      {report.reviewReason ? (
        <p className="returned-reason">{t('task.returnedReason', { reason: report.reviewReason })}</p>
      ) : null}
    </div>
  );
}

/** 报送数值 — the values the report gives for its task's targets, as the task page prints them. */
function ReportedFigures({ report }: { report: ProgressReport }) {
  const { t } = useI18n();
  const figures = report.values.flatMap((v) => (v.value === null ? [] : [{ ...v, value: v.value }]));
  if (figures.length === 0) return null;
  return (
    <p className="task-card-meta" data-testid="review-figures">
      <span>{t('review.figures')}：</span>
      {figures.map((figure) => (
        <span key={figure.targetId} data-testid="review-figure">
          {formatReportedValue(figure)}
        </span>
      ))}
    </p>
  );
}
