import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { listTaskUnitIds } from '../../store/assignments/list-task-unit-ids.js';
import { KeptValues } from '../../store/kept-values.js';
import { getTaskContext } from '../../store/status/get-task-context.js';
import { listTaskStatusInputs } from '../../store/status/list-task-status-inputs.js';
import { getTaskSource } from '../../store/tasks/get-task-source.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { presentTask, statusSettings } from '../reports/present-status.js';
import { countsApprovedOnly, reportScopeOf, taskInScope } from '../reports/report-scope.js';
import { atQuerySchema } from '../reports/schema.js';
import {
  type JsonBody,
  jsonBody,
  jsonBodyBytes,
  readReportAccess,
  readScopedView,
  sendJsonBytes,
} from '../reports/view-access.js';
import { taskDetailSchema, taskIdParamsSchema, taskPageSchema, taskSourceAnswerSchema } from './schema.js';

/**
 * A task page cached per task, scope and date: the body as sent when nobody flags the task, and
 * its JSON without the closing brace, to which a flagged answer appends its own flag fields.
 */
interface CachedTaskPage {
  unflagged: JsonBody;
  head: string;
}

/** A task's passage cached per task: its body, and the units assigned to it for the scope rule. */
interface CachedTaskSource {
  body: JsonBody;
  unitIds: number[];
}

/**
 * How long browsers may keep a passage: it changes only when the report is re-imported, and a
 * revision's text never changes.
 */
const SOURCE_CACHE_CONTROL = 'private, max-age=300';

/** Reading one task: its targets, assignments and status, where it sits, and its report passage. */
export const taskRoutes: RouteModule = (app, context) => {
  // Sized by their bytes: a task page is a few kB (8 MiB: thousands), a passage up to a few tens.
  const pages = new KeptValues<string, CachedTaskPage>({
    maxSize: 8 * 1024 * 1024,
    sizeOf: (page) => page.head.length * 2 + jsonBodyBytes(page.unflagged),
  });
  const sources = new KeptValues<string, CachedTaskSource>({
    maxSize: 8 * 1024 * 1024,
    sizeOf: (source) => jsonBodyBytes(source.body),
  });
  app.get(
    '/api/tasks/:id',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['tasks'],
        summary: 'One task with 量化目标, 分工, status and its 工作领域/举措 (passage: /source)',
        params: taskIdParamsSchema,
        querystring: atQuerySchema,
        response: { 200: taskDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const taskId = request.params.id;
      const { state, at, scope, key } = await readScopedView(context, request, { taskId }, request.query.at);
      // Cached serialised per task, scope and date while its report's change counter stands;
      // a miss runs the task and its status inputs together. The passage is read apart (below).
      // Flags (领导关注) do not move the report's change counter and one field is per reader, so
      // they come with the session in the request's one query (readViewState), shown to
      // signed-in readers only, and never enter the shared cache.
      const flags = request.user ? state.taskFlags : { total: 0, bySessionUser: 0 };
      const cachedPage = pages.getOrCompute(key, state.counter, async () => {
        const [found, inputs] = await Promise.all([
          getTaskContext(context.db, taskId),
          listTaskStatusInputs(context.db, state.report.id, [taskId], {
            approvedOnly: countsApprovedOnly(scope),
          }),
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
        };
        const head = JSON.stringify(z.encode(taskPageSchema, page)).slice(0, -1);
        return { head, unflagged: jsonBody(`${head},"flagged":false,"flaggedByMe":false}`, true) };
      });
      const cached = await cachedPage;
      if (flags.total === 0) return sendJsonBytes(request, reply, cached.unflagged);
      const mine = flags.bySessionUser > 0;
      return sendJsonBytes(request, reply, jsonBody(`${cached.head},"flagged":true,"flaggedByMe":${mine}}`));
    },
  );

  app.get(
    '/api/tasks/:id/source',
    {
      config: { sessionLookup: 'route' },
      schema: {
        tags: ['tasks'],
        summary:
          'The report passage that holds a task, with the task sentence marked (原文定位); null without stored text',
        params: taskIdParamsSchema,
        response: { 200: taskSourceAnswerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const taskId = request.params.id;
      // The same visibility as the task page: no report, an archived one, or an unpublished
      // one for anonymous visitors is a 404.
      const state = await readReportAccess(context, request, { taskId });
      // One body for every reader: the passage is the same in every scope. Filed under the
      // report's change counter, which a re-import moves (its nodes and report row change).
      const cached = await sources.getOrCompute(String(taskId), state.counter, async () => {
        const [source, unitIds] = await Promise.all([
          getTaskSource(context.db, taskId),
          listTaskUnitIds(context.db, taskId),
        ]);
        const body = jsonBody(JSON.stringify(z.encode(taskSourceAnswerSchema, source)), true);
        return { body, unitIds };
      });
      // Another unit's task does not exist for a unit's people (report-scope.ts).
      const unitIds = cached.unitIds.map((unitId) => ({ unitId }));
      if (!taskInScope(reportScopeOf(request.user), unitIds)) {
        throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
      }
      reply.header('cache-control', SOURCE_CACHE_CONTROL);
      return sendJsonBytes(request, reply, cached.body);
    },
  );
};
