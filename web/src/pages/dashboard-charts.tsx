import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { Dashboard, TrendPoint } from '../api/types.js';
import { Chart } from '../charts/chart.js';
import { useI18n } from '../i18n/i18n.js';
import { areaBars } from '../report/area-chart.js';

const percent = (ratio: number | null): number | null =>
  ratio === null ? null : Math.round(ratio * 1000) / 10;

/**
 * Completion per work area as bars, named by short area names, with each area's 序时进度 as a
 * line over them; areas without the reader's tasks have neither (areaBars).
 */
export function AreaProgressChart({ areas }: { areas: Dashboard['areas'] }) {
  const { t } = useI18n();
  // Phones keep the axis names short so the bars keep their width.
  const narrow = window.innerWidth < 576;
  const option = useMemo<EChartsCoreOption>(() => {
    const bars = areaBars(areas);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v == null ? t('dashboard.noTasks') : `${v}%`),
      },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.name),
        axisLabel: { width: narrow ? 110 : 190, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.actualLine'),
          type: 'bar',
          data: bars.map((bar) => bar.completion),
          itemStyle: { color: '#b7282e' },
        },
        {
          name: t('dashboard.expectedLine'),
          type: 'line',
          data: bars.map((bar) => bar.expected),
          connectNulls: true,
          itemStyle: { color: '#595959' },
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [areas, narrow, t]);
  return (
    <>
      <ChartLegend />
      <Chart option={option} label={t('dashboard.byArea')} height={Math.max(220, areas.length * 32 + 40)} />
    </>
  );
}

/** Monthly completion with the expected-progress (序时进度) line. */
export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.map((point) => point.month) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('dashboard.actualLine'),
          type: 'line',
          data: trend.map((point) => percent(point.completion)),
          itemStyle: { color: '#b7282e' },
          areaStyle: { opacity: 0.12 },
          // A month's figure is a visible dot with its value: the first approved month is a lone
          // point, often near 0%, that a bare line would not show.
          symbol: 'circle',
          symbolSize: 7,
          showSymbol: true,
          label: { show: true, position: 'top', formatter: '{c}%', color: '#b7282e' },
        },
        {
          name: t('dashboard.expectedLine'),
          type: 'line',
          data: trend.map((point) => percent(point.expected)),
          itemStyle: { color: '#595959' },
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [trend, t],
  );
  return (
    <>
      <ChartLegend />
      <Chart option={option} label={t('dashboard.trend')} testId="trend-chart" />
    </>
  );
}

/** The two series' key, in HTML (ECharts' legend component is not registered, to save weight). */
function ChartLegend() {
  const { t } = useI18n();
  return (
    <div className="chart-legend" aria-hidden="true">
      <span>
        <span className="chart-key actual" />
        {t('dashboard.actualLine')}
      </span>
      <span>
        <span className="chart-key expected" />
        {t('dashboard.expectedLine')}
      </span>
    </div>
  );
}
