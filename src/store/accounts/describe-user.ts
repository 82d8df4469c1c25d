import type { User } from '../schema.js';

/** Who a user is: the fields every presentation of a user starts with. */
function identityOf(
  user: Pick<User, 'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'organisation_id'>,
) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    unitId: user.unit_id,
    organisationId: user.organisation_id,
  };
}

/** The public view of a user row (never the password hash): what the API answers and the audit keeps. */
export function describeUser(user: User) {
  return {
    ...identityOf(user),
    email: user.email,
    disabled: user.disabled === 1,
    lockedUntil: user.locked_until,
    lastLoginAt: user.last_login_at,
    version: user.version,
  };
}

/**
 * The signed-in user as a session shows them (GET/POST /api/session and every request's user):
 * who they are, and `mustChangePassword` only while they hold a one-time password.
 */
export function describeSessionUser(
  user: Pick<
    User,
    'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'organisation_id' | 'must_change_password'
  >,
) {
  return {
    ...identityOf(user),
    ...(user.must_change_password === 1 ? { mustChangePassword: true } : {}),
  };
}
