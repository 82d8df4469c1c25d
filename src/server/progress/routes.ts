import { forbidden } from '../../core/errors.js';
import { listLeadUnitIds } from '../../store/assignments/list-lead-unit-ids.js';
import { listUnitUserIds } from '../../store/notifications/create-notifications.js';
import { loadProgress } from '../../store/progress/load-progress.js';
import { reviewProgressReport, submitProgressReport } from '../../store/progress/review-progress-report.js';
import { saveProgressReport } from '../../store/progress/save-progress-report.js';
import { listTaskTargetIds } from '../../store/targets/list-task-target-ids.js';
import { canReadProgress, findPeriod, readableProgress, requireTaskAccess } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import { notifyReportUpReturned } from '../cascade/notify-subordinate-office.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { periodIdParamsSchema } from '../periods/schema.js';
import { presentProgress, presentStoredProgress } from './present-progress.js';
import {
  consolidationSchema,
  periodTaskParamsSchema,
  progressIdParamsSchema,
  progressListSchema,
  progressReportSchema,
  returnBodySchema,
  reviewBodySchema,
  saveProgressBodySchema,
} from './schema.js';

/** 进展报告 — units fill and submit; the lead unit consolidates; the office approves or returns. */
export const progressRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/periods/:id/progress',
    {
      schema: {
        tags: ['progress'],
        summary: "A 报送周期's 进展报告 that you may see",
        params: periodIdParamsSchema,
        response: { 200: progressListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await findPeriod(context.db, request.params.id, user);
      const views = await loadProgress(context.db, { periodId: request.params.id });
      const leads = await listLeadUnitIds(
        context.db,
        views.map((v) => v.row.node_id),
      );
      return {
        progress: views
          .filter((v) => canReadProgress(user, v.row.unit_id, leads.get(v.row.node_id) ?? []))
          .map(presentProgress),
      };
    },
  );

  app.put(
    '/api/periods/:periodId/tasks/:taskId/progress',
    {
      schema: {
        tags: ['progress'],
        summary: "Create or edit your unit's 进展报告 (草稿) for a task in a period (承办人, 单位负责人)",
        params: periodTaskParamsSchema,
        body: saveProgressBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (user.unitId === null) throw forbidden();
      // Another unit's task (or one of a report this user may not read) is a 404, as when read.
      await requireTaskAccess(context.db, user, request.params.taskId);
      await findPeriod(context.db, request.params.periodId, user);
      // A written field the body leaves out is kept as stored (ProgressReportFields).
      const { values, ...fields } = request.body;
      const saved = await saveProgressReport(context.db, {
        ...fields,
        taskId: request.params.taskId,
        unitId: user.unitId,
        periodId: request.params.periodId,
        values: values?.map((v) => ({ targetId: v.targetId, value: v.value, note: v.note ?? null })),
        actor: actorOf(user),
      });
      return presentStoredProgress(context.db, saved.row.id);
    },
  );

  app.get(
    '/api/progress/:id',
    {
      schema: {
        tags: ['progress'],
        summary: 'One 进展报告',
        params: progressIdParamsSchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentProgress(await readableProgress(context.db, request.params.id, requireUser(request))),
  );

  app.post(
    '/api/progress/:id/submit',
    {
      schema: {
        tags: ['progress'],
        summary: "Submit (报送) your unit's 进展报告 to the 督查室 (单位负责人)",
        params: progressIdParamsSchema,
        body: reviewBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const view = await readableProgress(context.db, request.params.id, user);
      if (view.row.unit_id !== user.unitId)
        throw forbidden('Only the unit head of the reporting unit may submit', '只有本单位负责人可以报送');
      await submitProgressReport(context.db, {
        id: view.row.id,
        version: request.body.version,
        actor: actorOf(user),
      });
      return presentStoredProgress(context.db, view.row.id);
    },
  );

  app.post(
    '/api/progress/:id/approve',
    {
      schema: {
        tags: ['progress'],
        summary: 'Approve (审核通过) a submitted 进展报告 (督查室)',
        params: progressIdParamsSchema,
        body: reviewBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const view = await readableProgress(context.db, request.params.id, user);
      await reviewProgressReport(context.db, {
        id: view.row.id,
        version: request.body.version,
        decision: 'approve',
        actor: actorOf(user),
      });
      return presentStoredProgress(context.db, view.row.id);
    },
  );

  app.post(
    '/api/progress/:id/return',
    {
      schema: {
        tags: ['progress'],
        summary: 'Return (退回) a submitted 进展报告 to its unit with a 退回理由 (督查室)',
        params: progressIdParamsSchema,
        body: returnBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const view = await readableProgress(context.db, request.params.id, user);
      await reviewProgressReport(context.db, {
        id: view.row.id,
        version: request.body.version,
        decision: 'return',
        reason: request.body.reason,
        actor: actorOf(user),
      });
      const userIds = await listUnitUserIds(context.db, [view.row.unit_id]);
      await context.notifier.notify(userIds, {
        kind: 'report_returned',
        title: `进展报告被退回：${view.row.task_text.slice(0, 30)}`,
        body: `退回理由：${request.body.reason}`,
        link: `/progress/${view.row.id}`,
        payload: { progressReportId: view.row.id, periodId: view.row.period_id },
      });
      await notifyReportUpReturned(context, view.row, request.body.reason);
      return presentStoredProgress(context.db, view.row.id);
    },
  );

  app.get(
    '/api/periods/:periodId/tasks/:taskId/consolidation',
    {
      schema: {
        tags: ['progress'],
        summary: "Every unit's part of a task in a period, for the 牵头单位 to consolidate (汇总)",
        params: periodTaskParamsSchema,
        response: { 200: consolidationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { periodId, taskId } = request.params;
      await findPeriod(context.db, periodId, user);
      const leads = (await listLeadUnitIds(context.db, [taskId])).get(taskId) ?? [];
      const allowed =
        user.role === 'admin' ||
        user.role === 'leader' ||
        (user.unitId !== null && leads.includes(user.unitId));
      if (!allowed)
        throw forbidden(
          'Only the lead unit, the office and leaders see the consolidation',
          '只有牵头单位、督查室和领导可以查看汇总',
        );
      const parts = await loadProgress(context.db, { periodId, taskId });
      const targets = await listTaskTargetIds(context.db, taskId);
      const totals = targets.map((targetId) => {
        const reported = parts.flatMap((p) =>
          p.values.filter((v) => v.targetId === targetId && v.value !== null),
        );
        return {
          targetId,
          sum: reported.length > 0 ? reported.reduce((s, v) => s + (v.value ?? 0), 0) : null,
          reported: reported.length,
        };
      });
      return { taskId, periodId, leadUnitIds: leads, parts: parts.map(presentProgress), totals };
    },
  );
};
