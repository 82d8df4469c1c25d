import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { LedgerRow, Task } from '../api/types.js';
import { LightDot, StatusTag, VerdictTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import {
  achievedFigures,
  cooperatingUnits,
  deadlineSourceKey,
  deadlineText,
  displayLabel,
  formatTarget,
  leadUnits,
} from '../report/tree-stats.js';

/** Where a ledger row sits in the report, 「领域 › 举措」, as a small caption under or over the task. */
export function RowPlace({ row }: { row: LedgerRow }) {
  const area = `${displayLabel(row.areaLabel)}${row.areaTitle}`;
  return (
    <Typography.Text
      type="secondary"
      className="ledger-row-place"
      style={{ fontSize: 12 }}
      data-testid="ledger-row-place"
    >
      {row.measureTitle === null ? area : `${area} › ${displayLabel(row.measureLabel)}${row.measureTitle}`}
    </Typography.Text>
  );
}

/** One page of the ledger as a table (wide screens); each task names its work area and measure. */
export function LedgerTable({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useI18n();
  const none = t('common.none');
  const columns: ColumnsType<LedgerRow> = [
    {
      title: t('ledger.colItem'),
      key: 'item',
      width: 380,
      render: (_, row) => (
        <>
          <Link to={`/tasks/${encodeURIComponent(String(row.id))}`} data-testid="ledger-task">
            {row.flagged ? <Tag color="magenta">{t('ledger.flagged')}</Tag> : null}
            {row.text}
          </Link>
          <div>
            <RowPlace row={row} />
          </div>
        </>
      ),
    },
    {
      title: t('ledger.colTargets'),
      key: 'targets',
      width: 180,
      render: (_, row) =>
        row.targets.length ? (
          <ul className="plain-list">
            {row.targets.map((target) => (
              <li key={target.id}>{formatTarget(target)}</li>
            ))}
          </ul>
        ) : null,
    },
    {
      title: t('ledger.colLead'),
      key: 'lead',
      width: 130,
      render: (_, row) =>
        leadUnits(row)
          .map((a) => a.unitName)
          .join('、') || <Typography.Text type="secondary">{t('ledger.unassigned')}</Typography.Text>,
    },
    {
      title: t('ledger.colCooperating'),
      key: 'cooperating',
      width: 140,
      render: (_, row) =>
        cooperatingUnits(row)
          .map((a) => a.unitName)
          .join('、') || none,
    },
    {
      title: t('ledger.colDeadline'),
      key: 'deadline',
      width: 100,
      render: (_, row) => <DeadlineCell task={row} />,
    },
    {
      title: t('ledger.colLatest'),
      key: 'latest',
      width: 160,
      render: (_, row) => <LatestProgress task={row} />,
    },
    {
      title: t('ledger.colStatus'),
      key: 'status',
      width: 96,
      render: (_, row) => (
        <>
          <StatusTag status={row.status.class} /> <VerdictTag verdict={row.status.verdict} />
        </>
      ),
    },
    {
      title: t('ledger.colLight'),
      key: 'light',
      width: 56,
      render: (_, row) => <LightDot light={row.status.light} />,
    },
  ];
  return (
    <Table<LedgerRow>
      data-testid="ledger-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 1100 }}
      rowClassName="ledger-row-task"
    />
  );
}

/** 最新进展 — achieved values of the latest report and its period and review state. */
function LatestProgress({ task }: { task: Task }) {
  const { t } = useI18n();
  const latest = task.latestProgress;
  if (!latest) return <>{t('common.none')}</>;
  const achieved = achievedFigures(task.targets);
  return (
    <div>
      <Typography.Text type="secondary">
        {t(latest.status === 'approved' ? 'ledger.latestApproved' : 'ledger.latestSubmitted', {
          period: latest.periodLabel,
        })}
      </Typography.Text>
      {achieved.map((figure) => (
        <div key={figure.targetId}>{figure.text}</div>
      ))}
    </div>
  );
}

/** 完成时限 of a ledger row; a deadline nobody set (the report year's end) is marked 默认. */
export function DeadlineCell({ task }: { task: LedgerRow }) {
  const { t } = useI18n();
  return (
    <span title={t(deadlineSourceKey(task))}>
      {deadlineText(task)}
      {task.status.deadlineSource === 'year_end' ? (
        <span className="secondary">（{t('deadline.default')}）</span>
      ) : null}
      {task.status.invalidDeadline ? (
        <span className="invalid-data">{t('deadline.invalid', { value: task.status.invalidDeadline })}</span>
      ) : null}
    </span>
  );
}
