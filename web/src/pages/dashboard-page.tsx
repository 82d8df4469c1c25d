import { Card, Col, Empty, List, Progress, Row, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getDashboard } from '../api/client.js';
import type { Dashboard, LaggingTask } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { LightDot, StatusTag } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import { ledgerLink, lights, statusClasses } from '../report/ledger-filter.js';
import { useCurrentReport } from '../session/current-report.js';
import { AreaProgressChart, TrendChart } from './dashboard-charts.js';

/** "45.2%" for a ratio, "—" when nothing was reported. */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 1000) / 10}%`;
}

/** 首页 — completion against 序时进度, lights, areas, unit ranking, lagging and overdue lists. */
export function DashboardPage() {
  const { t } = useI18n();
  const current = useCurrentReport();
  const dashboard = useApi(current.reportId, () => getDashboard(current.reportId ?? ''));

  if (current.error) return <PageError error={current.error} onRetry={current.reload} />;
  if (current.loading) return <PageLoading />;
  if (current.reportId === null) return <Empty description={t('common.noReport')} />;
  if (dashboard.status === 'error') return <PageError error={dashboard.error} onRetry={dashboard.reload} />;
  if (dashboard.status === 'loading') return <PageLoading />;
  return <DashboardView data={dashboard.data} reportParam={current.reportParam} />;
}

function DashboardView({ data, reportParam }: { data: Dashboard; reportParam: string | null }) {
  const { t } = useI18n();
  const { overall } = data;
  const overdue = data.lagging.filter((task) => task.status.overdue);
  const link = (narrow: Parameters<typeof ledgerLink>[1]) => ledgerLink(reportParam, narrow);
  const units = [...data.units].sort(
    (a, b) => (b.status.completion ?? -1) - (a.status.completion ?? -1) || b.status.total - a.status.total,
  );

  return (
    <section className="dashboard-page" data-testid="dashboard-page">
      <header className="page-header">
        <Typography.Title level={1} className="page-title">
          {t('dashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {data.title} · {t('dashboard.asOf', { date: data.at })}
        </Typography.Text>
      </header>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10}>
          <Card size="small" title={t('dashboard.overall')} data-testid="overall-card">
            <div className="overall">
              <Progress
                type="dashboard"
                percent={Math.round((overall.completion ?? 0) * 100)}
                format={() => formatPercent(overall.completion)}
                strokeColor="#b7282e"
                aria-label={t('dashboard.overall')}
              />
              <div>
                <div data-testid="overall-expected">
                  {t('dashboard.expected')}：<strong>{formatPercent(overall.expected)}</strong>
                </div>
                <div>
                  <StatusTag status={overall.class} /> <LightDot light={overall.light} withText />
                </div>
                <div>
                  <Link to={link({})}>
                    {t('report.tasks')}：{overall.total}
                  </Link>
                </div>
              </div>
            </div>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('dashboard.byStatus')}>
            <ul className="count-grid" data-testid="status-counts">
              {statusClasses.map((status) => (
                <CountLink
                  key={status}
                  to={link({ status })}
                  count={overall.classCounts[status] ?? 0}
                  label={<StatusTag status={status} />}
                />
              ))}
              {lights.map((light) => (
                <CountLink
                  key={light}
                  to={link({ light })}
                  count={overall.lightCounts[light] ?? 0}
                  label={<LightDot light={light} withText />}
                />
              ))}
              <CountLink
                to={link({ overdue: true })}
                count={overdue.length}
                label={<span className="count-label">{t('dashboard.overdue')}</span>}
              />
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byArea')}>
            <AreaProgressChart areas={data.areas} />
            <ul className="plain-list area-lights" data-testid="area-lights">
              {data.areas.map((area) => (
                <li key={area.id}>
                  <LightDot light={area.status.light} />{' '}
                  <Link to={link({ area: String(area.id) })}>
                    {area.label}
                    {area.title}
                  </Link>{' '}
                  <Typography.Text type="secondary">
                    {formatPercent(area.status.completion)} / {formatPercent(area.status.expected)}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.trend')}>
            {data.trend && data.trend.length > 0 ? (
              <TrendChart trend={data.trend} />
            ) : (
              <Empty description={t('dashboard.noTrend')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.unitRanking')}>
            <Table
              size="small"
              pagination={false}
              rowKey="unitId"
              dataSource={units}
              scroll={{ x: 360 }}
              locale={{ emptyText: t('dashboard.noUnits') }}
              columns={[
                { title: t('dashboard.rank'), key: 'rank', width: 56, render: (_, __, index) => index + 1 },
                {
                  title: t('dashboard.unit'),
                  key: 'unit',
                  render: (_, unit) => <Link to={link({ unit: unit.unitName })}>{unit.unitName}</Link>,
                },
                {
                  title: t('dashboard.completion'),
                  key: 'completion',
                  width: 90,
                  render: (_, unit) => formatPercent(unit.status.completion),
                },
                {
                  title: t('dashboard.taskCount'),
                  key: 'tasks',
                  width: 72,
                  render: (_, unit) => <Link to={link({ unit: unit.unitName })}>{unit.status.total}</Link>,
                },
                {
                  title: t('ledger.colLight'),
                  key: 'light',
                  width: 56,
                  render: (_, unit) => <LightDot light={unit.status.light} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TaskListCard title={t('dashboard.lagging')} tasks={data.lagging} testId="lagging-list" />
          <TaskListCard title={t('dashboard.overdue')} tasks={overdue} testId="overdue-list" />
        </Col>
      </Row>
    </section>
  );
}

function CountLink({ to, count, label }: { to: string; count: number; label: ReactNode }) {
  return (
    <li>
      <Link to={to} className="count-link">
        <span className="count-number">{count}</span>
        {label}
      </Link>
    </li>
  );
}

function TaskListCard({ title, tasks, testId }: { title: string; tasks: LaggingTask[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${title}（${tasks.length}）`} className="task-list-card" data-testid={testId}>
      <List
        size="small"
        dataSource={tasks.slice(0, 10)}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(task) => (
          <List.Item>
            <div>
              <LightDot light={task.status.light} /> <Link to={`/tasks/${task.taskId}`}>{task.text}</Link>
              <div className="task-list-meta">
                <Typography.Text type="secondary">
                  {task.leadUnits.join('、') || t('ledger.unassigned')} ·{' '}
                  {formatPercent(task.status.completion)} / {formatPercent(task.status.expected)}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
