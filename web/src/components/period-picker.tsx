import { Select } from 'antd';
import type { Period } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** The period a page works on: the chosen one, else the latest open one, else the latest. */
export function defaultPeriod(periods: readonly Period[], chosen: string | null): Period | undefined {
  if (chosen) return periods.find((p) => String(p.id) === chosen);
  const open = periods.filter((p) => p.status === 'open');
  return open[open.length - 1] ?? periods[periods.length - 1];
}

/** Chooses a reporting period (报送周期). */
export function PeriodPicker({
  periods,
  value,
  onChange,
}: {
  periods: readonly Period[];
  value: Period | undefined;
  onChange: (periodId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('period.choose')}
      data-testid="period-picker"
      style={{ minWidth: 200 }}
      value={value ? String(value.id) : undefined}
      onChange={onChange}
      options={periods.map((p) => ({
        value: String(p.id),
        label: `${p.label} · ${t(`period.${periodState(p)}`)}`,
      }))}
    />
  );
}

/** planned | open | closed, as the UI names them. */
export function periodState(period: Period): 'planned' | 'openState' | 'closed' {
  return period.status === 'open' ? 'openState' : period.status === 'closed' ? 'closed' : 'planned';
}
