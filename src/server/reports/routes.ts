import { listReports } from '../../store/reports/list-reports.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { buildDashboard, buildReportDetail } from './build-report-detail.js';
import { findVisibleReport } from './find-visible-report.js';
import {
  atQuerySchema,
  dashboardSchema,
  reportDetailSchema,
  reportIdParamsSchema,
  reportListSchema,
} from './schema.js';

/** Reading reports: the list, one report with its tree and statuses, and its dashboard. */
export const reportRoutes: RouteModule = (app, context) => {
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
    async (request) => {
      await findVisibleReport(context.db, request.params.id, request.user);
      const at = request.query.at ?? context.today();
      const { unitOfTask: _unitOfTask, ...detail } = await buildReportDetail(
        context.db,
        request.params.id,
        at,
        context.config.DEADLINE_WARN_DAYS,
      );
      return detail;
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
    async (request) => {
      await findVisibleReport(context.db, request.params.id, request.user);
      const at = request.query.at ?? context.today();
      const detail = await buildReportDetail(
        context.db,
        request.params.id,
        at,
        context.config.DEADLINE_WARN_DAYS,
      );
      return buildDashboard(detail, context.config.DEADLINE_WARN_DAYS);
    },
  );
};
