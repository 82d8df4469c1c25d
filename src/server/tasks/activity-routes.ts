import { listTaskAuditEvents } from '../../store/audit/list-task-audit-events.js';
import { listUnitNames } from '../../store/units/list-unit-names.js';
import { requireTaskAccess } from '../auth/object-access.js';
import { readsAll, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { loadTaskHistory, readableProgressIds } from './load-task-history.js';
import { presentAuditEvent, unitIdsOf } from './present-audit.js';
import { taskAuditSchema, taskHistorySchema, taskIdParamsSchema } from './schema.js';

/**
 * What happened on a task: its progress reports (填报记录) and its audit trail (审计记录).
 * Signed-in only; a unit user reaches only the tasks of their unit and the reports they may read.
 */
export const taskActivityRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/tasks/:id/history',
    {
      schema: {
        tags: ['tasks'],
        summary: "A task's 进展报告 you may read: who, when, values, 退回理由, 佐证材料",
        params: taskIdParamsSchema,
        response: { 200: taskHistorySchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireTaskAccess(context.db, user, request.params.id);
      return { reports: await loadTaskHistory(context.db, user, request.params.id) };
    },
  );

  app.get(
    '/api/tasks/:id/audit',
    {
      schema: {
        tags: ['tasks'],
        summary: "A task's audit trail (审计记录): who changed what and when, newest first",
        params: taskIdParamsSchema,
        response: { 200: taskAuditSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireTaskAccess(context.db, user, request.params.id);
      const events = await listTaskAuditEvents(
        context.db,
        request.params.id,
        readsAll(user)
          ? {}
          : { progressReportIds: await readableProgressIds(context.db, user, request.params.id) },
      );
      const unitNames = await listUnitNames(context.db, unitIdsOf(events));
      return { events: events.map((event) => presentAuditEvent(event, unitNames)) };
    },
  );
};
