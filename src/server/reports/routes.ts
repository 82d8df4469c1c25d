import { z } from 'zod';
import type { RollUpMode } from '../../core/status/roll-up.js';
import { KeptValues } from '../../store/kept-values.js';
import { listReports } from '../../store/reports/list-reports.js';
import { reportReachOf } from '../../store/reports/readable-reports.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { computeDashboardTrend } from './build-dashboard-trend.js';
import { buildDashboard, type ComputedReportDetail, computeReportDetail } from './build-report-detail.js';
import {
  buildLedgerIndex,
  flaggedTaskIdsFor,
  type LedgerIndex,
  ledgerPageJson,
  ledgerPageSchema,
  ledgerQuerySchema,
  ledgerWantsFlagged,
} from './ledger-list.js';
import { ReportInputsCache } from './report-inputs.js';
import { countsApprovedOnly } from './report-scope.js';
import {
  dashboardSchema,
  reportDetailSchema,
  reportIdParamsSchema,
  reportListSchema,
  reportViewQuerySchema,
} from './schema.js';
import {
  type JsonBody,
  jsonBody,
  jsonBodyBytes,
  readScopedView,
  type ScopedViewRead,
  sendJsonBytes,
} from './view-access.js';

const MiB = 1024 * 1024;

/** A validated query as a cache-key part: its defined values, keys sorted. */
export function canonicalQuery(query: object): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** Reading reports: the list, one report with its tree and statuses, and its dashboard. */
export const reportRoutes: RouteModule = (app, context) => {
  // Every view is filed under report, scope and date, and valid while the report's change
  // counter (read with the session by readScopedView, and kept until the database changes)
  // stays where it was.
  // A computed province report is a large object graph that every garbage collection walks:
  // keep only the last couple, enough for the views of one report computed in a row to share it.
  const details = new KeptValues<string, ComputedReportDetail>({ max: 2 });
  // What the views are computed from, per report: after a write only the changed tasks are read
  // again and judged again (report-inputs.ts), not the whole report.
  const inputs = new ReportInputsCache();
  // Serialised views, sized by their bytes (a province tree is hundreds of kB, a page a few).
  const views = (maxBytes: number) =>
    new KeptValues<string, JsonBody>({ maxSize: maxBytes, sizeOf: jsonBodyBytes });
  const trees = views(24 * MiB);
  const dashboards = views(8 * MiB);
  const ledgerPages = views(16 * MiB);
  // A ledger index holds every task's row of one report and scope: a few, like details.
  const ledgers = new KeptValues<string, LedgerIndex>({ max: 32 });
  /** The computed report (tree + statuses), shared by the views computed from it. */
  const detailOf = ({ state, at, scope, key }: ScopedViewRead, rollup: RollUpMode = 'mean') =>
    details.getOrCompute(`${key}:${rollup}`, state.counter, async () => {
      const read = await inputs.statusInputs(
        context.db,
        state.report.id,
        state.counter,
        countsApprovedOnly(scope),
      );
      return computeReportDetail(
        read.base,
        read.inputs,
        at,
        context.config.DEADLINE_WARN_DAYS,
        scope,
        rollup,
      );
    });
  app.get(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: '政府工作报告 list (unit users and anonymous visitors see published ones only)',
        response: { 200: reportListSchema, ...errorResponses },
      },
    },
    async (request) => {
      return { reports: await listReports(context.db, reportReachOf(request.user)) };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['reports'],
        summary: 'One 政府工作报告: 工作领域 → 举措 → tasks with 量化目标, 分工 and status',
        params: reportIdParamsSchema,
        querystring: reportViewQuerySchema,
        response: { 200: reportDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await readScopedView(context, request, { reportId: request.params.id }, request.query.at);
      // The whole tree of a province-sized report is hundreds of kB: cache it serialised and
      // encoded (once, with the response schema). The ledger pages through GET …/tasks instead.
      const { rollup } = request.query;
      const json = await trees.getOrCompute(`${view.key}:${rollup}`, view.state.counter, async () => {
        const { unitOfTask: _u, storedTasks: _s, assignments: _a, ...detail } = await detailOf(view, rollup);
        return jsonBody(JSON.stringify(z.encode(reportDetailSchema, detail)), true);
      });
      return sendJsonBytes(request, reply, json);
    },
  );

  app.get(
    '/api/reports/:id/tasks',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['reports'],
        summary: "台账: one page of the report's tasks with status, filtered and sorted, and the total",
        params: reportIdParamsSchema,
        querystring: ledgerQuerySchema,
        response: { 200: ledgerPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await readScopedView(context, request, { reportId: request.params.id }, request.query.at);
      const indexOf = () =>
        ledgers.getOrCompute(view.key, view.state.counter, async () =>
          buildLedgerIndex(await detailOf(view)),
        );
      if (ledgerWantsFlagged(request.query)) {
        // Flags do not move the change counter: read them per request and keep no such page.
        const flagged = await flaggedTaskIdsFor(context.db, request.user);
        return sendJsonBytes(
          request,
          reply,
          jsonBody(ledgerPageJson(await indexOf(), request.query, flagged)),
        );
      }
      // Each page is cut from the report's index and kept, serialised and compressed, like the
      // views, under the query as validated (unknown parameters dropped, keys in one order), so
      // `?x=1`, `?x=2`… from anyone cannot fill the cache with copies of one page.
      const page = await ledgerPages.getOrCompute(
        `${view.key}:${canonicalQuery(request.query)}`,
        view.state.counter,
        async () => jsonBody(ledgerPageJson(await indexOf(), request.query), true),
      );
      return sendJsonBytes(request, reply, page);
    },
  );

  app.get(
    '/api/reports/:id/dashboard',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['reports'],
        summary: '首页看板: 主要预期目标, roll-ups by 工作领域 and 牵头单位, and the lagging tasks',
        params: reportIdParamsSchema,
        querystring: reportViewQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await readScopedView(context, request, { reportId: request.params.id }, request.query.at);
      const { rollup } = request.query;
      const json = await dashboards.getOrCompute(`${view.key}:${rollup}`, view.state.counter, async () => {
        const detail = await detailOf(view, rollup);
        const trend = computeDashboardTrend(
          detail.year,
          detail.storedTasks,
          detail.assignments,
          await inputs.approvedReports(context.db, request.params.id, view.state.counter),
          view.at,
          context.config.DEADLINE_WARN_DAYS,
          rollup,
        );
        const dashboard = { ...buildDashboard(detail, context.config.DEADLINE_WARN_DAYS), trend };
        return jsonBody(JSON.stringify(z.encode(dashboardSchema, dashboard)), true);
      });
      return sendJsonBytes(request, reply, json);
    },
  );
};
