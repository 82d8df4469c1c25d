import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { getReport } from '../api/client.js';
import type { Area } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { useI18n } from '../i18n/i18n.js';
import { countArea, countReport } from '../report/tree-stats.js';
import { useCurrentReport, withReport } from '../session/current-report.js';

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
        <Typography.Text type="secondary">{t('common.noReportHint')}</Typography.Text>
      </Empty>
    );
  }
  if (report.status === 'error') return <PageError error={report.error} onRetry={report.reload} />;
  if (report.status === 'loading') return <PageLoading />;

  const { data } = report;
  const meta = data.meta;
  const totals = countReport(data.areas);
  const subtitle = [meta?.place, meta?.year ? t('report.year', { year: meta.year }) : null, meta?.speaker]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className="home-page" data-testid="home-page">
      <header className="page-header">
        <Typography.Title level={1} className="report-title" data-testid="report-title">
          {data.title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </header>
      <Row
        gutter={[12, 12]}
        className="totals"
        role="list"
        aria-label={t('report.stats', { areas: data.areas.length, ...totals })}
      >
        <Col xs={12} sm={6} role="listitem">
          <Card size="small">
            <Statistic title={t('report.areas')} value={data.areas.length} />
          </Card>
        </Col>
        <Col xs={12} sm={6} role="listitem">
          <Card size="small">
            <Statistic title={t('report.measures')} value={totals.measures} />
          </Card>
        </Col>
        <Col xs={12} sm={6} role="listitem">
          <Card size="small">
            <Statistic title={t('report.tasks')} value={totals.tasks} />
          </Card>
        </Col>
        <Col xs={12} sm={6} role="listitem">
          <Card size="small">
            <Statistic title={t('report.targets')} value={totals.targets} />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={2} className="section-title">
        {t('report.areaCount', { count: data.areas.length })}
      </Typography.Title>
      <ol className="area-grid" data-testid="area-list">
        {data.areas.map((area) => (
          <AreaCard key={String(area.id)} area={area} reportParam={current.reportParam} />
        ))}
      </ol>
      {meta?.attribution ? (
        <Typography.Paragraph type="secondary" className="attribution">
          {t('report.attribution')}：{meta.attribution}
        </Typography.Paragraph>
      ) : null}
    </article>
  );
}

function AreaCard({ area, reportParam }: { area: Area; reportParam: string | null }) {
  const { t } = useI18n();
  const counts = countArea(area);
  const ledgerPath = withReport('/ledger', reportParam);
  const joiner = ledgerPath.includes('?') ? '&' : '?';
  return (
    <li className="area-card" data-testid="area-card">
      <Card size="small" className="area-card-inner">
        <Typography.Title level={3} className="area-title">
          {area.label ? <span className="area-label">{area.label}</span> : null}
          {area.title}
        </Typography.Title>
        <Typography.Text type="secondary" className="area-stats">
          {t('report.areaStats', { ...counts })}
        </Typography.Text>
        <div>
          <Link to={`${ledgerPath}${joiner}area=${encodeURIComponent(String(area.id))}`}>
            {t('report.openLedger')}
          </Link>
        </div>
      </Card>
    </li>
  );
}
