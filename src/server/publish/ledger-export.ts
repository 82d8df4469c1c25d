import { buildLedger, type LedgerModel } from '../../render/ledger-model.js';
import type { SessionUser } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { buildReportDetail } from '../reports/build-report-detail.js';
import {
  buildLedgerIndex,
  flaggedTaskIdsFor,
  type LedgerFilter,
  ledgerTaskIds,
  ledgerWantsFlagged,
} from '../reports/ledger-list.js';
import { countsApprovedOnly, reportScopeOf } from '../reports/report-scope.js';
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
  return buildLedger(view, at, whole ? undefined : ids.map(String));
}
