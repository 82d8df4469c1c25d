import { Button, Input, Radio } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { addComment, getTaskHistory, listComments, setFlag } from '../api/client.js';
import type { Target, TaskComment, TaskHistoryReport, User } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { Panel } from '../components/panel.js';
import { ReportStateTag } from '../components/report-state.js';
import { type Translate, useI18n } from '../i18n/i18n.js';
import { type MessageKey, zh } from '../i18n/messages.js';
import { formatNumber, formatTarget } from '../report/tree-stats.js';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** What a task's record panels (填报记录, 审计记录) read; they show nothing to anonymous readers. */
export interface TaskRecordProps {
  taskId: number;
  /** The task's targets, to name the values a record holds. */
  targets: readonly Target[];
  signedIn: boolean;
}

/** 填报记录 — who reported what and when, the values, the files, and why the office returned it. */
export function TaskHistory({ taskId, targets, signedIn }: TaskRecordProps) {
  const { t } = useI18n();
  const history = useApi(signedIn ? `history:${taskId}` : null, () => getTaskHistory(taskId));
  return (
    <Panel title={t('task.history')} testId="task-history">
      {!signedIn ? (
        <p className="empty-note">{t('error.unauthorized')}</p>
      ) : (history.data ?? []).length === 0 ? (
        <p className="empty-note">{t('task.noHistory')}</p>
      ) : (
        <ol className="task-links">
          {(history.data ?? []).map((report) => (
            <HistoryItem key={report.id} report={report} targets={targets} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function HistoryItem({ report, targets }: { report: TaskHistoryReport; targets: readonly Target[] }) {
  const { t } = useI18n();
  const returns = report.steps.filter((step) => step.action === 'return' && step.reason);
  const facts: [string, ReactNode][] = [
    [t('history.createdBy'), report.createdByName],
    [
      t('history.submittedBy'),
      report.submittedByName && `${report.submittedByName} ${when(report.submittedAt)}`,
    ],
    [t('history.reviewedBy'), report.reviewedByName && `${report.reviewedByName} ${when(report.reviewedAt)}`],
    [t('history.narrative'), report.narrative],
    [t('history.problems'), report.problems],
    [t('history.nextSteps'), report.nextSteps],
    [t('history.percent'), report.percent === null ? null : `${report.percent}%`],
  ];
  return (
    <li data-testid="history-item">
      <div className="task-card-meta">
        <strong>{report.periodLabel}</strong>
        <span>{report.unitName}</span>
        <ReportStateTag report={report} />
        <span className="secondary">{when(report.updatedAt)}</span>
      </div>
      <dl className="history-facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        {targets.length > 0 ? (
          <>
            <dt>{t('history.values')}</dt>
            <dd data-testid="history-values">
              {targets
                .map((target) => {
                  const value = report.values.find((v) => v.targetId === target.id)?.value ?? null;
                  return `${target.subject || formatTarget(target)}：${
                    value === null ? t('history.noValue') : `${formatNumber(value)}${target.unit}`
                  }`;
                })
                .join('；')}
            </dd>
          </>
        ) : null}
        {report.attachments.length > 0 ? (
          <>
            <dt>{t('history.attachments')}</dt>
            <dd>
              {report.attachments.map((file) => (
                <a
                  key={file.id}
                  href={file.url}
                  download={file.fileName}
                  aria-label={t('history.download', { name: file.fileName })}
                  className="history-file"
                >
                  {file.fileName}{' '}
                </a>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {returns.map((step) => (
        <p key={step.at} className="returned-reason">
          {t('task.returnedReason', { reason: step.reason ?? '' })}
          <span className="secondary">
            {' '}
            {step.actorName} {when(step.at)}
          </span>
        </p>
      ))}
      {report.steps.length > 0 ? (
        <details>
          <summary>{t('history.steps')}</summary>
          <ol className="history-steps" data-testid="history-steps">
            {report.steps.map((step) => (
              <li key={`${step.at}-${step.action}`}>
                {when(step.at)} {step.actorName} {stepLabel(t, step.action)}
                {step.reason ? `：${step.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

function stepLabel(t: Translate, action: string): string {
  const key = `history.step.${action}`;
  return key in zh ? t(key as MessageKey) : action;
}

/** 批示与评论 — leaders' instructions and everyone's comments; leaders can flag the task. */
export function TaskComments({
  taskId,
  user,
  flaggedByMe,
  onFlagChanged,
}: {
  taskId: number;
  user: User | null;
  /** Whether this user (a leader) flags the task, from GET /api/tasks/:id. */
  flaggedByMe: boolean;
  /** Reads the task again after a flag change, so the 领导关注 tag and this button follow it. */
  onFlagChanged: () => void;
}) {
  const { t } = useI18n();
  const comments = useApi(user ? `comments:${taskId}` : null, () => listComments(taskId));
  const sendAction = useApiAction(comments.reload);
  const flagAction = useApiAction(onFlagChanged);
  const [kind, setKind] = useState<TaskComment['kind']>(user?.role === 'leader' ? 'instruction' : 'comment');
  const [body, setBody] = useState('');
  // Shown at once after a toggle, until the task is read again.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const isFlagged = toggled ?? flaggedByMe;
  if (!user) return null;

  const send = () =>
    sendAction(async () => {
      await addComment(taskId, kind, body.trim());
      setBody('');
    }, t('comments.sent'));
  const toggleFlag = () =>
    flagAction(
      async () => {
        await setFlag(taskId, !isFlagged);
        setToggled(!isFlagged);
      },
      isFlagged ? t('leader.unflagged') : t('leader.flagged'),
    );

  return (
    <Panel title={t('comments.title')} testId="task-comments">
      {user.role === 'leader' ? (
        <Button onClick={() => void toggleFlag()} data-testid="flag-button" className="flag-button">
          {isFlagged ? t('leader.unflag') : t('leader.flag')}
        </Button>
      ) : null}
      {(comments.data ?? []).length === 0 ? (
        <p className="empty-note">{t('comments.none')}</p>
      ) : (
        <ol className="task-links">
          {(comments.data ?? []).map((comment) => (
            <li key={comment.id} className={comment.kind === 'instruction' ? 'instruction' : undefined}>
              <div className="task-card-meta">
                <span className={comment.kind === 'instruction' ? 'status-tag status-behind' : 'status-tag'}>
                  {t(comment.kind === 'instruction' ? 'comments.instruction' : 'comments.comment')}
                </span>
                <strong>{comment.authorName}</strong>
                <span className="secondary">{comment.createdAt.slice(0, 16).replace('T', ' ')}</span>
              </div>
              <p className="report-narrative">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="comment-form">
        {user.role === 'leader' ? (
          <Radio.Group
            value={kind}
            onChange={(event) => setKind(event.target.value as TaskComment['kind'])}
            options={[
              { value: 'instruction', label: t('comments.instruction') },
              { value: 'comment', label: t('comments.comment') },
            ]}
          />
        ) : null}
        <Input.TextArea
          aria-label={kind === 'instruction' ? t('comments.writeInstruction') : t('comments.write')}
          placeholder={kind === 'instruction' ? t('comments.writeInstruction') : t('comments.write')}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          autoSize={{ minRows: 2 }}
          maxLength={5000}
        />
        <Button type="primary" disabled={body.trim() === ''} onClick={() => void send()}>
          {t('comments.send')}
        </Button>
      </div>
    </Panel>
  );
}
