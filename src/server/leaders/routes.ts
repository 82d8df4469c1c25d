import { z } from 'zod';
import { clearFlags } from '../../store/flags/clear-flags.js';
import { listUnitUserIds } from '../../store/notifications/create-notifications.js';
import { insertAudited } from '../../store/versioned/insert-audited.js';
import { writeTransaction } from '../../store/write-transaction.js';
import { actorOf, requireRole, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { requireTaskAccess } from '../tasks/require-task-access.js';
import { taskIdParamsSchema } from '../tasks/schema.js';
import { commentBodySchema, commentSchema, flagSchema } from './schema.js';

/** 领导关注 and 批示 — leaders flag tasks to watch and give instructions; everyone concerned can comment. */
export const leaderRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/tasks/:id/comments',
    {
      schema: {
        tags: ['tasks'],
        summary: "A task's comments and leaders' instructions",
        params: taskIdParamsSchema,
        response: { 200: z.object({ comments: z.array(commentSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await requireTaskAccess(context.db, user, request.params.id);
      const rows = await context.db
        .selectFrom('comments as c')
        .innerJoin('users as u', 'u.id', 'c.author_id')
        .select(['c.id', 'c.kind', 'c.node_id', 'c.author_id', 'u.display_name', 'c.body', 'c.created_at'])
        .where('c.node_id', '=', request.params.id)
        .where('c.archived', '=', 0)
        .orderBy('c.id')
        .execute();
      return {
        comments: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          taskId: r.node_id,
          authorId: r.author_id,
          authorName: r.display_name,
          body: r.body,
          createdAt: r.created_at,
        })),
      };
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
        const user = kind === 'instruction' ? requireRole(request, 'leader') : requireUser(request);
        const units = await requireTaskAccess(context.db, user, request.params.id);
        const now = new Date().toISOString();
        const row = await writeTransaction(context.db, (trx) =>
          insertAudited(
            trx,
            'comments',
            {
              kind,
              node_id: request.params.id,
              progress_report_id: null,
              author_id: user.id,
              body: request.body.body,
              archived: 0,
              created_at: now,
              updated_at: now,
            },
            actorOf(user),
            kind,
          ),
        );
        if (kind === 'instruction') {
          const admins = await context.db
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'admin')
            .where('disabled', '=', 0)
            .execute();
          const userIds = [...(await listUnitUserIds(context.db, units)), ...admins.map((a) => a.id)];
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
        summary: 'Tasks flagged to watch (领导关注), by any leader (leader, office)',
        response: { 200: z.object({ flags: z.array(flagSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'leader', 'admin');
      const rows = await context.db
        .selectFrom('flags')
        .selectAll()
        .where('cleared_at', 'is', null)
        .orderBy('id', 'desc')
        .execute();
      return {
        flags: rows.map((r) => ({
          id: r.id,
          taskId: r.node_id,
          userId: r.user_id,
          note: r.note,
          createdAt: r.created_at,
        })),
      };
    },
  );

  app.post(
    '/api/tasks/:id/flag',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Flag a task to watch (leader)',
        params: taskIdParamsSchema,
        body: z.object({ note: z.string().trim().max(1000).optional() }),
        response: { 200: flagSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'leader');
      await requireTaskAccess(context.db, user, request.params.id);
      const now = new Date().toISOString();
      const row = await writeTransaction(context.db, async (trx) => {
        const existing = await trx
          .selectFrom('flags')
          .selectAll()
          .where('node_id', '=', request.params.id)
          .where('user_id', '=', user.id)
          .where('cleared_at', 'is', null)
          .executeTakeFirst();
        if (existing) return existing;
        return insertAudited(
          trx,
          'flags',
          {
            node_id: request.params.id,
            user_id: user.id,
            note: request.body.note ?? null,
            cleared_at: null,
            created_at: now,
            updated_at: now,
          },
          actorOf(user),
          'flag',
        );
      });
      return {
        id: row.id,
        taskId: row.node_id,
        userId: row.user_id,
        note: row.note,
        createdAt: row.created_at,
      };
    },
  );

  app.delete(
    '/api/tasks/:id/flag',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Clear your flag on a task (leader)',
        params: taskIdParamsSchema,
        response: { 200: z.object({ cleared: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'leader');
      const now = new Date().toISOString();
      const cleared = await writeTransaction(context.db, (trx) =>
        clearFlags(trx, request.params.id, user.id, actorOf(user), now),
      );
      return { cleared };
    },
  );
};
