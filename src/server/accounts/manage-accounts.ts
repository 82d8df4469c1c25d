import type { Kysely } from 'kysely';
import { badInput, conflict, LuoshiError, notFound } from '../../core/errors.js';
import { hasInvisibleCharacters } from '../../core/invisible-characters.js';
import { clearFailedLogins } from '../../store/accounts/clear-failed-logins.js';
import { unlockUsername } from '../../store/accounts/login-throttles.js';
import { deleteUserSessions } from '../../store/accounts/manage-sessions.js';
import {
  createUser,
  findUserByUsername,
  setUserDisabled,
  setUserPassword,
} from '../../store/accounts/manage-users.js';
import { type Actor, appendAuditEvent } from '../../store/audit/append-audit-event.js';
import type { Database, User, UserRole } from '../../store/schema.js';
import { findUnitOrganisation } from '../../store/units/find-unit-organisation.js';
import { writeTransaction } from '../../store/write-transaction.js';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password.js';
import { UNIT_ROLES } from '../auth/roles.js';

export const ROLES: readonly UserRole[] = ['admin', 'reporter', 'unit_head', 'leader'];
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;

export interface AddUserInput {
  username: string;
  role: UserRole;
  displayName?: string;
  unitId?: number | null;
  /**
   * The organisation the account belongs to (the creating administrator's); its unit must be one
   * of the organisation's. Omitted (the CLI): the unit's organisation, else the root.
   */
  organisationId?: number | null;
  email?: string | null;
  /** Omit to generate a random one-time password (returned), which must be changed at first sign-in. */
  password?: string;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem)
    throw new LuoshiError('weak_password', 400, problem, {
      fields: [{ path: 'password', message: problem.en }],
    });
}

/** The public view of a user row (never the password hash). */
export function presentUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    unitId: user.unit_id,
    organisationId: user.organisation_id,
    email: user.email,
    disabled: user.disabled === 1,
    lockedUntil: user.locked_until,
    lastLoginAt: user.last_login_at,
    version: user.version,
  };
}

/**
 * Creates an account. Reporters and unit heads must belong to a unit; the others must not.
 * Returns the user and the password (generated when none was given).
 */
export async function addUser(
  db: Kysely<Database>,
  input: AddUserInput,
  actor: Actor,
): Promise<{ user: User; password: string }> {
  if (!USERNAME.test(input.username)) {
    throw badInput(
      'invalid_username',
      'A username has 2-64 letters, digits or _ . @ -',
      '用户名须为 2–64 个字母、数字或 _ . @ -',
    );
  }
  if (input.displayName !== undefined && hasInvisibleCharacters(input.displayName)) {
    throw badInput(
      'invalid_display_name',
      'A display name may not hold invisible or direction-changing characters',
      '显示名称不能包含不可见字符或方向控制字符',
    );
  }
  if (!ROLES.includes(input.role)) {
    throw badInput(
      'invalid_role',
      `Role must be one of ${ROLES.join(', ')}`,
      `角色须为 ${ROLES.join('、')} 之一`,
    );
  }
  const needsUnit = UNIT_ROLES.includes(input.role);
  if (needsUnit && !input.unitId) {
    throw badInput(
      'unit_required',
      'Reporters and unit heads belong to a unit',
      '承办人和单位负责人必须属于一个单位',
    );
  }
  const password = input.password ?? generatePassword();
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction(db, async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw conflict(`The username ${input.username} is taken`, `用户名 ${input.username} 已存在`);
    }
    let organisationId = input.organisationId;
    if (needsUnit) {
      const unit = await findUnitOrganisation(trx, input.unitId ?? 0);
      if (!unit || (organisationId !== undefined && unit.organisation_id !== organisationId)) {
        throw notFound(`Unit ${input.unitId}`, `单位 ${input.unitId}`);
      }
      organisationId = unit.organisation_id;
    }
    const created = await createUser(trx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      role: input.role,
      unitId: needsUnit ? (input.unitId ?? null) : null,
      organisationId: organisationId ?? null,
      email: input.email ?? null,
      mustChangePassword: input.password === undefined,
    });
    await appendAuditEvent(trx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: created.id,
      after: presentUser(created),
    });
    return created;
  });
  return { user, password };
}

async function requireUserNamed(db: Kysely<Database>, username: string): Promise<User> {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound(`User ${username}`, `用户 ${username}`);
  return user;
}

/**
 * Sets a new password, unlocks the account and ends its sessions. Without `given` a random
 * one-time password is generated, which the user must change at the next sign-in.
 */
export async function resetPassword(
  db: Kysely<Database>,
  username: string,
  actor: Actor,
  given?: string,
): Promise<string> {
  const password = given ?? generatePassword();
  checkPassword(password);
  const user = await requireUserNamed(db, username);
  const hash = await hashPassword(password);
  await writeTransaction(db, async (trx) => {
    await setUserPassword(trx, user.id, hash, given === undefined);
    await deleteUserSessions(trx, user.id);
    await unlockUsername(trx, user.username);
    await appendAuditEvent(trx, { actor, action: 'password', entity: 'user', entityId: user.id });
  });
  return password;
}

/**
 * The office's unlock: forgets the account's failed sign-ins and locks from every address
 * (login-throttles.ts), so its owner may sign in again at once.
 */
export async function unlockAccount(db: Kysely<Database>, username: string, actor: Actor): Promise<User> {
  const user = await requireUserNamed(db, username);
  await writeTransaction(db, async (trx) => {
    const cleared = await unlockUsername(trx, user.username);
    await clearFailedLogins(trx, user.id);
    await appendAuditEvent(trx, {
      actor,
      action: 'unlock',
      entity: 'user',
      entityId: user.id,
      after: { cleared },
    });
  });
  return user;
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setDisabled(
  db: Kysely<Database>,
  username: string,
  disabled: boolean,
  actor: Actor,
): Promise<User> {
  const user = await requireUserNamed(db, username);
  await writeTransaction(db, async (trx) => {
    await setUserDisabled(trx, user.id, disabled);
    if (disabled) await deleteUserSessions(trx, user.id);
    await appendAuditEvent(trx, {
      actor,
      action: disabled ? 'disable' : 'enable',
      entity: 'user',
      entityId: user.id,
      before: { disabled: user.disabled === 1 },
      after: { disabled },
    });
  });
  return { ...user, disabled: disabled ? 1 : 0 };
}
