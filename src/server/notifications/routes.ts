import { z } from 'zod';
import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from '../../store/notifications/create-notifications.js';
import type { Notification } from '../../store/schema.js';
import { requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { inboxQuerySchema, inboxSchema, markedSchema } from './schema.js';

function present(n: Notification) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.read_at,
    createdAt: n.created_at,
  };
}

/** 站内通知 — each user's inbox. */
export const notificationRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first',
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await listNotifications(
        context.db,
        user.id,
        request.query.unread === 'true',
        request.query.limit,
      );
      return { unread: await countUnread(context.db, user.id), notifications: rows.map(present) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: markedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return {
        marked: await markNotificationsRead(context.db, user.id, request.params.id, new Date().toISOString()),
      };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notifications read',
        response: { 200: markedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { marked: await markNotificationsRead(context.db, user.id, null, new Date().toISOString()) };
    },
  );
};
