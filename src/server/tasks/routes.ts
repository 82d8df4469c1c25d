import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { getTaskContext } from '../../store/status/get-task-context.js';
import { listTaskStatusInputs } from '../../store/status/list-task-status-inputs.js';
import { getTaskSource } from '../../store/tasks/get-task-source.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { presentTask, statusSettings } from '../reports/present-status.js';
import { countsApprovedOnly, reportScopeOf, scopeKey, taskInScope } from '../reports/report-scope.js';
import { CounterCache } from '../reports/report-view-cache.js';
import { atQuerySchema } from '../reports/schema.js';
import { type JsonBody, jsonBody, readReportAccess, sendJsonBytes } from '../reports/view-access.js';
import { taskDetailSchema, taskIdParamsSchema, taskPageSchema } from './schema.js';

/**
 * A task page cached per task, scope and date: the body as sent when nobody flags the task, and
 * its JSON without the closing brace, to which a flagged answer appends its own flag fields.
 */
interface CachedTaskPage {
  unflagged: JsonBody;
  head: string;
}

/** Reading one task: its targets, assignments and status, where it sits and its report passage. */
export const taskRoutes: RouteModule = (app, context) => {
  const pages = new CounterCache<CachedTaskPage>(4096);
  app.get(
    '/api/tasks/:id',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['tasks'],
        summary: 'One task with targets, assignments, status, its area/measure and its report passage',
        params: taskIdParamsSchema,
        querystring: atQuerySchema,
        response: { 200: taskDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const taskId = request.params.id;
      const state = await readReportAccess(context, request, { taskId });
      const at = request.query.at ?? context.today();
      const scope = reportScopeOf(request.user);
      // Cached serialised per task, scope and date while its report's change counter stands;
      // a miss runs the task, its status inputs and its source passage together.
      // Flags (领导关注) do not move the report's change counter and one field is per reader, so
      // they come with the session in the request's one query (readViewState), shown to
      // signed-in readers only, and never enter the shared cache.
      const flags = request.user ? state.taskFlags : { total: 0, bySessionUser: 0 };
      const cachedPage = pages.get(`${taskId}:${scopeKey(scope)}:${at}`, state.counter, async () => {
        const [found, inputs, source] = await Promise.all([
          getTaskContext(context.db, taskId),
          listTaskStatusInputs(context.db, state.report.id, [taskId], {
            approvedOnly: countsApprovedOnly(scope),
          }),
          getTaskSource(context.db, taskId),
        ]);
        // Another unit's task does not exist for a unit's people (report-scope.ts).
        if (!taskInScope(scope, inputs.assignments.get(taskId) ?? [])) {
          throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
        }
        const settings = statusSettings(state.report.year, at, context.config.DEADLINE_WARN_DAYS);
        const page = {
          reportId: state.report.id,
          reportTitle: state.report.title,
          at,
          archived: found.archived,
          area: found.area,
          measure: found.measure,
          task: presentTask(found.task, inputs, settings),
          source,
        };
        const head = JSON.stringify(z.encode(taskPageSchema, page)).slice(0, -1);
        return { head, unflagged: jsonBody(`${head},"flagged":false,"flaggedByMe":false}`) };
      });
      const cached = await cachedPage;
      if (flags.total === 0) return sendJsonBytes(request, reply, cached.unflagged);
      const mine = flags.bySessionUser > 0;
      return sendJsonBytes(request, reply, jsonBody(`${cached.head},"flagged":true,"flaggedByMe":${mine}}`));
    },
  );
};
