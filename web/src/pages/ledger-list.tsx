import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import type { LedgerRow } from '../api/types.js';
import { LightDot, StatusTag, VerdictTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import { formatTarget, leadUnits } from '../report/tree-stats.js';
import { DeadlineCell, RowPlace } from './ledger-table.js';

/** One page of the ledger as task cards, for phone-width screens; each names its area and measure. */
export function LedgerList({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list task-cards ledger-list" data-testid="ledger-list">
      {rows.map((task) => {
        const lead = leadUnits(task)
          .map((a) => a.unitName)
          .join('、');
        return (
          <li key={String(task.id)}>
            <Card size="small" className="task-card">
              <RowPlace row={task} />
              <div>
                <Link to={`/tasks/${encodeURIComponent(String(task.id))}`} data-testid="ledger-task">
                  {task.flagged ? <Tag color="magenta">{t('ledger.flagged')}</Tag> : null}
                  {task.text}
                </Link>
              </div>
              {task.targets.length ? (
                <div className="task-card-targets">{task.targets.map(formatTarget).join('；')}</div>
              ) : null}
              <div className="task-card-meta">
                <StatusTag status={task.status.class} />
                <VerdictTag verdict={task.status.verdict} />
                <LightDot light={task.status.light} withText />
                <span>
                  {t('ledger.colLead')}：{lead || t('ledger.unassigned')}
                </span>
                <span>
                  {t('ledger.colDeadline')}：<DeadlineCell task={task} />
                </span>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
