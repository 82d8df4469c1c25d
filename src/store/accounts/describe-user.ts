import type { User } from '../schema.js';

/** The public view of a user row (never the password hash): what the API answers and the audit keeps. */
export function describeUser(user: User) {
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
