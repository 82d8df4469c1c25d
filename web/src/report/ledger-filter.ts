import type { Light, StatusClass } from '../api/types.js';

/** The ledger's filters, as kept in the URL (`/ledger?area=…&status=behind`). */
export interface LedgerFilter {
  area: string | null;
  unit: string | null;
  status: StatusClass | null;
  light: Light | null;
  flagged: boolean;
  /** Only tasks past their deadline and not completed. */
  overdue: boolean;
  keyword: string;
}

/** No filter: every task of the report. */
export const NO_LEDGER_FILTER: Readonly<LedgerFilter> = {
  area: null,
  unit: null,
  status: null,
  light: null,
  flagged: false,
  overdue: false,
  keyword: '',
};

export type LedgerSort = 'order' | 'deadline' | 'status';

export const statusClasses: StatusClass[] = ['not_started', 'behind', 'on_track', 'ahead', 'completed'];
export const lights: Light[] = ['red', 'yellow', 'green'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the filter from URL search params; unknown values are ignored. */
export function filterFromParams(params: URLSearchParams): LedgerFilter {
  return {
    area: params.get('area'),
    unit: params.get('unit'),
    status: oneOf(params.get('status'), statusClasses),
    light: oneOf(params.get('light'), lights),
    flagged: params.get('flagged') === '1',
    overdue: params.get('overdue') === '1',
    keyword: params.get('q') ?? '',
  };
}

/** Writes the filter into URL search params, keeping unrelated ones (such as `report`). */
export function filterToParams(filter: LedgerFilter, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (name: string, value: string | null) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  set('area', filter.area);
  set('unit', filter.unit);
  set('status', filter.status);
  set('light', filter.light);
  set('flagged', filter.flagged ? '1' : null);
  set('overdue', filter.overdue ? '1' : null);
  set('q', filter.keyword.trim() || null);
  // Another filter starts again from the first page.
  next.delete('page');
  return next;
}

/** The ledger's page size (tasks per page). */
export const LEDGER_PAGE_SIZE = 20;

const sorts: readonly LedgerSort[] = ['order', 'deadline', 'status'];

/** The order from URL search params (`sort=deadline`); report order by default. */
export function sortFromParams(params: URLSearchParams): LedgerSort {
  return oneOf(params.get('sort'), sorts) ?? 'order';
}

/** The page number from URL search params (`page=3`), 1 when absent or invalid. */
export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/**
 * The query of GET /api/reports/:id/tasks for the filter, order and page, or of its .xlsx
 * export (every page) when `page` is null. The URL names the unit; the API takes its id
 * (`unitId`, looked up in the ledger's facets): null when the filter names no unit, undefined
 * when the named unit is not among the report's units — then nothing can match, and the
 * answer is null.
 */
export function ledgerApiQuery(
  filter: LedgerFilter,
  sort: LedgerSort,
  page: { offset: number; limit: number } | null,
  unitId: number | null | undefined,
): URLSearchParams | null {
  if (filter.unit && unitId === undefined) return null;
  const query = new URLSearchParams(page ? { offset: String(page.offset), limit: String(page.limit) } : {});
  if (filter.area) query.set('area', filter.area);
  if (filter.unit && unitId !== null && unitId !== undefined) query.set('unit', String(unitId));
  if (filter.status) query.set('status', filter.status);
  if (filter.light) query.set('light', filter.light);
  if (filter.overdue) query.set('overdue', '1');
  if (filter.flagged) query.set('flagged', '1');
  const keyword = filter.keyword.trim();
  if (keyword) query.set('q', keyword);
  if (sort !== 'order') query.set('sort', sort);
  return query;
}

/** A link to the ledger narrowed to what a dashboard number counts, in report order or `sort`. */
export function ledgerLink(
  reportParam: string | null,
  narrow: Partial<LedgerFilter>,
  sort: LedgerSort = 'order',
): string {
  const base = new URLSearchParams(reportParam ? { report: reportParam } : {});
  if (sort !== 'order') base.set('sort', sort);
  const query = filterToParams({ ...NO_LEDGER_FILTER, ...narrow }, base).toString();
  return query ? `/ledger?${query}` : '/ledger';
}
