import { useState } from 'react';
import { getTaskAudit } from '../api/client.js';
import type { AuditEntry, Milestone, Target } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Panel } from '../components/panel.js';
import { percentText } from '../components/target-progress.js';
import { type Translate, useI18n } from '../i18n/i18n.js';
import { auditActor, auditLabel } from '../report/audit-labels.js';
import { formatBytes } from '../report/format-bytes.js';
import { formatNumber, formatTarget } from '../report/tree-stats.js';
import type { TaskRecordProps } from './task-activity.js';

/** Events shown before "show all": enough for the recent story without a wall of rows on a phone. */
const FIRST_EVENTS = 10;

const label = auditLabel;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A changed value as a reader says it: statuses and roles in words, milestones and reported
 * values spelled out with the task's targets; anything else as the server wrote it.
 */
function showValue(t: Translate, targets: readonly Target[], field: string, value: string | null): string {
  if (value === null) return '—';
  if (field === 'status') return label(t, 'progress', value);
  if (field === 'role')
    return value === 'lead' ? t('task.lead') : value === 'cooperating' ? t('task.cooperating') : value;
  if (field === 'size' && /^\d+$/.test(value)) return formatBytes(Number(value));
  if (field === 'archived' || field === 'done')
    return value === '1' || value === 'true' ? t('common.yes') : t('common.no');
  const parsed = field === 'milestones_json' || field === 'values' ? parseJson(value) : undefined;
  if (!Array.isArray(parsed)) return value;
  if (parsed.length === 0) return t('common.none');
  if (field === 'milestones_json')
    return (parsed as Milestone[])
      .map((m) =>
        [m.due, m.title, m.ratio === undefined ? null : percentText(m.ratio)].filter(Boolean).join(' '),
      )
      .join('；');
  return (parsed as { targetId: number; value: number | null }[])
    .map((v) => {
      const target = targets.find((candidate) => candidate.id === v.targetId);
      const amount = v.value === null ? '—' : `${formatNumber(v.value)}${target?.unit ?? ''}`;
      return target ? `${target.subject || formatTarget(target)}：${amount}` : amount;
    })
    .join('；');
}

function AuditItem({ entry, targets }: { entry: AuditEntry; targets: readonly Target[] }) {
  const { t } = useI18n();
  // A field written without a visible change (none → none on a new record) is noise to a reader.
  const changes = entry.changes.filter(
    (change) =>
      showValue(t, targets, change.field, change.before) !==
      showValue(t, targets, change.field, change.after),
  );
  return (
    <li data-testid="audit-item">
      <div className="task-card-meta">
        <span className="secondary">{entry.at.slice(0, 19).replace('T', ' ')}</span>
        <strong>{auditActor(t, entry.actor, entry.actorName)}</strong>
        <span>
          {label(t, 'audit.action', entry.action)} {label(t, 'audit.entity', entry.entity)} #{entry.entityId}
        </span>
        {entry.intact ? null : <span className="status-tag status-behind">{t('audit.tampered')}</span>}
      </div>
      {changes.length > 0 ? (
        <ul className="audit-changes">
          {changes.map((change) => (
            <li key={change.field}>
              {label(t, 'audit.field', change.field)}：{showValue(t, targets, change.field, change.before)} →{' '}
              {showValue(t, targets, change.field, change.after)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** 审计记录 — who changed what on this task and when, newest first, from the hash-chained log. */
export function TaskAuditTrail({ taskId, targets, signedIn }: TaskRecordProps) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const audit = useApi(signedIn ? `audit:${taskId}` : null, () => getTaskAudit(taskId));
  if (!signedIn) return null;
  const events = audit.data ?? [];
  const shown = all ? events : events.slice(0, FIRST_EVENTS);
  return (
    <Panel title={t('audit.title')} testId="task-audit">
      <p className="secondary">{t('audit.hint')}</p>
      {events.length === 0 ? (
        <p className="empty-note">{t('audit.none')}</p>
      ) : (
        <ol className="task-links">
          {shown.map((entry) => (
            <AuditItem key={entry.id} entry={entry} targets={targets} />
          ))}
        </ol>
      )}
      {!all && events.length > FIRST_EVENTS ? (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t('audit.showAll', { count: events.length })}
        </button>
      ) : null}
    </Panel>
  );
}
