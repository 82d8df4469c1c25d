import { parseDivisionPlan } from '../../core/division/index.js';
import { analyzeTask } from '../../core/extract/index.js';
import { readDivisionBytes } from '../../ingest/division.js';
import { commitDivisionPlan } from '../../store/division/commit-division-plan.js';
import { importPlanAsReport } from '../../store/division/import-plan-as-report.js';
import { findVisibleReport } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import { notifyHandedDown } from '../cascade/notify-subordinate-office.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { readUpload } from '../imports/read-upload.js';
import { previewDivisionPlan } from './preview-division.js';
import {
  divisionCommitBodySchema,
  divisionCommitResultSchema,
  divisionPreviewSchema,
  planImportResultSchema,
  reportIdParamsSchema,
} from './schema.js';

/** 分工方案 in: upload a plan and review it (nothing written), then commit the reviewed rows. */
export const divisionRoutes: RouteModule = (app, context) => {
  app.post(
    '/api/reports/:id/division/preview',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Read a 分工方案 (.docx, .xlsx or text): rows, their matches among the report tasks, units resolved, what would change; writes nothing (office)',
        consumes: ['multipart/form-data'],
        params: reportIdParamsSchema,
        response: { 200: divisionPreviewSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await findVisibleReport(context.db, request.params.id, user);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const year = Number(context.today().slice(0, 4));
      return previewDivisionPlan(context.db, request.params.id, upload, year);
    },
  );

  app.post(
    '/api/reports/:id/division/commit',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Commit a reviewed 分工方案: units created or mapped (kept as aliases), new tasks, assignments, lead officials and deadlines in one audited transaction (office)',
        params: reportIdParamsSchema,
        body: divisionCommitBodySchema,
        response: { 200: divisionCommitResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const report = await findVisibleReport(context.db, request.params.id, user);
      const year = report.year ?? Number(context.today().slice(0, 4));
      const { assignmentIdsMade, ...result } = await commitDivisionPlan(context.db, {
        reportId: request.params.id,
        rows: request.body.rows,
        units: request.body.units,
        analyze: (text) => analyzeTask(text, { year }),
        actor: actorOf(user),
      });
      // Tasks the plan gives to a unit standing for a subordinate government: its office is told.
      await notifyHandedDown(context, assignmentIdsMade);
      return result;
    },
  );

  app.post(
    '/api/imports/division-plan',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Import a 分工方案 (.docx, .xlsx or text) as the tracked plan: headings become areas, rows tasks, units assignments (office)',
        consumes: ['multipart/form-data'],
        response: { 200: planImportResultSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const lines = await readDivisionBytes(upload.bytes, upload.fileName);
      const plan = parseDivisionPlan(lines, { year: Number(context.today().slice(0, 4)) });
      const result = await importPlanAsReport(context.db, {
        bytes: upload.bytes,
        fileName: upload.fileName,
        plan,
        analyze: (text) => analyzeTask(text, { year: plan.year }),
        actor: actorOf(user),
        ...(user.organisationId === null ? {} : { organisationId: user.organisationId }),
      });
      await notifyHandedDown(context, result.assignments.assignmentIdsMade);
      return { reportId: result.reportId, tasks: result.tasks, assignments: result.assignments.created };
    },
  );
};
