import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { listPeriods, listProgress } from '../api/client.js';
import type { Id, Period } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { defaultPeriod, PeriodPicker } from './period-picker.js';

/**
 * A report's periods, the one chosen in the URL's `?period=` (else `defaultPeriod`'s pick),
 * and that period's progress reports: what the inbox and the review queue both work on.
 */
export function usePeriodProgress(reportId: Id | null) {
  const [params] = useSearchParams();
  const periods = useApi(reportId === null ? null : `periods:${reportId}`, () => listPeriods(reportId ?? 0));
  const period = periods.data ? defaultPeriod(periods.data, params.get('period')) : undefined;
  const progress = useApi(period ? `progress:${period.id}` : null, () => listProgress(period?.id ?? 0));
  return { periods, period, progress };
}

/**
 * The period picker bound to `?period=`, followed by `children` (e.g. the due date); instead,
 * when the report has no period yet, `noPeriod` (by default the units' note that the office has
 * opened none).
 */
export function PeriodToolbar({
  periods,
  period,
  noPeriod,
  children,
}: {
  periods: readonly Period[];
  period: Period | undefined;
  noPeriod?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [, setParams] = useSearchParams();
  if (periods.length === 0) return noPeriod ?? <p className="empty-note">{t('inbox.noPeriod')}</p>;
  return (
    <div className="toolbar">
      <PeriodPicker
        periods={periods}
        value={period}
        onChange={(id) => setParams((prev) => ({ ...Object.fromEntries(prev), period: id }))}
      />
      {children}
    </div>
  );
}
