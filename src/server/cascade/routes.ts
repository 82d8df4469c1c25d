import { forbidden } from '../../core/errors.js';
import { acceptSuperiorTask, updateSuperiorTask } from '../../store/cascade/accept-superior-task.js';
import { consolidateReportUp } from '../../store/cascade/consolidate-report-up.js';
import { decomposeSuperiorTask } from '../../store/cascade/decompose-superior-task.js';
import { linkSuperiorTask, unlinkSuperiorTask } from '../../store/cascade/link-superior-task.js';
import { listSubordinateDecomposition } from '../../store/cascade/list-subordinate-decomposition.js';
import { findSuperiorTask, listSuperiorTasks } from '../../store/cascade/list-superior-tasks.js';
import { representOrganisation } from '../../store/cascade/represent-organisation.js';
import { saveReportUp, submitReportUp } from '../../store/cascade/save-report-up.js';
import { actorOf, requireUser, type SessionUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { presentStoredProgress } from '../progress/present-progress.js';
import { progressReportSchema } from '../progress/schema.js';
import { presentUnit } from '../units/routes.js';
import {
  acceptSuperiorTaskBodySchema,
  decomposeResultSchema,
  decomposeSuperiorTaskBodySchema,
  decompositionParamsSchema,
  decompositionSchema,
  linkSuperiorTaskBodySchema,
  reportUpSchema,
  representBodySchema,
  representedUnitSchema,
  saveReportUpBodySchema,
  submitReportUpBodySchema,
  superiorTaskLinkParamsSchema,
  superiorTaskListQuerySchema,
  superiorTaskListSchema,
  superiorTaskParamsSchema,
  superiorTaskPeriodParamsSchema,
  superiorTaskSchema,
  updateSuperiorTaskBodySchema,
} from './schema.js';

/** The signed-in user's organisation: a user without one has no superior tasks and writes nothing. */
function organisationOf(user: SessionUser): number {
  if (user.organisationId === null)
    throw forbidden('Your account belongs to no organisation', '您的账号不属于任何机构');
  return user.organisationId;
}

/**
 * 上级交办 — the cascade between governments (issue #17). A superior assigns a task to the unit
 * that represents a subordinate organisation; the subordinate's office receives it here, accepts
 * it, links or decomposes it into its own tasks and reports it up each period as that unit's
 * progress report, which the superior reviews as any unit's. The superior reads a subordinate's
 * decomposition of its tasks read-only. Every store call is bounded by the user's organisation.
 */
export const cascadeRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/superior-tasks',
    {
      schema: {
        tags: ['cascade'],
        summary: '上级交办 inbox: the superior tasks handed down to your organisation',
        description:
          'Tasks the superior government assigned (as lead or cooperating unit) to the unit that represents your organisation, with their source report and task, 牵头领导, deadline and reference number. A task is received (pending) when the superior assigns it; reading writes nothing.',
        querystring: superiorTaskListQuerySchema,
        response: { 200: superiorTaskListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const organisationId = organisationOf(requireUser(request));
      const superiorTasks = await listSuperiorTasks(context.db, {
        organisationId,
        ...(request.query.status === undefined ? {} : { status: request.query.status }),
      });
      return { superiorTasks };
    },
  );

  app.get(
    '/api/superior-tasks/:id',
    {
      schema: {
        tags: ['cascade'],
        summary: 'One superior task of your organisation',
        params: superiorTaskParamsSchema,
        response: { 200: superiorTaskSchema, ...errorResponses },
      },
    },
    async (request) =>
      findSuperiorTask(context.db, {
        id: request.params.id,
        organisationId: organisationOf(requireUser(request)),
      }),
  );

  app.patch(
    '/api/superior-tasks/:id',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Edit the reference number of a superior task (office)',
        params: superiorTaskParamsSchema,
        body: updateSuperiorTaskBodySchema,
        response: { 200: superiorTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = organisationOf(user);
      await updateSuperiorTask(context.db, {
        id: request.params.id,
        organisationId,
        version: request.body.version,
        referenceNumber: request.body.referenceNumber,
        actor: actorOf(user),
      });
      return findSuperiorTask(context.db, { id: request.params.id, organisationId });
    },
  );

  app.post(
    '/api/superior-tasks/:id/accept',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Accept a pending superior task (office)',
        params: superiorTaskParamsSchema,
        body: acceptSuperiorTaskBodySchema,
        response: { 200: superiorTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = organisationOf(user);
      await acceptSuperiorTask(context.db, {
        id: request.params.id,
        organisationId,
        version: request.body.version,
        ...(request.body.referenceNumber === undefined
          ? {}
          : { referenceNumber: request.body.referenceNumber }),
        actor: actorOf(user),
      });
      return findSuperiorTask(context.db, { id: request.params.id, organisationId });
    },
  );

  app.post(
    '/api/superior-tasks/:id/links',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Link an accepted superior task to tasks of your own reports (office)',
        params: superiorTaskParamsSchema,
        body: linkSuperiorTaskBodySchema,
        response: { 200: superiorTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = organisationOf(user);
      await linkSuperiorTask(context.db, {
        id: request.params.id,
        organisationId,
        taskIds: request.body.taskIds,
        actor: actorOf(user),
      });
      return findSuperiorTask(context.db, { id: request.params.id, organisationId });
    },
  );

  app.delete(
    '/api/superior-tasks/:id/links/:taskId',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Remove the link of a superior task to one of your tasks (the task stays) (office)',
        params: superiorTaskLinkParamsSchema,
        response: { 200: superiorTaskSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = organisationOf(user);
      await unlinkSuperiorTask(context.db, {
        id: request.params.id,
        organisationId,
        taskId: request.params.taskId,
        actor: actorOf(user),
      });
      return findSuperiorTask(context.db, { id: request.params.id, organisationId });
    },
  );

  app.post(
    '/api/superior-tasks/:id/decompose',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Decompose an accepted superior task into new tasks of your own report (office)',
        description:
          'Writes the tasks (with their targets) under the area 上级交办任务 of the chosen report and links them, in one transaction. Assign them to your units with POST /api/tasks/:id/assignments.',
        params: superiorTaskParamsSchema,
        body: decomposeSuperiorTaskBodySchema,
        response: { 200: decomposeResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = organisationOf(user);
      const result = await decomposeSuperiorTask(context.db, {
        id: request.params.id,
        organisationId,
        reportId: request.body.reportId,
        tasks: request.body.tasks.map((task) => ({
          text: task.text,
          deadline: task.deadline ?? null,
          targets: (task.targets ?? []).map((target) => ({
            subject: target.subject,
            value: target.value,
            unit: target.unit,
            ...(target.comparator === undefined ? {} : { comparator: target.comparator }),
            ...(target.change === undefined ? {} : { change: target.change }),
            ...(target.max === undefined ? {} : { max: target.max }),
          })),
        })),
        actor: actorOf(user),
      });
      return {
        areaId: result.areaId,
        taskIds: result.tasks.map((task) => task.id),
        superiorTask: await findSuperiorTask(context.db, { id: request.params.id, organisationId }),
      };
    },
  );

  app.get(
    '/api/superior-tasks/:id/periods/:periodId/report-up',
    {
      schema: {
        tags: ['cascade'],
        summary:
          'The report up on a superior task for a superior period: consolidated draft and saved report',
        params: superiorTaskPeriodParamsSchema,
        response: { 200: reportUpSchema, ...errorResponses },
      },
    },
    async (request) => {
      const organisationId = organisationOf(requireUser(request));
      const view = await consolidateReportUp(context.db, {
        id: request.params.id,
        organisationId,
        periodId: request.params.periodId,
      });
      return {
        superiorTask: view.superiorTask,
        period: {
          id: view.period.id,
          label: view.period.label,
          startsOn: view.period.starts_on,
          endsOn: view.period.ends_on,
          dueOn: view.period.due_on,
          status: view.period.status,
        },
        draft: view.draft,
        sources: view.sources,
        gaps: view.gaps,
        current: view.current ? await presentStoredProgress(context.db, view.current.row.id) : null,
      };
    },
  );

  app.put(
    '/api/superior-tasks/:id/periods/:periodId/report-up',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Save the report up (draft) on a superior task for a superior period (office)',
        description:
          'Stored as the progress report of the unit representing your organisation, on the superior task, in the superior period: editable while draft or returned.',
        params: superiorTaskPeriodParamsSchema,
        body: saveReportUpBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      // A written field the body leaves out is kept as stored (ProgressReportFields).
      const saved = await saveReportUp(context.db, {
        ...request.body,
        id: request.params.id,
        organisationId: organisationOf(user),
        periodId: request.params.periodId,
        actor: actorOf(user),
      });
      return presentStoredProgress(context.db, saved.row.id);
    },
  );

  app.post(
    '/api/superior-tasks/:id/periods/:periodId/report-up/submit',
    {
      schema: {
        tags: ['cascade'],
        summary: 'Submit the saved report up to the superior (office)',
        params: superiorTaskPeriodParamsSchema,
        body: submitReportUpBodySchema,
        response: { 200: progressReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const submitted = await submitReportUp(context.db, {
        id: request.params.id,
        organisationId: organisationOf(user),
        periodId: request.params.periodId,
        version: request.body.version,
        actor: actorOf(user),
      });
      return presentStoredProgress(context.db, submitted.row.id);
    },
  );

  app.get(
    '/api/organisations/:id/decomposition',
    {
      schema: {
        tags: ['cascade'],
        summary: "A subordinate organisation's decomposition of your tasks (read-only)",
        description:
          'The superior tasks your organisation handed down to a subordinate (any level below), with their status, reference numbers, linked own tasks and units. 404 for an organisation not below yours.',
        params: decompositionParamsSchema,
        response: { 200: decompositionSchema, ...errorResponses },
      },
    },
    async (request) =>
      listSubordinateDecomposition(context.db, {
        viewerOrganisationId: organisationOf(requireUser(request)),
        organisationId: request.params.id,
      }),
  );

  app.put(
    '/api/units/:id/represents',
    {
      schema: {
        tags: ['cascade'],
        summary:
          'Make one of your units stand for a subordinate government, or an ordinary unit again (office)',
        description:
          'A task assigned to a unit that represents a subordinate organisation is handed down to it as a 上级交办任务.',
        params: superiorTaskParamsSchema,
        body: representBodySchema,
        response: { 200: representedUnitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const unit = await representOrganisation(context.db, {
        unitId: request.params.id,
        organisationId: organisationOf(user),
        version: request.body.version,
        representsOrganisationId: request.body.organisationId,
        actor: actorOf(user),
      });
      return { ...presentUnit(unit), representsOrganisationId: unit.represents_organisation_id };
    },
  );
};
