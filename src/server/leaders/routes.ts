import { z } from 'zod';
import { listOfficeUserIds } from '../../store/accounts/list-office-user-ids.js';
import { addTaskComment } from '../../store/comments/add-task-comment.js';
import { listTaskComments } from '../../store/comments/list-task-comments.js';
import { clearFlags } from '../../store/flags/clear-flags.js';
import { flagTask } from '../../store/flags/flag-task.js';
import { listLiveFlags } from '../../store/flags/list-live-flags.js';
import { listUnitUserIds } from '../../store/notifications/create-notifications.js';
import type { TaskFlag } from '../../store/schema.js';
import { requireTaskAccess } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { taskIdParamsSchema } from '../tasks/schema.js';
import { commentBodySchema, commentSchema, flagSchema } from './schema.js';

function presentFlag(flag: TaskFlag) {
  return {
    id: flag.id,
    taskId: flag.node_id,
    userId: flag.user_id,
    note: flag.note,
    createdAt: flag.created_at,
  };
}

/** 领导关注 and 批示 — leaders flag tasks to watch and give instructions; everyone concerned can comment. */
export const leaderRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/tasks/:id/comments',
    {
      schema: {
        tags: ['tasks'],
        summary: "A task's 评论 and 领导批示",
        params: taskIdParamsSchema,
        response: { 200: z.object({ comments: z.array(commentSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireTaskAccess(context.db, user, request.params.id);
      return { comments: await listTaskComments(context.db, request.params.id) };
    },
  );

  for (const kind of ['comment', 'instruction'] as const) {
    app.post(
      kind === 'comment' ? '/api/tasks/:id/comments' : '/api/tasks/:id/instructions',
      {
        schema: {
          tags: ['tasks'],
          summary:
            kind === 'comment'
              ? 'Comment on a task'
              : 'Give an instruction (批示) on a task (leader); its units are notified',
          params: taskIdParamsSchema,
          body: commentBodySchema,
          response: { 200: commentSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const units = await requireTaskAccess(context.db, user, request.params.id);
        const row = await addTaskComment(context.db, {
          kind,
          taskId: request.params.id,
          authorId: user.id,
          body: request.body.body,
          actor: actorOf(user),
        });
        if (kind === 'instruction') {
          const userIds = [
            ...(await listUnitUserIds(context.db, units)),
            ...(await listOfficeUserIds(context.db, user.organisationId)),
          ];
          await context.notifier.notify(userIds, {
            kind: 'instruction',
            title: `领导批示：${user.displayName}`,
            body: request.body.body,
            link: `/tasks/${request.params.id}`,
            payload: { taskId: request.params.id, commentId: row.id },
          });
        }
        return {
          id: row.id,
          kind: row.kind,
          taskId: row.node_id,
          authorId: row.author_id,
          authorName: user.displayName,
          body: row.body,
          createdAt: row.created_at,
        };
      },
    );
  }

  app.get(
    '/api/flags',
    {
      schema: {
        tags: ['tasks'],
        summary:
          "Tasks of the organisation's reports flagged to watch (领导关注), by any leader (leader, office)",
        response: { 200: z.object({ flags: z.array(flagSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { flags: (await listLiveFlags(context.db, user.organisationId)).map(presentFlag) };
    },
  );

  app.post(
    '/api/tasks/:id/flag',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Flag a task to watch: 领导关注 (leader)',
        params: taskIdParamsSchema,
        body: z.object({ note: z.string().trim().max(1000).optional() }),
        response: { 200: flagSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireTaskAccess(context.db, user, request.params.id);
      const flag = await flagTask(context.db, {
        taskId: request.params.id,
        userId: user.id,
        note: request.body.note ?? null,
        actor: actorOf(user),
      });
      return presentFlag(flag);
    },
  );

  app.delete(
    '/api/tasks/:id/flag',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Clear your 领导关注 flag on a task (leader)',
        params: taskIdParamsSchema,
        response: { 200: z.object({ cleared: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const cleared = await clearFlags(
        context.db,
        request.params.id,
        user.id,
        actorOf(user),
        new Date().toISOString(),
      );
      return { cleared };
    },
  );
};
