import { Breadcrumb, Card, Descriptions, List, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, getReport, getTask, getTaskSource } from '../api/client.js';
import type { Area, ReportDetail, TaskDetail, TaskSource } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { LightDot, StatusTag, VerdictTag } from '../components/status.js';
import { ScheduleBar } from '../components/target-progress.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';
import {
  deadlineSourceKey,
  deadlineText,
  displayLabel,
  formatNumber,
  formatTarget,
} from '../report/tree-stats.js';
import { useSession } from '../session/session.js';
import { TaskComments, TaskHistory } from './task-activity.js';
import { TaskAssignments } from './task-assignments.js';
import { TaskAuditTrail } from './task-audit.js';
import { TaskSourcePassage } from './task-source.js';

/** 任务详情 — where the task stands, its targets, who does it and what was reported. */
export const TaskPage = withAppContext(TaskPageContent);

function TaskPageContent() {
  const { taskId = '' } = useParams();
  // The passage is read beside the task, not with it: it changes only on re-import (browsers
  // keep it a few minutes), while the task changes with every report and edit.
  const task = useApi(`task:${taskId}`, () => getTask(taskId));
  const source = useApi(`task-source:${taskId}`, () => getTaskSource(taskId));
  const reportId = task.data?.reportId ?? null;
  // Without a stored passage (or when it could not be read) the area is rebuilt from the tree.
  const needsTree =
    task.status === 'ok' && (source.status === 'error' || (source.status === 'ok' && source.data === null));
  const report = useApi(needsTree && reportId !== null ? `report:${reportId}` : null, () =>
    getReport(reportId ?? 0),
  );

  if (task.status === 'error') {
    // A unit's people get 404 for other units' tasks (search results may still link there).
    if (task.error instanceof ApiError && task.error.status === 404) return <TaskNotYours />;
    return <PageError error={task.error} onRetry={task.reload} />;
  }
  if (task.status === 'loading') return <PageLoading />;
  return <TaskView detail={task.data} source={source.data} report={report.data} onChanged={task.reload} />;
}

/** 无权查看或任务不存在 — the task is gone or belongs to other units; a way back to one's own ledger. */
function TaskNotYours() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{t('task.notYours')}</h1>}
      subTitle={t('task.notYoursHint')}
      extra={<Link to="/ledger">{t('task.backToLedger')}</Link>}
      data-testid="task-not-yours"
    />
  );
}

function TaskView({
  detail,
  source,
  report,
  onChanged,
}: {
  detail: TaskDetail;
  /** The passage: undefined while it loads, null when none is stored. */
  source: TaskSource | null | undefined;
  report: ReportDetail | undefined;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { task } = detail;
  const reportQuery = `?report=${detail.reportId}`;
  // The area's tree is only needed when the API could not give the report passage.
  const area = report?.areas.find((a) => a.id === detail.area?.id);
  // Counts the office's edits on this page, so the audit trail reads again after each.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    onChanged();
  };

  return (
    <article className="task-page" data-testid="task-page">
      <Breadcrumb
        items={[
          { title: <Link to={`/${reportQuery}`}>{detail.reportTitle}</Link> },
          ...(detail.area
            ? [
                {
                  title: (
                    <Link to={`/ledger${reportQuery}&area=${detail.area.id}`}>
                      {displayLabel(detail.area.label)}
                      {detail.area.title}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(detail.measure
            ? [{ title: `${displayLabel(detail.measure.label)}${detail.measure.title}` }]
            : []),
        ]}
      />
      <Typography.Title level={1} className="page-title task-title" data-testid="task-text">
        {task.text}
      </Typography.Title>
      <div className="task-status-line" data-testid="task-status">
        <StatusTag status={task.status.class} />
        <VerdictTag verdict={task.status.verdict} />
        <LightDot light={task.status.light} withText />
        {task.status.overdue ? <Tag color="red">{t('task.overdue')}</Tag> : null}
        {detail.flagged ? (
          <Tag color="magenta" data-testid="task-flagged">
            {t('ledger.flagged')}
          </Tag>
        ) : null}
      </div>

      <Card size="small" className="task-section" title={t('task.status')}>
        <ScheduleBar
          completion={task.status.completion}
          expected={task.status.expected}
          label={t('task.progress')}
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="task-facts">
          <Descriptions.Item label={t('task.deadline')}>
            <span data-testid="task-deadline">
              {deadlineText(task)}
              <span className="secondary">（{t(deadlineSourceKey(task))}）</span>
              {task.status.invalidDeadline ? (
                <span className="invalid-data" data-testid="task-deadline-invalid">
                  {t('deadline.invalid', { value: task.status.invalidDeadline })}
                </span>
              ) : null}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('task.daysLeft')}>
            {task.status.daysToDeadline >= 0
              ? t('task.daysLeftValue', { days: task.status.daysToDeadline })
              : t('task.daysOverValue', { days: -task.status.daysToDeadline })}
          </Descriptions.Item>
          <Descriptions.Item label={t('task.escalation')}>
            {t(`escalation.${task.status.escalation}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('task.basis')}>{t(`basis.${task.status.basis}`)}</Descriptions.Item>
          <Descriptions.Item label={t('task.asOf')}>{detail.at}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" className="task-section" title={t('task.source')}>
        {source ? (
          <TaskSourcePassage source={source} />
        ) : area ? (
          <SourceText area={area} measureId={detail.measure?.id ?? null} taskId={task.id} />
        ) : (
          <PageLoading />
        )}
      </Card>

      <Card size="small" className="task-section" title={t('task.targets')}>
        {task.targets.length === 0 ? (
          <Typography.Text type="secondary">{t('task.noTargets')}</Typography.Text>
        ) : (
          <List
            dataSource={task.targets}
            renderItem={(target) => (
              <List.Item data-testid="task-target">
                <div className="task-target">
                  <Typography.Text strong>{formatTarget(target)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    {t('task.achieved')}：
                    {target.achieved === null
                      ? t('common.none')
                      : `${formatNumber(target.achieved)}${target.unit}`}
                  </Typography.Text>
                  <ScheduleBar
                    completion={target.completion}
                    expected={task.status.expected}
                    label={formatTarget(target)}
                  />
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>

      <TaskAssignments task={task} canEdit={user?.role === 'admin'} onChanged={changed} />

      <TaskHistory taskId={task.id} targets={task.targets} signedIn={Boolean(user)} />
      <TaskComments
        taskId={task.id}
        user={user ?? null}
        flaggedByMe={detail.flaggedByMe}
        onFlagChanged={onChanged}
      />
      <TaskAuditTrail key={changes} taskId={task.id} targets={task.targets} signedIn={Boolean(user)} />
    </article>
  );
}

/** Fallback without a stored passage: the measure (or area) rebuilt from its tasks, the task highlighted. */
function SourceText({ area, measureId, taskId }: { area: Area; measureId: number | null; taskId: number }) {
  const measure = area.measures.find((m) => m.id === measureId);
  const heading = measure ? measure.title : `${displayLabel(area.label)}${area.title}`;
  const tasks = measure ? measure.tasks : area.tasks;
  return (
    <p className="source-text" data-testid="task-source">
      <strong>{heading}</strong>
      {tasks.map((task) => (
        <span key={task.id}>
          {task.id === taskId ? <mark data-testid="task-source-highlight">{task.text}</mark> : task.text}
          {/[。；;！!]$/.test(task.text) ? '' : '；'}
        </span>
      ))}
    </p>
  );
}
