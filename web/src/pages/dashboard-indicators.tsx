import { Link } from 'react-router';
import type { Dashboard } from '../api/types.js';
import { Panel } from '../components/panel.js';
import { LightDot } from '../components/status.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../report/tree-stats.js';

type IndicatorRow = Dashboard['indicators'][number];

const SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '~': '约' };

/** "约5%", "≥1200万人", "5–5.5%". */
function targetText(target: IndicatorRow['targets'][number]): string {
  const value =
    target.comparator === 'between' && target.max !== null
      ? `${formatNumber(target.value)}–${formatNumber(target.max)}`
      : `${SIGNS[target.comparator] ?? ''}${formatNumber(target.value)}`;
  return `${value}${target.unit}`;
}

/**
 * 主要预期目标 — the year's headline indicators first on the dashboard: each with its target, the
 * figure last reported and the verdict of the status engine (达标 / 接近目标 / 未达目标).
 */
export function IndicatorPanel({ indicators }: { indicators: IndicatorRow[] }) {
  const { t } = useI18n();
  if (indicators.length === 0) return null;
  return (
    <Panel title={t('dashboard.indicators')} testId="indicator-panel">
      <table className="plain-table" data-testid="indicator-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.indicator')}</th>
            <th scope="col">{t('dashboard.indicatorTarget')}</th>
            <th scope="col">{t('dashboard.indicatorActual')}</th>
            <th scope="col">{t('dashboard.indicatorVerdict')}</th>
            <th scope="col">{t('dashboard.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((row) => {
            const reported = row.targets.some((target) => target.achieved !== null);
            return (
              <tr key={row.taskId}>
                <td>
                  <Link to={`/tasks/${row.taskId}`}>{row.text}</Link>
                </td>
                <td>{row.targets.map(targetText).join('、') || '—'}</td>
                <td>
                  {row.targets
                    .filter((target) => target.achieved !== null)
                    .map((target) => `${formatNumber(target.achieved ?? 0)}${target.unit}`)
                    .join('、') || '—'}
                  {reported && row.periodLabel ? (
                    <span className="secondary">（{row.periodLabel}）</span>
                  ) : null}
                </td>
                <td>
                  {row.status.verdict ? (
                    <>
                      <LightDot light={row.status.light} /> {t(`verdict.${row.status.verdict}`)}
                    </>
                  ) : (
                    <span className="secondary">
                      {t(row.targets.length > 0 ? 'verdict.none' : 'verdict.qualitative')}
                    </span>
                  )}
                </td>
                <td>{row.leadUnits.join('、') || t('ledger.unassigned')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}
