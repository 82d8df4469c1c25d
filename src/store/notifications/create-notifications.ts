import type { Kysely, Transaction } from 'kysely';
import type { Database, Notification } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** 站内通知 kinds. */
export type NotificationKind =
  | 'period_opened'
  | 'report_returned'
  | 'deadline_near'
  | 'overdue'
  | 'instruction'
  | 'period_due'
  /** A superior handed a task down to the user's organisation (上级交办). */
  | 'superior_task';

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  payload?: Record<string, unknown>;
}

/** Active users of these units (reporters and unit heads). */
export async function listUnitUserIds(db: Db, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('unit_id', 'in', [...unitIds])
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Inserts one notification per user; returns the rows (for e-mail/webhook delivery). */
export async function createNotifications(
  db: Db,
  userIds: readonly number[],
  input: NotificationInput,
  now = new Date().toISOString(),
): Promise<Notification[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(
      unique.map((userId) => ({
        user_id: userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        payload_json: input.payload ? JSON.stringify(input.payload) : null,
        read_at: null,
        delivered_at: null,
        created_at: now,
      })),
    )
    .returningAll()
    .execute();
}

/** True when this user already got a notification of this kind with this dedupe key. */
export async function hasNotification(
  db: Db,
  userId: number,
  kind: string,
  link: string | null,
  since: string,
): Promise<boolean> {
  let query = db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('created_at', '>=', since);
  query = link === null ? query.where('link', 'is', null) : query.where('link', '=', link);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listNotifications(
  db: Db,
  userId: number,
  unreadOnly: boolean,
  limit: number,
): Promise<Notification[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one (or, without id, every) notification of the user read; returns how many changed. */
export async function markNotificationsRead(
  db: Db,
  userId: number,
  id: number | null,
  now: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markDelivered(db: Db, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ delivered_at: now })
    .where('id', 'in', [...ids])
    .execute();
}
