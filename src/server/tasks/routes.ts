import { notFound } from '../../core/errors.js';
import { getTaskContext } from '../../store/status/get-task-context.js';
import { listTaskStatusInputs } from '../../store/status/list-task-status-inputs.js';
import { getTaskSource } from '../../store/tasks/get-task-source.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { findVisibleReport } from '../reports/find-visible-report.js';
import { presentTask, statusSettings } from '../reports/present-status.js';
import { countsApprovedOnly, reportScopeOf, taskInScope } from '../reports/report-scope.js';
import { atQuerySchema } from '../reports/schema.js';
import { taskDetailSchema, taskIdParamsSchema } from './schema.js';

/** Reading one task: its targets, assignments and status, and where it sits in the report. */
export const taskRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'One task with targets, assignments, status, its area/measure and its report passage',
        params: taskIdParamsSchema,
        querystring: atQuerySchema,
        response: { 200: taskDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const found = await getTaskContext(context.db, request.params.id);
      const report = await findVisibleReport(context.db, found.reportId, request.user).catch(() => {
        throw notFound(`Task ${request.params.id}`, `任务 ${request.params.id}`);
      });
      const at = request.query.at ?? context.today();
      const scope = reportScopeOf(request.user);
      const [inputs, source] = await Promise.all([
        listTaskStatusInputs(context.db, found.reportId, [found.task.id], {
          approvedOnly: countsApprovedOnly(scope),
        }),
        getTaskSource(context.db, found.task.id),
      ]);
      // Another unit's task does not exist for a unit's people (report-scope.ts).
      if (!taskInScope(scope, inputs.assignments.get(found.task.id) ?? [])) {
        throw notFound(`Task ${request.params.id}`, `任务 ${request.params.id}`);
      }
      const settings = statusSettings(report.year, at, context.config.DEADLINE_WARN_DAYS);
      return {
        reportId: report.id,
        reportTitle: report.title,
        at,
        archived: found.archived,
        area: found.area,
        measure: found.measure,
        task: presentTask(found.task, inputs, settings),
        source,
      };
    },
  );
};
