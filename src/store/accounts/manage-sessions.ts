import type { Kysely, Transaction } from 'kysely';
import type { Database, User } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export async function createSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export interface SessionWithUser {
  sessionId: number;
  expiresAt: string;
  lastSeenAt: string;
  user: Pick<
    User,
    | 'id'
    | 'username'
    | 'display_name'
    | 'role'
    | 'unit_id'
    | 'organisation_id'
    | 'disabled'
    | 'must_change_password'
  >;
}

/** The live session with this token hash and its user, or undefined (unknown or expired). */
export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'users.organisation_id',
      'users.disabled',
      'users.must_change_password',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId: row.session_id,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    user: {
      id: row.id,
      username: row.username,
      display_name: row.display_name,
      role: row.role,
      unit_id: row.unit_id,
      organisation_id: row.organisation_id,
      disabled: row.disabled,
      must_change_password: row.must_change_password,
    },
  };
}

/** Slides a session's expiry forward. */
export async function touchSession(db: Db, sessionId: number, now: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
