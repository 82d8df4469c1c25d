import { isLuoshiError, LuoshiError } from '../../core/errors.js';
import { assignTask, assignTasks } from '../../store/assignments/assign-task.js';
import { findAssignmentPair } from '../../store/assignments/find-assignment-pair.js';
import { updateAssignment } from '../../store/assignments/update-assignment.js';
import type { Assignment } from '../../store/schema.js';
import { parseMilestones } from '../../store/status/list-task-status-inputs.js';
import { listReportTaskIds } from '../../store/tasks/list-report-task-ids.js';
import { findVisibleReport } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import { notifyHandedDown } from '../cascade/notify-subordinate-office.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { taskIdParamsSchema } from '../tasks/schema.js';
import {
  assignBodySchema,
  assignmentIdParamsSchema,
  assignmentRowSchema,
  bulkAssignBodySchema,
  bulkAssignResultSchema,
  updateAssignmentBodySchema,
} from './schema.js';

export function presentAssignment(row: Assignment) {
  return {
    id: row.id,
    taskId: row.node_id,
    unitId: row.unit_id,
    role: row.role,
    leadOfficial: row.lead_official,
    deadline: row.deadline,
    milestones: parseMilestones(row.milestones_json),
    note: row.note,
    archived: row.archived === 1,
    version: row.version,
  };
}

/** 分工 — the office assigns tasks to lead and cooperating units, one by one or in bulk. */
export const assignmentRoutes: RouteModule = (app, context) => {
  app.post(
    '/api/tasks/:id/assignments',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Assign a task to a unit as 牵头单位 or 配合单位 (office)',
        params: taskIdParamsSchema,
        body: assignBodySchema,
        response: { 200: assignmentRowSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { unitId, role, leadOfficial, deadline, milestones, note } = request.body;
      const row = await assignTask(context.db, {
        taskId: request.params.id,
        unitId,
        role,
        leadOfficial: leadOfficial ?? null,
        deadline: deadline ?? null,
        milestones: milestones ?? [],
        note: note ?? null,
        actor: actorOf(user),
        organisationId: user.organisationId,
      });
      await notifyHandedDown(context, [row.id]);
      return presentAssignment(row);
    },
  );

  app.patch(
    '/api/assignments/:id',
    {
      schema: {
        tags: ['assignments'],
        summary:
          'Change or remove an assignment: 牵头领导, 完成时限, 形象进度 (office; send the version you read)',
        params: assignmentIdParamsSchema,
        body: updateAssignmentBodySchema,
        response: { 200: assignmentRowSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { version, ...changes } = request.body;
      const row = await updateAssignment(context.db, {
        id: request.params.id,
        version,
        changes: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        actor: actorOf(user),
        organisationId: user.organisationId,
      });
      return presentAssignment(row);
    },
  );

  app.post(
    '/api/reports/:id/assignments/bulk',
    {
      schema: {
        tags: ['assignments'],
        summary: '分工 of many tasks at once: all are made, or none and the failing item is named (office)',
        params: taskIdParamsSchema,
        body: bulkAssignBodySchema,
        response: { 200: bulkAssignResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await findVisibleReport(context.db, request.params.id, user);
      const items = request.body.items;
      const taskIds = [...new Set(items.map((i) => i.taskId))];
      const known = new Set(await listReportTaskIds(context.db, request.params.id, taskIds));
      const fields = items.flatMap((item, index) =>
        known.has(item.taskId)
          ? []
          : [
              {
                path: `body.items.${index}.taskId`,
                message: `task ${item.taskId} is not a task of this report`,
              },
            ],
      );
      if (fields.length > 0) {
        throw new LuoshiError(
          'invalid_items',
          400,
          { en: 'Some items are invalid; nothing was assigned', zh: '部分条目无效，未做任何分工' },
          { fields },
        );
      }
      try {
        const rows = await assignTasks(
          context.db,
          items.map((item) => ({
            taskId: item.taskId,
            unitId: item.unitId,
            role: item.role,
            leadOfficial: item.leadOfficial ?? null,
            deadline: item.deadline ?? null,
            milestones: item.milestones ?? [],
            note: item.note ?? null,
            organisationId: user.organisationId,
          })),
          actorOf(user),
        );
        await notifyHandedDown(
          context,
          rows.map((row) => row.id),
        );
        return { created: rows.length, assignments: rows.map(presentAssignment) };
      } catch (error) {
        if (!isLuoshiError(error)) throw error;
        // Name the item that failed: re-check each one alone against the unchanged database.
        const failing = await findFailingItem(items, error);
        throw new LuoshiError(
          error.code,
          error.status,
          { en: `${error.message}; nothing was assigned`, zh: `${error.messageZh}；未做任何分工` },
          failing === null
            ? undefined
            : { fields: [{ path: `body.items.${failing}`, message: error.message }] },
        );
      }
    },
  );

  /** The index of the item an error is about, from the task and unit it names. */
  async function findFailingItem(
    items: readonly { taskId: number; unitId: number }[],
    error: LuoshiError,
  ): Promise<number | null> {
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const key = `${item.taskId}:${item.unitId}`;
      if (seen.has(key)) return index;
      seen.add(key);
    }
    const details = error.details ?? {};
    const assignmentId = typeof details.assignmentId === 'number' ? details.assignmentId : null;
    if (assignmentId !== null) {
      const pair = await findAssignmentPair(context.db, assignmentId);
      const index = items.findIndex((i) => i.taskId === pair?.taskId && i.unitId === pair?.unitId);
      if (index >= 0) return index;
    }
    return null;
  }
};
