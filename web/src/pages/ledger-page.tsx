import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Grid, Input, Pagination, Select, Space, Spin, Typography } from 'antd';
import { cloneElement, isValidElement, type ReactElement, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { getLedgerPage, getLedgerXlsx, listFlags } from '../api/client.js';
import type { LedgerPage as LedgerPageData, LedgerRow } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiErrorText } from '../api/use-api-error-text.js';
import { PageError, PageLoading } from '../components/page-state.js';
import { UnitScopeNote } from '../components/unit-scope-note.js';
import { useI18n } from '../i18n/i18n.js';
import {
  filterFromParams,
  filterToParams,
  LEDGER_PAGE_SIZE,
  type LedgerFilter,
  type LedgerSort,
  ledgerApiQuery,
  lights,
  NO_LEDGER_FILTER,
  pageFromParams,
  sortFromParams,
  statusClasses,
} from '../report/ledger-filter.js';
import { saveFile } from '../report/save-file.js';
import { useCurrentReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { LedgerList } from './ledger-list.js';
import { LedgerTable } from './ledger-table.js';

/**
 * 台账 — the report's tasks with targets, units, deadlines and status, one page at a time
 * (GET /api/reports/:id/tasks), filtered, sorted and paged from the URL.
 */
export function LedgerPage() {
  const { t } = useI18n();
  const current = useCurrentReport();
  const reportId = current.reportId;
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = sortFromParams(params);
  const pageNumber = pageFromParams(params);
  const [keyword, setKeyword] = useState(filter.keyword);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const apiMessage = useApiErrorText();
  const wide = Grid.useBreakpoint().md === true;
  const { user } = useSession();
  const seesFlags = user?.role === 'admin' || user?.role === 'leader';
  const flags = useApi(seesFlags ? 'flags' : null, listFlags);
  const flaggedIds = useMemo(() => new Set((flags.data ?? []).map((flag) => flag.taskId)), [flags.data]);

  // The report's areas and units to filter by, and its number of tasks.
  const facets = useApi(reportId === null ? null : `facets:${reportId}`, () =>
    getLedgerPage(reportId ?? '', new URLSearchParams({ facets: '1', limit: '1' })),
  );
  const units = facets.data?.facets?.units ?? [];
  // The URL names the unit; the API takes its id, known once the facets are in.
  const unitId = filter.unit ? units.find((u) => u.name === filter.unit)?.id : null;
  const waitsForUnits = Boolean(filter.unit) && facets.status !== 'ok';
  const offset = (pageNumber - 1) * LEDGER_PAGE_SIZE;
  const apiQuery = waitsForUnits
    ? null
    : ledgerApiQuery(filter, sort, { offset, limit: LEDGER_PAGE_SIZE }, unitId);
  const queryKey = apiQuery === null ? 'none' : apiQuery.toString();
  const ledger = useApi(
    reportId === null || waitsForUnits ? null : `${reportId}?${queryKey}`,
    async (): Promise<LedgerPageData | null> =>
      apiQuery === null ? null : getLedgerPage(reportId ?? '', apiQuery),
  );
  // While the next page loads, the one before stays in view (dimmed) so the page does not jump.
  const [shownPage, setShownPage] = useState<LedgerPageData | null | undefined>(undefined);
  useEffect(() => {
    if (ledger.status === 'ok') setShownPage(ledger.data);
  }, [ledger.status, ledger.data]);
  const rows = useMemo(
    () =>
      (shownPage?.tasks ?? []).map(
        (row): LedgerRow => (flaggedIds.has(row.id) ? { ...row, flagged: true } : row),
      ),
    [shownPage, flaggedIds],
  );

  if (current.error) return <PageError error={current.error} onRetry={current.reload} />;
  if (current.loading) return <PageLoading />;
  if (reportId === null) return <Empty description={t('common.noReport')} />;
  if (facets.status === 'error') return <PageError error={facets.error} onRetry={facets.reload} />;
  if (ledger.status === 'error') return <PageError error={ledger.error} onRetry={ledger.reload} />;
  if (facets.status === 'loading' || shownPage === undefined) return <PageLoading />;

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: name !== 'page' });
  };
  const update = (change: Partial<LedgerFilter>) =>
    setParams(filterToParams({ ...filter, ...change }, params), { replace: true });
  const total = facets.data.total;
  const matching = shownPage?.total ?? 0;
  const loading = ledger.status === 'loading';

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
          options={(facets.data.facets?.areas ?? []).map((area) => ({
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
          options={units.map((unit) => ({ value: unit.name, label: unit.name }))}
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
            next.delete('page');
            setParams(next, { replace: true });
          }}
          options={[
            { value: 'order', label: t('ledger.sortOrder') },
            { value: 'deadline', label: t('ledger.sortDeadline') },
            { value: 'status', label: t('ledger.sortStatus') },
          ]}
        />
        {/* Flags are shown to the office and leaders only; for others the filter matches nothing. */}
        {seesFlags || filter.flagged ? (
          <Checkbox
            checked={filter.flagged}
            onChange={(event) => update({ flagged: event.target.checked })}
            data-testid="filter-flagged"
          >
            {t('ledger.flagged')}
          </Checkbox>
        ) : null}
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
            update(NO_LEDGER_FILTER);
          }}
        >
          {t('common.reset')}
        </Button>
      </form>
      <Space className="ledger-summary" wrap>
        <Typography.Text data-testid="ledger-count" aria-live="polite">
          {t('ledger.shown', { tasks: matching, total })}
        </Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={matching === 0 || apiQuery === null}
          data-testid="ledger-export"
          onClick={async () => {
            // The server writes the workbook of every task the current filters and order list.
            const query = ledgerApiQuery(filter, sort, null, unitId);
            if (query === null) return;
            setExporting(true);
            setExportError(null);
            try {
              // The server's name, so the page and the overview's link save the same file name.
              const { file, fileName } = await getLedgerXlsx(reportId, query);
              saveFile(file, fileName ?? `${t('ledger.title')}.xlsx`);
            } catch (error) {
              setExportError(apiMessage(error));
            } finally {
              setExporting(false);
            }
          }}
        >
          {exporting ? t('common.exporting') : t('common.export')}
        </Button>
        {exportError ? (
          <Typography.Text type="danger" role="alert" data-testid="ledger-export-error">
            {exportError}
          </Typography.Text>
        ) : null}
      </Space>
      <Spin spinning={loading} delay={200}>
        {rows.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : wide ? (
          <LedgerTable rows={rows} />
        ) : (
          <LedgerList rows={rows} />
        )}
      </Spin>
      {matching > LEDGER_PAGE_SIZE ? (
        <Pagination
          className="ledger-pagination"
          data-testid="ledger-pagination"
          align="end"
          size={wide ? undefined : 'small'}
          showLessItems={!wide}
          showSizeChanger={false}
          current={pageNumber}
          pageSize={LEDGER_PAGE_SIZE}
          total={matching}
          onChange={(page) => {
            setParam('page', page > 1 ? String(page) : null);
            // A new page starts at its first task, not where the pager was.
            window.scrollTo({ top: 0 });
          }}
          itemRender={(_, type, element) =>
            // The arrows are icon buttons: name them for screen readers.
            (type === 'prev' || type === 'next') && isValidElement(element)
              ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, {
                  'aria-label': t(type === 'prev' ? 'ledger.prevPage' : 'ledger.nextPage'),
                })
              : element
          }
        />
      ) : null}
    </section>
  );
}
