import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Grid, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { getReport, listFlags } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { UnitScopeNote } from '../components/unit-scope-note.js';
import { useI18n } from '../i18n/i18n.js';
import { exportLedger } from '../report/export-ledger.js';
import {
  filterFromParams,
  filterToParams,
  filterTree,
  type LedgerFilter,
  type LedgerSort,
  lights,
  statusClasses,
  unitNames,
} from '../report/ledger-filter.js';
import { areaTasks } from '../report/tree-stats.js';
import { useCurrentReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { LedgerList } from './ledger-list.js';
import { LedgerTable, parentKeys, toRows } from './ledger-table.js';

const sorts: LedgerSort[] = ['order', 'deadline', 'status'];

/** 台账 — the report tree with targets, units, deadlines and status, filtered from the URL. */
export function LedgerPage() {
  const { t } = useI18n();
  const current = useCurrentReport();
  const report = useApi(current.reportId, () => getReport(current.reportId ?? ''));
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort: LedgerSort = sorts.find((s) => s === params.get('sort')) ?? 'order';
  const [keyword, setKeyword] = useState(filter.keyword);
  const [exporting, setExporting] = useState(false);
  const wide = Grid.useBreakpoint().md === true;
  const { user } = useSession();
  const seesFlags = user?.role === 'admin' || user?.role === 'leader';
  const flags = useApi(seesFlags ? 'flags' : null, listFlags);
  const flaggedIds = useMemo(() => new Set((flags.data ?? []).map((flag) => flag.taskId)), [flags.data]);

  const areas = useMemo(
    () => (report.data ? filterTree(report.data, filter, sort, flaggedIds) : []),
    [report.data, filter, sort, flaggedIds],
  );
  const rows = useMemo(() => toRows(areas), [areas]);
  const allKeys = useMemo(() => parentKeys(rows), [rows]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  useEffect(() => setExpandedKeys(allKeys), [allKeys]);

  if (current.error) return <PageError error={current.error} onRetry={current.reload} />;
  if (current.loading) return <PageLoading />;
  if (current.reportId === null) return <Empty description={t('common.noReport')} />;
  if (report.status === 'error') return <PageError error={report.error} onRetry={report.reload} />;
  if (report.status === 'loading') return <PageLoading />;

  const update = (change: Partial<LedgerFilter>) =>
    setParams(filterToParams({ ...filter, ...change }, params), { replace: true });
  const total = report.data.areas.reduce((sum, area) => sum + areaTasks(area).length, 0);
  const shown = areas.reduce((sum, area) => sum + areaTasks(area).length, 0);
  const units = unitNames(report.data);

  return (
    <section className="ledger-page" data-testid="ledger-page">
      <Typography.Title level={1} className="page-title">
        {t('ledger.title')}
      </Typography.Title>
      <UnitScopeNote />
      <form
        className="ledger-filters"
        aria-label={t('ledger.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          update({ keyword });
        }}
      >
        <Select
          aria-label={t('ledger.area')}
          data-testid="filter-area"
          allowClear
          placeholder={t('ledger.area')}
          value={filter.area ?? undefined}
          onChange={(value: string | undefined) => update({ area: value ?? null })}
          options={report.data.areas.map((area) => ({
            value: String(area.id),
            label: `${area.label ?? ''}${area.title}`,
          }))}
          popupMatchSelectWidth={false}
        />
        <Select
          aria-label={t('ledger.unit')}
          data-testid="filter-unit"
          allowClear
          showSearch
          placeholder={t('ledger.unit')}
          value={filter.unit ?? undefined}
          onChange={(value: string | undefined) => update({ unit: value ?? null })}
          options={units.map((name) => ({ value: name, label: name }))}
          notFoundContent={t('common.empty')}
        />
        <Select
          aria-label={t('ledger.status')}
          data-testid="filter-status"
          allowClear
          placeholder={t('ledger.status')}
          value={filter.status ?? undefined}
          onChange={(value: LedgerFilter['status'] | undefined) => update({ status: value ?? null })}
          options={statusClasses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          aria-label={t('ledger.light')}
          data-testid="filter-light"
          allowClear
          placeholder={t('ledger.light')}
          value={filter.light ?? undefined}
          onChange={(value: LedgerFilter['light'] | undefined) => update({ light: value ?? null })}
          options={lights.map((l) => ({ value: l, label: t(`light.${l}`) }))}
        />
        <Select
          aria-label={t('ledger.sort')}
          data-testid="ledger-sort"
          value={sort}
          onChange={(value: LedgerSort) => {
            const next = new URLSearchParams(params);
            if (value === 'order') next.delete('sort');
            else next.set('sort', value);
            setParams(next, { replace: true });
          }}
          options={[
            { value: 'order', label: t('ledger.sortOrder') },
            { value: 'deadline', label: t('ledger.sortDeadline') },
            { value: 'status', label: t('ledger.sortStatus') },
          ]}
        />
        <Checkbox checked={filter.flagged} onChange={(event) => update({ flagged: event.target.checked })}>
          {t('ledger.flagged')}
        </Checkbox>
        <Checkbox
          checked={filter.overdue}
          onChange={(event) => update({ overdue: event.target.checked })}
          data-testid="filter-overdue"
        >
          {t('ledger.overdue')}
        </Checkbox>
        <Input.Search
          aria-label={t('ledger.keyword')}
          data-testid="filter-keyword"
          placeholder={t('ledger.keywordPlaceholder')}
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          onSearch={(value) => update({ keyword: value })}
          allowClear
          enterButton={t('common.search')}
        />
        <Button
          onClick={() => {
            setKeyword('');
            update({
              area: null,
              unit: null,
              status: null,
              light: null,
              flagged: false,
              overdue: false,
              keyword: '',
            });
          }}
        >
          {t('common.reset')}
        </Button>
      </form>
      <Space className="ledger-summary" wrap>
        <Typography.Text data-testid="ledger-count" aria-live="polite">
          {t('ledger.shown', { tasks: shown, total })}
        </Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={shown === 0}
          data-testid="ledger-export"
          onClick={async () => {
            setExporting(true);
            try {
              await exportLedger(areas, t, `${t('ledger.title')}-${report.data.title}.xlsx`);
            } finally {
              setExporting(false);
            }
          }}
        >
          {exporting ? t('common.exporting') : t('common.export')}
        </Button>
        {wide ? (
          <>
            <Button size="small" onClick={() => setExpandedKeys(allKeys)}>
              {t('ledger.expandAll')}
            </Button>
            <Button size="small" onClick={() => setExpandedKeys([])}>
              {t('ledger.collapseAll')}
            </Button>
          </>
        ) : null}
      </Space>
      {rows.length === 0 ? (
        <Empty description={t('common.empty')} />
      ) : wide ? (
        <LedgerTable rows={rows} expandedKeys={expandedKeys} onExpandedChange={setExpandedKeys} />
      ) : (
        <LedgerList areas={areas} />
      )}
    </section>
  );
}
