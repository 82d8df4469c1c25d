import { App, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { addComment, listComments, listPeriods, listProgress, setFlag } from '../api/client.js';
import type { ProgressReport, TaskComment, User } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Panel } from '../components/panel.js';
import { ReportStateTag } from '../components/report-state.js';
import { useI18n } from '../i18n/i18n.js';
import { useApiErrorText } from './task-assignments.js';

/** Every period's reports on one task that the user may see, newest period first. */
async function loadTaskHistory(reportId: number, taskId: number): Promise<ProgressReport[]> {
  const periods = await listPeriods(reportId);
  const lists = await Promise.all(periods.map((period) => listProgress(period.id)));
  return lists
    .flat()
    .filter((report) => report.taskId === taskId)
    .sort((a, b) => b.periodId - a.periodId || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/** 填报记录 — who reported what, when, and why the office returned it. */
export function TaskHistory({
  reportId,
  taskId,
  signedIn,
}: {
  reportId: number;
  taskId: number;
  signedIn: boolean;
}) {
  const { t } = useI18n();
  const history = useApi(signedIn ? `history:${taskId}` : null, () => loadTaskHistory(reportId, taskId));
  return (
    <Panel title={t('task.history')} testId="task-history">
      {!signedIn ? (
        <p className="empty-note">{t('error.unauthorized')}</p>
      ) : (history.data ?? []).length === 0 ? (
        <p className="empty-note">{t('task.noHistory')}</p>
      ) : (
        <ol className="task-links">
          {(history.data ?? []).map((report) => (
            <li key={report.id} data-testid="history-item">
              <div className="task-card-meta">
                <strong>{report.periodLabel}</strong>
                <span>{report.unitName}</span>
                <ReportStateTag report={report} />
                {report.submittedAt ? (
                  <span className="secondary">{report.submittedAt.slice(0, 16).replace('T', ' ')}</span>
                ) : null}
              </div>
              <p className="report-narrative">{report.narrative}</p>
              {report.reviewReason ? (
                <p className="returned-reason">{t('task.returnedReason', { reason: report.reviewReason })}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

/** 批示与评论 — leaders' instructions and everyone's comments; leaders can flag the task. */
export function TaskComments({
  taskId,
  user,
  flagged,
}: {
  taskId: number;
  user: User | null;
  flagged: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const apiMessage = useApiErrorText();
  const comments = useApi(user ? `comments:${taskId}` : null, () => listComments(taskId));
  const [kind, setKind] = useState<TaskComment['kind']>(user?.role === 'leader' ? 'instruction' : 'comment');
  const [body, setBody] = useState('');
  const [isFlagged, setIsFlagged] = useState(flagged);
  if (!user) return null;

  const send = async () => {
    try {
      await addComment(taskId, kind, body.trim());
      setBody('');
      message.success(t('comments.sent'));
      comments.reload();
    } catch (error) {
      message.error(apiMessage(error));
    }
  };
  const toggleFlag = async () => {
    try {
      await setFlag(taskId, !isFlagged);
      setIsFlagged(!isFlagged);
      message.success(isFlagged ? t('leader.unflagged') : t('leader.flagged'));
    } catch (error) {
      message.error(apiMessage(error));
    }
  };

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
