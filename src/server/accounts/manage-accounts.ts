import type { Kysely } from 'kysely';
import { badInput, LuoshiError, notFound } from '../../core/errors.js';
import { hasInvisibleCharacters } from '../../core/invisible-characters.js';
import { createUserAccount, type NewUserAccount } from '../../store/accounts/create-user-account.js';
import { disableUser } from '../../store/accounts/disable-user.js';
import { findUserByUsername } from '../../store/accounts/manage-users.js';
import { resetUserPassword } from '../../store/accounts/reset-user-password.js';
import { unlockUser } from '../../store/accounts/unlock-user.js';
import type { Actor } from '../../store/audit/append-audit-event.js';
import type { Database, User, UserRole } from '../../store/schema.js';
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

/**
 * Checks a new account's fields and hashes its password (the given one, or a generated one-time
 * password): the account to create and the password to hand over. Nothing is written.
 */
export async function prepareAccount(
  input: AddUserInput,
): Promise<{ account: NewUserAccount; password: string }> {
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
  const account: NewUserAccount = {
    username: input.username,
    displayName: input.displayName ?? input.username,
    passwordHash: await hashPassword(password),
    role: input.role,
    unitId: needsUnit ? (input.unitId ?? null) : null,
    ...(input.organisationId === undefined ? {} : { organisationId: input.organisationId }),
    email: input.email ?? null,
    mustChangePassword: input.password === undefined,
  };
  return { account, password };
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
  const { account, password } = await prepareAccount(input);
  return { user: await createUserAccount(db, account, actor), password };
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
  await resetUserPassword(db, user, hash, given === undefined, actor);
  return password;
}

/**
 * The office's unlock: forgets the account's failed sign-ins and locks from every address
 * (login-throttles.ts), so its owner may sign in again at once.
 */
export async function unlockAccount(db: Kysely<Database>, username: string, actor: Actor): Promise<User> {
  const user = await requireUserNamed(db, username);
  await unlockUser(db, user, actor);
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
  await disableUser(db, user, disabled, actor);
  return { ...user, disabled: disabled ? 1 : 0 };
}
