import type { FastifyRequest } from 'fastify';
import { LuoshiError } from '../../core/errors.js';
import type { Actor } from '../../store/audit/append-audit-event.js';
import type { UserRole } from '../../store/schema.js';

/** The signed-in user as the server sees it on each request. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  /** The unit a reporter or unit head belongs to. */
  unitId: number | null;
  /** The user's organisation (政府): they read and write only its data. */
  organisationId: number | null;
  /** True while the user holds a one-time password: only the password change is allowed. */
  mustChangePassword?: boolean;
}

/** Roles whose people act for one unit and see only its work. */
export const UNIT_ROLES: readonly UserRole[] = ['reporter', 'unit_head'];

export function unauthenticated(): LuoshiError {
  return new LuoshiError('unauthenticated', 401, { en: 'Please sign in first', zh: '请先登录' });
}

/** 403 for a user who must first replace a one-time password (POST /api/session/password). */
export function passwordChangeRequired(): LuoshiError {
  return new LuoshiError('password_change_required', 403, {
    en: 'Change your one-time password first (POST /api/session/password)',
    zh: '请先修改一次性密码',
  });
}

/**
 * The signed-in user, or a 401. Handlers call it for the typed user: which roles may call a
 * route is checked before the handler, by the route-access table (route-access.ts) alone.
 */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/** True when the user reads everything (office and leaders). */
export function readsAll(user: SessionUser | null): boolean {
  return user !== null && (user.role === 'admin' || user.role === 'leader');
}

/** The audit actor for a signed-in user. */
export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.username };
}
