import { Empty } from 'antd';
import { Link } from 'react-router';
import { getReport } from '../api/client.js';
import type { Area } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { useI18n } from '../i18n/i18n.js';
import { sourceLine } from '../report/attribution.js';
import { countArea, countReport } from '../report/tree-stats.js';
import { useCurrentReport, withReport } from '../session/current-report.js';
import { HomeDownloads } from './home-downloads.js';

/** The first page: the report's title and its work areas with their counts. */
export function HomePage() {
  const { t } = useI18n();
  const current = useCurrentReport();
  const report = useApi(current.reportId, () => getReport(current.reportId ?? ''));

  if (current.error) return <PageError error={current.error} onRetry={current.reload} />;
  if (current.loading) return <PageLoading />;
  if (current.reportId === null) {
    return (
      <Empty description={t('common.noReport')} data-testid="no-report">
        <p className="secondary">{t('common.noReportHint')}</p>
      </Empty>
    );
  }
  if (report.status === 'error') return <PageError error={report.error} onRetry={report.reload} />;
  if (report.status === 'loading') return <PageLoading />;

  const { data } = report;
  const meta = data.meta;
  const totals = countReport(data.areas);
  // The 主要预期目标 block is listed first but is not a work area: it gets its own card.
  const indicatorBlocks = data.areas.filter((area) => area.indicators);
  const workAreas = data.areas.filter((area) => !area.indicators);
  const subtitle = [meta?.place, meta?.year ? t('report.year', { year: meta.year }) : null, meta?.speaker]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className="home-page" data-testid="home-page">
      <header className="page-header">
        <h1 className="report-title" data-testid="report-title">
          {data.title}
        </h1>
        {subtitle ? (
          <p className="secondary" data-testid="report-subtitle">
            {subtitle}
          </p>
        ) : null}
      </header>
      <ul className="totals-grid" aria-label={t('report.stats', { areas: workAreas.length, ...totals })}>
        <Total label={t('report.areas')} value={workAreas.length} />
        <Total label={t('report.measures')} value={totals.measures} />
        <Total label={t('report.tasks')} value={totals.tasks} />
        <Total label={t('report.targets')} value={totals.targets} />
      </ul>
      {indicatorBlocks.length > 0 ? (
        <>
          <h2 className="section-title">{t('dashboard.indicators')}</h2>
          <ul className="area-grid">
            {indicatorBlocks.map((area) => (
              <AreaCard
                key={String(area.id)}
                area={area}
                reportParam={current.reportParam}
                testId="indicators-card"
              />
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="section-title">{t('report.areaCount', { count: workAreas.length })}</h2>
      <ol className="area-grid" data-testid="area-list">
        {workAreas.map((area) => (
          <AreaCard key={String(area.id)} area={area} reportParam={current.reportParam} />
        ))}
      </ol>
      <HomeDownloads reportId={current.reportId} published={data.publishedAt !== null} />
      <p className="secondary attribution" data-testid="report-source">
        {sourceLine(data.title, meta?.attribution, t('report.attribution'))}
      </p>
    </article>
  );
}

function AreaCard({
  area,
  reportParam,
  testId = 'area-card',
}: {
  area: Area;
  reportParam: string | null;
  testId?: string;
}) {
  const { t } = useI18n();
  const counts = countArea(area);
  const ledgerPath = withReport('/ledger', reportParam);
  const joiner = ledgerPath.includes('?') ? '&' : '?';
  return (
    <li className="area-card" data-testid={testId}>
      <div className="area-card-inner">
        <h3 className="area-title">
          {area.label ? <span className="area-label">{area.label}</span> : null}
          {area.title}
        </h3>
        <p className="secondary area-stats">{t('report.areaStats', { ...counts })}</p>
        <div>
          <Link to={`${ledgerPath}${joiner}area=${encodeURIComponent(String(area.id))}`}>
            {t('report.openLedger')}
          </Link>
        </div>
      </div>
    </li>
  );
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <li className="total-item">
      <div className="total-label">{label}</div>
      <div className="total-value">{value}</div>
    </li>
  );
}
