import { PROGRESS_CLASS_ZH } from '../../core/status/classify.js';
import { buildLedger, type LedgerModel } from '../../render/ledger-model.js';
import type { SessionUser } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { buildReportDetail } from '../reports/build-report-detail.js';
import {
  buildLedgerIndex,
  flaggedTaskIdsFor,
  isOn,
  type LedgerFilter,
  ledgerTaskIds,
  ledgerWantsFlagged,
} from '../reports/ledger-list.js';
import { countsApprovedOnly, type ReportScope, reportScopeOf } from '../reports/report-scope.js';
import type { ReportDetail } from '../reports/schema.js';
import { loadReportView } from './load-report-view.js';

/**
 * The 台账 a reader exports: exactly the tasks the ledger list (GET /api/reports/:id/tasks)
 * shows them under the same filters and order, over all its pages — a unit's people their
 * unit's tasks, visitors the published plan with approved progress — each with its assignment
 * and latest progress as that list counts it. Unfiltered, in reading order, for a reader of
 * the whole report, it is the whole ledger (every work area, even one without tasks).
 */
export async function buildLedgerExport(
  context: AppContext,
  reportId: number,
  user: SessionUser | null,
  filter: LedgerFilter,
): Promise<LedgerModel> {
  const at = filter.at ?? context.today();
  const warnDays = context.config.DEADLINE_WARN_DAYS;
  const scope = reportScopeOf(user);
  const [detail, flagged] = await Promise.all([
    buildReportDetail(context.db, reportId, at, warnDays, scope),
    ledgerWantsFlagged(filter) ? flaggedTaskIdsFor(context.db, user) : undefined,
  ]);
  const index = buildLedgerIndex(detail);
  const ids = ledgerTaskIds(index, filter, flagged);
  const view = await loadReportView(context.db, reportId, {
    at,
    warnDays,
    approvedOnly: countsApprovedOnly(scope),
  });
  const whole = scope.kind !== 'unit' && filter.sort === 'order' && ids.length === index.tasks.length;
  const ledger = buildLedger(view, at, whole ? undefined : ids.map(String));
  const described = describeScope(detail, filter, scope);
  return described ? { ...ledger, scope: described } : ledger;
}

const LIGHT_ZH = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
const SORT_ZH = { order: null, deadline: '按完成时限排序', status: '按进度状态排序' } as const;

/**
 * The reader's part of the ledger and the filters, in words for the workbook
 * ("导出范围：本单位牵头或配合的任务；欠进度；按完成时限排序"), or undefined for the whole ledger.
 */
function describeScope(detail: ReportDetail, filter: LedgerFilter, scope: ReportScope): string | undefined {
  const parts: string[] = [];
  if (scope.kind === 'unit') parts.push('本单位牵头或配合的任务');
  if (scope.kind === 'public') parts.push('公开的任务，进展以审核通过的为准');
  if (filter.area !== undefined) {
    const area = detail.areas.find((a) => a.id === filter.area);
    parts.push(`工作领域 ${area ? `${area.label ?? ''}${area.title}` : filter.area}`);
  }
  if (filter.unit !== undefined) {
    const unit = detail.areas
      .flatMap((a) => [...a.measures.flatMap((m) => m.tasks), ...a.tasks])
      .flatMap((t) => t.assignments)
      .find((a) => a.unitId === filter.unit);
    parts.push(`承办单位 ${unit?.unitName ?? filter.unit}`);
  }
  if (filter.status) parts.push(PROGRESS_CLASS_ZH[filter.status]);
  if (filter.light) parts.push(LIGHT_ZH[filter.light]);
  if (isOn(filter.overdue)) parts.push('已逾期');
  if (isOn(filter.flagged)) parts.push('领导关注');
  const keyword = filter.q?.trim();
  if (keyword) parts.push(`关键词“${keyword}”`);
  const sort = SORT_ZH[filter.sort];
  if (sort) parts.push(sort);
  return parts.length > 0 ? `导出范围：${parts.join('；')}` : undefined;
}
