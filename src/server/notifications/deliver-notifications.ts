import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../config/logger.js';
import { listUserContacts } from '../../store/accounts/list-user-contacts.js';
import {
  createNotifications,
  markDelivered,
  type NotificationInput,
} from '../../store/notifications/create-notifications.js';
import type { Database, Notification } from '../../store/schema.js';

/** Creates in-app notifications and sends them on by e-mail (SMTP_URL) and webhook (WEBHOOK_URL). */
export interface Notifier {
  notify(userIds: readonly number[], input: NotificationInput): Promise<Notification[]>;
  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  close(): void;
}

/**
 * Builds the notifier. Delivery happens after the notifications are stored and never fails the
 * request that caused them: errors are logged, and `delivered_at` is set only on success.
 */
export function createNotifier(db: Kysely<Database>, config: Config, logger: Logger): Notifier {
  const transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  const pending = new Set<Promise<void>>();

  async function deliver(rows: Notification[]): Promise<void> {
    if (rows.length === 0 || (!transport && !config.WEBHOOK_URL)) return;
    const users = await listUserContacts(
      db,
      rows.map((r) => r.user_id),
    );
    const byId = new Map(users.map((u) => [u.id, u]));
    const delivered: number[] = [];
    for (const row of rows) {
      const user = byId.get(row.user_id);
      let ok = false;
      const link = row.link && config.PUBLIC_URL ? new URL(row.link, config.PUBLIC_URL).toString() : row.link;
      if (transport && user?.email) {
        try {
          await transport.sendMail({
            from: config.MAIL_FROM,
            to: user.email,
            subject: `【落实】${row.title}`,
            text: `${row.body}${link ? `\n\n${link}` : ''}\n`,
          });
          ok = true;
        } catch (error) {
          logger.warn({ err: error, notificationId: row.id }, 'e-mail delivery failed');
        }
      }
      if (config.WEBHOOK_URL) {
        try {
          const response = await fetch(config.WEBHOOK_URL, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              id: row.id,
              kind: row.kind,
              title: row.title,
              body: row.body,
              link,
              user: user ? { id: user.id, username: user.username } : null,
              createdAt: row.created_at,
            }),
            signal: AbortSignal.timeout(10_000),
          });
          if (!response.ok) throw new Error(`webhook answered ${response.status}`);
          ok = true;
        } catch (error) {
          logger.warn({ err: error, notificationId: row.id }, 'webhook delivery failed');
        }
      }
      if (ok) delivered.push(row.id);
    }
    await markDelivered(db, delivered, new Date().toISOString());
  }

  return {
    async notify(userIds, input) {
      const rows = await createNotifications(db, userIds, input);
      const job = deliver(rows)
        .catch((error: unknown) => logger.warn({ err: error }, 'notification delivery failed'))
        .finally(() => pending.delete(job));
      pending.add(job);
      return rows;
    },
    async settled() {
      await Promise.all([...pending]);
    },
    close() {
      transport?.close();
    },
  };
}
