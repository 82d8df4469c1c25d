import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSessionByTokenHash, touchSession } from '../../store/accounts/manage-sessions.js';
import type { AppContext, ZodApp } from '../context.js';
import type { SessionUser } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for anonymous requests. */
    user: SessionUser | null;
  }
}

/** The cookie holding the session token (its SHA-256 is what the database stores). */
export const SESSION_COOKIE = 'luoshi_session';

/** Refresh last_seen/expiry at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether cookies need the Secure flag: when the public URL is https. */
export function secureCookies(context: AppContext): boolean {
  return context.config.PUBLIC_URL?.startsWith('https://') ?? false;
}

export function sessionTtlMs(context: AppContext): number {
  return context.config.SESSION_TTL_HOURS * 3_600_000;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, expiring with the session. */
export function setSessionCookie(reply: FastifyReply, context: AppContext, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(context),
    maxAge: Math.floor(sessionTtlMs(context) / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, context: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(context),
  });
}

/**
 * Resolves the session cookie of every request to `request.user`. Sessions live in the
 * database, so any instance behind a load balancer recognises them; expired sessions and
 * disabled users are anonymous.
 */
export function installSessionLookup(app: ZodApp, context: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const now = new Date();
    const found = await findSessionByTokenHash(context.db, hashToken(token), now.toISOString());
    if (!found || found.user.disabled) return;
    request.user = {
      id: found.user.id,
      username: found.user.username,
      displayName: found.user.display_name,
      role: found.user.role,
      unitId: found.user.unit_id,
    };
    if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
      const expiresAt = new Date(now.getTime() + sessionTtlMs(context)).toISOString();
      await touchSession(context.db, found.sessionId, now.toISOString(), expiresAt);
    }
  });
}
