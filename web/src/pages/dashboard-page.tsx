import { Empty, Skeleton } from 'antd';
import { lazy, type ReactNode, Suspense, useId } from 'react';
import { Link } from 'react-router';
import { getDashboard, listUnits } from '../api/client.js';
import type { Dashboard, LaggingTask } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { Panel } from '../components/panel.js';
import { LightDot, StatusTag } from '../components/status.js';
import { percentText, ScheduleBar } from '../components/target-progress.js';
import { UnitScopeNote } from '../components/unit-scope-note.js';
import { useI18n } from '../i18n/i18n.js';
import { ledgerLink, lights, statusClasses } from '../report/ledger-filter.js';
import { displayLabel } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { IndicatorPanel } from './dashboard-indicators.js';

// ECharts is the biggest library of the app: the charts load after the figures have rendered.
const AreaProgressChart = lazy(() =>
  import('./dashboard-charts.js').then((m) => ({ default: m.AreaProgressChart })),
);
const TrendChart = lazy(() => import('./dashboard-charts.js').then((m) => ({ default: m.TrendChart })));

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
  // Each count grid is named by its heading, so the status group and the light group are told apart.
  const classTitleId = useId();
  const lightTitleId = useId();
  const { overall } = data;
  const link = (narrow: Parameters<typeof ledgerLink>[1]) => ledgerLink(reportParam, narrow);
  const units = [...data.units].sort(
    (a, b) => (b.status.completion ?? -1) - (a.status.completion ?? -1) || b.status.total - a.status.total,
  );
  // A unit standing for a subordinate government (通州区政府) opens that government's decomposition
  // of the tasks handed down to it: for the office and leaders, who may read it.
  const { user } = useSession();
  const seesDecomposition = user?.role === 'admin' || user?.role === 'leader';
  const ownUnits = useApi(seesDecomposition ? 'units' : null, listUnits);
  const represented = new Map(
    (ownUnits.data ?? []).flatMap((u) =>
      u.representsOrganisationId === null ? [] : [[u.id, u.representsOrganisationId] as const],
    ),
  );

  return (
    <section className="dashboard-page" data-testid="dashboard-page">
      <header className="page-header">
        <h1 className="page-title">{t('dashboard.title')}</h1>
        <p className="secondary">
          {data.title} · {t('dashboard.asOf', { date: data.at })}
        </p>
        <UnitScopeNote />
      </header>
      <IndicatorPanel indicators={data.indicators} />
      <div className="dashboard-grid">
        <Panel title={t('dashboard.overall')} testId="overall-card">
          <div className="overall">
            <div
              className={overall.completion === null ? 'overall-figure overall-none' : 'overall-figure'}
              data-testid="overall-completion"
            >
              {percentText(overall.completion)}
            </div>
            <div>
              <div data-testid="overall-expected">
                {t('dashboard.expected')}：<strong>{percentText(overall.expected)}</strong>
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
          <ScheduleBar
            completion={overall.completion}
            expected={overall.expected}
            label={t('dashboard.overall')}
          />
        </Panel>
        <Panel title={t('dashboard.byStatus')}>
          <h3 className="count-group-title" id={classTitleId}>
            {t('dashboard.byClass')}
          </h3>
          <ul className="count-grid" data-testid="status-counts" aria-labelledby={classTitleId}>
            {statusClasses.map((status) => (
              <CountLink
                key={status}
                to={link({ status })}
                count={overall.classCounts[status] ?? 0}
                label={<StatusTag status={status} />}
              />
            ))}
          </ul>
          <h3 className="count-group-title" id={lightTitleId}>
            {t('dashboard.byLight')}
          </h3>
          <ul className="count-grid" data-testid="light-counts" aria-labelledby={lightTitleId}>
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
              count={data.overdueTotal}
              label={<span className="count-label">{t('dashboard.overdue')}</span>}
            />
          </ul>
        </Panel>
        <Panel title={t('dashboard.byArea')}>
          <Suspense fallback={<Skeleton active />}>
            <AreaProgressChart areas={data.areas} />
          </Suspense>
          <ul className="plain-list area-lights" data-testid="area-lights">
            {data.areas.map((area) =>
              area.status.total === 0 ? (
                // A unit's people see only their tasks: an area without any is grey, not green.
                <li key={area.id} className="area-empty" data-testid="area-empty">
                  <span className="light-dot light-none" aria-hidden="true" />{' '}
                  <span>
                    {displayLabel(area.label)}
                    {area.title}
                  </span>{' '}
                  <span className="secondary">{t('dashboard.noTasks')}</span>
                </li>
              ) : (
                <li key={area.id}>
                  <LightDot light={area.status.light} />{' '}
                  <Link to={link({ area: String(area.id) })}>
                    {displayLabel(area.label)}
                    {area.title}
                  </Link>{' '}
                  <span className="secondary area-figures">
                    {percentText(area.status.completion)} / {percentText(area.status.expected)}
                  </span>
                </li>
              ),
            )}
          </ul>
        </Panel>
        <Panel title={t('dashboard.trend')}>
          {data.trend.length > 0 ? (
            <Suspense fallback={<Skeleton active />}>
              <TrendChart trend={data.trend} />
            </Suspense>
          ) : (
            <p className="empty-note">{t('dashboard.noTrend')}</p>
          )}
        </Panel>
        <Panel title={t('dashboard.unitRanking')}>
          {units.length === 0 ? (
            <p className="empty-note">{t('dashboard.noUnits')}</p>
          ) : (
            <table className="plain-table" data-testid="unit-ranking">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.rank')}</th>
                  <th scope="col">{t('dashboard.unit')}</th>
                  <th scope="col">{t('dashboard.completion')}</th>
                  <th scope="col">{t('dashboard.taskCount')}</th>
                  <th scope="col">{t('ledger.colLight')}</th>
                </tr>
              </thead>
              <tbody>
                {units.map((unit, index) => (
                  <tr key={unit.unitId}>
                    <td>{index + 1}</td>
                    <td>
                      <Link to={link({ unit: unit.unitName })}>{unit.unitName}</Link>
                      {represented.has(unit.unitId) ? (
                        <>
                          {' '}
                          <Link
                            to={`/organisations/${represented.get(unit.unitId)}/decomposition`}
                            className="secondary"
                            data-testid="unit-decomposition-link"
                          >
                            {t('decomposition.open')}
                          </Link>
                        </>
                      ) : null}
                    </td>
                    <td>{percentText(unit.status.completion)}</td>
                    <td>
                      <Link to={link({ unit: unit.unitName })}>{unit.status.total}</Link>
                    </td>
                    <td>
                      <LightDot light={unit.status.light} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <div>
          <TaskListPanel
            title={t('dashboard.lagging')}
            tasks={data.lagging}
            total={data.laggingTotal}
            // Every red or yellow task, worst first (the ledger's status order).
            allLink={ledgerLink(reportParam, {}, 'status')}
            testId="lagging-list"
          />
          <TaskListPanel
            title={t('dashboard.overdue')}
            tasks={data.overdue}
            total={data.overdueTotal}
            allLink={link({ overdue: true })}
            testId="overdue-list"
          />
        </div>
      </div>
    </section>
  );
}

function CountLink({ to, count, label }: { to: string; count: number; label: ReactNode }) {
  return (
    <li>
      <Link to={to} className="count-link">
        {/* Only a count that needs attention is red; none is grey. */}
        <span className={count === 0 ? 'count-number count-zero' : 'count-number'}>{count}</span>
        {label}
      </Link>
    </li>
  );
}

/** The worst few tasks of a kind, how many there are in all, and a link to the ledger listing them all. */
function TaskListPanel({
  title,
  tasks,
  total,
  allLink,
  testId,
}: {
  title: string;
  tasks: LaggingTask[];
  total: number;
  allLink: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Panel title={`${title}（${total}）`} testId={testId}>
      {tasks.length === 0 ? (
        <p className="empty-note">{t('common.empty')}</p>
      ) : (
        <>
          <ol className="task-links">
            {tasks.map((task) => (
              <li key={task.taskId}>
                <LightDot light={task.status.light} /> <Link to={`/tasks/${task.taskId}`}>{task.text}</Link>
                <div className="task-list-meta">
                  <span className="secondary">
                    {task.leadUnits.join('、') || t('ledger.unassigned')} ·{' '}
                    {percentText(task.status.completion)} / {percentText(task.status.expected)}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {total > tasks.length ? (
            <Link to={allLink} className="view-all" data-testid={`${testId}-all`}>
              {t('dashboard.viewAll', { count: String(total) })}
            </Link>
          ) : null}
        </>
      )}
    </Panel>
  );
}
