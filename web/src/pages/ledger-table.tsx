import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Area, Task } from '../api/types.js';
import { LightDot, StatusTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import {
  cooperatingUnits,
  deadlineText,
  displayLabel,
  formatTarget,
  leadUnits,
} from '../report/tree-stats.js';

/** One row of the ledger tree: a work area, a measure or a task. */
export interface LedgerRow {
  key: string;
  kind: 'area' | 'measure' | 'task';
  title: string;
  task?: Task;
  children?: LedgerRow[];
}

/** Turns the (filtered) tree into table rows; task rows have no children. */
export function toRows(areas: readonly Area[]): LedgerRow[] {
  const taskRow = (task: Task): LedgerRow => ({ key: `t${task.id}`, kind: 'task', title: task.text, task });
  return areas.map((area) => ({
    key: `a${area.id}`,
    kind: 'area',
    title: `${displayLabel(area.label)}${area.title}`,
    children: [
      ...area.measures.map((measure) => ({
        key: `m${measure.id}`,
        kind: 'measure' as const,
        title: `${displayLabel(measure.label)}${measure.title}`,
        children: measure.tasks.map(taskRow),
      })),
      ...(area.tasks ?? []).map(taskRow),
    ],
  }));
}

/** Every key of rows that have children, to expand the whole tree. */
export function parentKeys(rows: readonly LedgerRow[]): string[] {
  return rows.flatMap((row) => (row.children ? [row.key, ...parentKeys(row.children)] : []));
}

/** The ledger as an expandable tree table (wide screens). */
export function LedgerTable({
  rows,
  expandedKeys,
  onExpandedChange,
}: {
  rows: LedgerRow[];
  expandedKeys: string[];
  onExpandedChange: (keys: string[]) => void;
}) {
  const { t } = useI18n();
  const none = t('common.none');
  const columns: ColumnsType<LedgerRow> = [
    {
      title: t('ledger.colItem'),
      key: 'item',
      width: 380,
      render: (_, row) =>
        row.task ? (
          <Link to={`/tasks/${encodeURIComponent(String(row.task.id))}`} data-testid="ledger-task">
            {row.task.flagged ? <Tag color="magenta">{t('ledger.flagged')}</Tag> : null}
            {row.title}
          </Link>
        ) : (
          <Typography.Text strong={row.kind === 'area'}>{row.title}</Typography.Text>
        ),
    },
    {
      title: t('ledger.colTargets'),
      key: 'targets',
      width: 180,
      render: (_, row) =>
        row.task?.targets?.length ? (
          <ul className="plain-list">
            {row.task.targets.map((target, i) => (
              // Targets have no stable id before they are stored; position is stable within a task.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>{formatTarget(target)}</li>
            ))}
          </ul>
        ) : null,
    },
    {
      title: t('ledger.colLead'),
      key: 'lead',
      width: 130,
      render: (_, row) =>
        row.task
          ? leadUnits(row.task)
              .map((a) => a.unitName)
              .join('、') || <Typography.Text type="secondary">{t('ledger.unassigned')}</Typography.Text>
          : null,
    },
    {
      title: t('ledger.colCooperating'),
      key: 'cooperating',
      width: 140,
      render: (_, row) =>
        row.task
          ? cooperatingUnits(row.task)
              .map((a) => a.unitName)
              .join('、') || none
          : null,
    },
    {
      title: t('ledger.colDeadline'),
      key: 'deadline',
      width: 100,
      render: (_, row) => (row.task ? (deadlineText(row.task) ?? none) : null),
    },
    {
      title: t('ledger.colLatest'),
      key: 'latest',
      width: 160,
      render: (_, row) => (row.task ? <LatestProgress task={row.task} /> : null),
    },
    {
      title: t('ledger.colStatus'),
      key: 'status',
      width: 96,
      render: (_, row) => (row.task ? <StatusTag status={row.task.status.class} /> : null),
    },
    {
      title: t('ledger.colLight'),
      key: 'light',
      width: 56,
      render: (_, row) => (row.task ? <LightDot light={row.task.status.light} /> : null),
    },
  ];
  return (
    <Table<LedgerRow>
      data-testid="ledger-table"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1100 }}
      rowClassName={(row) => `ledger-row-${row.kind}`}
      expandable={{
        expandedRowKeys: expandedKeys,
        onExpandedRowsChange: (keys) => onExpandedChange(keys.map(String)),
      }}
    />
  );
}

/** 最新进展 — achieved values of the latest report and its period and review state. */
function LatestProgress({ task }: { task: Task }) {
  const { t } = useI18n();
  const latest = task.latestProgress;
  if (!latest) return <>{t('common.none')}</>;
  const achieved = task.targets.filter((target) => target.achieved !== null);
  return (
    <div>
      <Typography.Text type="secondary">
        {t(latest.status === 'approved' ? 'ledger.latestApproved' : 'ledger.latestSubmitted', {
          period: latest.periodLabel,
        })}
      </Typography.Text>
      {achieved.map((target) => (
        <div key={target.id}>
          {target.subject} {target.achieved}
          {target.unit}
        </div>
      ))}
    </div>
  );
}
