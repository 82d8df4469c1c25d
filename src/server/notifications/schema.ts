import { z } from 'zod';

/** 站内通知 — one notification in a user's inbox. */
export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z
      .string()
      .describe(
        'period_opened | report_returned | deadline_near | overdue | period_due | instruction | superior_task',
      ),
    title: z.string(),
    body: z.string(),
    /** The app path it is about, e.g. /tasks/12. */
    link: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

/** GET /api/notifications */
export const inboxSchema = z.object({ unread: z.number().int(), notifications: z.array(notificationSchema) });

/** GET /api/notifications query: unread only, and how many. */
export const inboxQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** How many notifications a mark-read call marked. */
export const markedSchema = z.object({ marked: z.number().int() });
