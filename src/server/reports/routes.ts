import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { listReports } from '../../store/reports/list-reports.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { buildDashboardTrend } from './build-dashboard-trend.js';
import { buildDashboard, buildReportDetail } from './build-report-detail.js';
import { findVisibleReport } from './find-visible-report.js';
import { reportScopeOf, scopeKey } from './report-scope.js';
import { ReportViewCache } from './report-view-cache.js';
import {
  atQuerySchema,
  dashboardSchema,
  reportDetailSchema,
  reportIdParamsSchema,
  reportListSchema,
} from './schema.js';

/** Sends JSON that was already serialised with the route's response schema, as it is. */
function sendJsonBytes(reply: unknown, json: Buffer) {
  return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
}

/** Reading reports: the list, one report with its tree and statuses, and its dashboard. */
export const reportRoutes: RouteModule = (app, context) => {
  const views = new ReportViewCache();
  app.get(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Reports (anonymous visitors see published ones only)',
        response: { 200: reportListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const reports = await listReports(context.db);
      return { reports: request.user ? reports : reports.filter((r) => r.publishedAt !== null) };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report: areas → measures → tasks with targets, assignments and status',
        params: reportIdParamsSchema,
        querystring: atQuerySchema,
        response: { 200: reportDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await findVisibleReport(context.db, request.params.id, request.user);
      const at = request.query.at ?? context.today();
      const scope = reportScopeOf(request.user);
      // The ledger of a province-sized report is hundreds of kB: cache it serialised and encoded
      // (once, with the response schema), valid until the report's change counter moves.
      const json = await views.get(
        context.db,
        request.params.id,
        `detail:${at}:${scopeKey(scope)}`,
        async () => {
          const { unitOfTask: _unitOfTask, ...detail } = await buildReportDetail(
            context.db,
            request.params.id,
            at,
            context.config.DEADLINE_WARN_DAYS,
            scope,
          );
          return Buffer.from(JSON.stringify(z.encode(reportDetailSchema, detail)));
        },
      );
      return sendJsonBytes(reply, json);
    },
  );

  app.get(
    '/api/reports/:id/dashboard',
    {
      schema: {
        tags: ['reports'],
        summary: 'Roll-ups by area and lead unit, and the lagging tasks',
        params: reportIdParamsSchema,
        querystring: atQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await findVisibleReport(context.db, request.params.id, request.user);
      const at = request.query.at ?? context.today();
      const scope = reportScopeOf(request.user);
      const json = await views.get(
        context.db,
        request.params.id,
        `dashboard:${at}:${scopeKey(scope)}`,
        async () => {
          const detail = await buildReportDetail(
            context.db,
            request.params.id,
            at,
            context.config.DEADLINE_WARN_DAYS,
            scope,
          );
          const trend = await buildDashboardTrend(
            context.db,
            request.params.id,
            detail.year,
            detail.storedTasks,
            detail.assignments,
            at,
            context.config.DEADLINE_WARN_DAYS,
          );
          const dashboard = { ...buildDashboard(detail, context.config.DEADLINE_WARN_DAYS), trend };
          return Buffer.from(JSON.stringify(z.encode(dashboardSchema, dashboard)));
        },
      );
      return sendJsonBytes(reply, json);
    },
  );
};
