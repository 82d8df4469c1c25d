import type { Kysely, Transaction } from 'kysely';
import { organisationOrRoot } from '../organisations/find-root-organisation.js';
import type { Database, User, UserRole } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewUserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRole;
  unitId: number | null;
  /** The user's organisation; default the root (the first-start administrator, the CLI). */
  organisationId?: number | null;
  email?: string | null;
  /** True for a one-time password someone else set: the user must change it at first sign-in. */
  mustChangePassword?: boolean;
}

/** Inserts a user; returns the new row. The caller checks the username is free. */
export async function createUser(db: Db, input: NewUserInput, now = new Date().toISOString()): Promise<User> {
  return db
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      role: input.role,
      unit_id: input.unitId,
      organisation_id: await organisationOrRoot(db, input.organisationId),
      email: input.email ?? null,
      must_change_password: input.mustChangePassword ? 1 : 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The users of one organisation (every user when none is given: the CLI operator), by id. */
export async function listUsers(db: Db, organisationId?: number | null): Promise<User[]> {
  let query = db.selectFrom('users').selectAll();
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId ?? -1);
  return query.orderBy('id').execute();
}

/** The user with this id if they belong to the organisation, else undefined. */
export async function findUserInOrganisation(
  db: Db,
  id: number,
  organisationId: number | null,
): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId ?? -1)
    .executeTakeFirst();
}

/**
 * Replaces the password hash and clears any lock-out. `oneTime`: someone else set it, so the
 * user must change it at the next sign-in; false when users change their own.
 */
export async function setUserPassword(
  db: Db,
  id: number,
  passwordHash: string,
  oneTime = false,
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: oneTime ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('users')
    .set((eb) => ({ disabled: disabled ? 1 : 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Counts a failed login; locks the account until `lockUntil` when given. */
export async function recordFailedLogin(db: Db, id: number, lockUntil: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      ...(lockUntil ? { locked_until: lockUntil } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function recordSuccessfulLogin(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', id)
    .execute();
}
