import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeSessionUser } from '../../store/accounts/describe-user.js';
import {
  createSession,
  findSessionByTokenHash,
  type SessionWithUser,
  touchSession,
} from '../../store/accounts/manage-sessions.js';
import type { AppContext, ZodApp } from '../context.js';
import { passwordChangeRequired, type SessionUser } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for anonymous requests. */
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /**
     * 'route': the route looks the session up itself, in the same query as the data it checks
     * (see adoptSession), so a cached read costs one database round trip; the hook skips it.
     */
    sessionLookup?: 'route';
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

/**
 * Stores a new session for the user, expiring one session lifetime after `now`, with its own CSRF
 * token; returns the session token for the cookie (only its hash is stored).
 */
export async function startSession(context: AppContext, userId: number, now: Date): Promise<string> {
  const token = newSessionToken();
  await createSession(context.db, {
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomBytes(16).toString('base64url'),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionTtlMs(context)).toISOString(),
  });
  return token;
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

/** The session token of the request's cookie, or null when it has none (or a silly one). */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return !token || token.length > 200 ? null : token;
}

/** The hash of the request's session token (what the database stores), or null. */
function sessionTokenHashOf(request: FastifyRequest): string | null {
  const token = sessionTokenOf(request);
  return token === null ? null : hashToken(token);
}

/** The calls a user holding a one-time password may still make: the session and the change. */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/session',
  'HEAD /api/session',
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/session/password',
]);

/**
 * Makes a looked-up session the request's user (expired sessions are never found; disabled
 * users stay anonymous), and slides its expiry when it was last refreshed long enough ago.
 * A user who must replace a one-time password gets 403 password_change_required on every
 * /api call but the session ones.
 */
export async function adoptSession(
  request: FastifyRequest,
  context: AppContext,
  found: SessionWithUser | undefined,
  now: Date,
): Promise<void> {
  if (!found || found.user.disabled) return;
  request.user = describeSessionUser(found.user);
  if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + sessionTtlMs(context)).toISOString();
    await touchSession(context.db, found.sessionId, now.toISOString(), expiresAt);
  }
  if (found.user.must_change_password === 1) {
    const url = request.routeOptions.url ?? '';
    if (
      url.startsWith('/api/') &&
      !url.startsWith('/api/docs') &&
      !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${url}`)
    ) {
      throw passwordChangeRequired();
    }
  }
}

/**
 * Resolves the session cookie of every request to `request.user`. Sessions live in the
 * database, so any instance behind a load balancer recognises them; expired sessions and
 * disabled users are anonymous. Routes configured with `sessionLookup: 'route'` do the same
 * lookup themselves, joined into their own first query.
 */
export function installSessionLookup(app: ZodApp, context: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config?.sessionLookup === 'route') return;
    const tokenHash = sessionTokenHashOf(request);
    if (!tokenHash) return;
    const now = new Date();
    await adoptSession(
      request,
      context,
      await findSessionByTokenHash(context.db, tokenHash, now.toISOString()),
      now,
    );
  });
}
