import { randomBytes } from 'node:crypto';
import { LuoshiError } from '../../core/errors.js';
import { describeSessionUser } from '../../store/accounts/describe-user.js';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from '../../store/accounts/login-throttles.js';
import { deleteSessionByTokenHash, deleteUserSessions } from '../../store/accounts/manage-sessions.js';
import {
  findUserById,
  findUserByUsername,
  recordFailedLogin,
  recordSuccessfulLogin,
  setUserPassword,
} from '../../store/accounts/manage-users.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { requireUser } from './roles.js';
import { changePasswordBodySchema, loginBodySchema, okSchema, sessionResponseSchema } from './schema.js';
import { clearSessionCookie, hashToken, SESSION_COOKIE, setSessionCookie, startSession } from './session.js';

/** A real hash to verify against when the user does not exist, so timing does not reveal usernames. */
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

function invalidCredentials(): LuoshiError {
  return new LuoshiError('invalid_credentials', 401, {
    en: 'Wrong username or password',
    zh: '用户名或密码错误',
  });
}

/** Sign-ins for this username from this address are locked for a while: the same for every username. */
function tooManyAttempts(until: string): LuoshiError {
  return new LuoshiError(
    'too_many_attempts',
    429,
    {
      en: `Too many failed sign-ins from here; try again after ${until} or ask the office to unlock`,
      zh: `登录失败次数过多，请于 ${until} 后再试，或请督查室解锁`,
    },
    { lockedUntil: until },
  );
}

/** Sign-in, sign-out, the current session and password changes. */
export const sessionRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in user and a CSRF token',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => ({ user: request.user, csrfToken: reply.generateCsrf() }),
  );

  app.post(
    '/api/session',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary:
          'Sign in (rate-limited; repeated failures lock the username from that address, for longer each time)',
        body: loginBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = new Date();
      // Failures are counted per username as typed AND client address, whether or not the
      // account exists: the answer never tells a real account from an unknown one, and an
      // attacker elsewhere cannot lock the office out.
      const locked = await lockedUntil(context.db, username, request.ip, now);
      if (locked) throw tooManyAttempts(locked);
      const user = await findUserByUsername(context.db, username);
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
      if (!user || !ok || user.disabled) {
        if (!ok) {
          const lock = await recordLoginFailure(context.db, username, request.ip, now, {
            maxFailures: context.config.LOGIN_MAX_FAILURES,
            lockMinutes: context.config.LOGIN_LOCK_MINUTES,
          });
          if (user) await recordFailedLogin(context.db, user.id, null);
          request.log.warn({ username, locked: lock !== null }, 'failed sign-in');
        }
        throw invalidCredentials();
      }
      await clearLoginFailures(context.db, username, request.ip);
      // Session fixation: whatever token the browser brought is dropped and a fresh one issued.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSessionByTokenHash(context.db, hashToken(previous));
      const token = await startSession(context, user.id, now);
      await recordSuccessfulLogin(context.db, user.id, now.toISOString());
      setSessionCookie(reply, context, token);
      request.log.info({ userId: user.id }, 'signed in');
      return {
        user: describeSessionUser(user),
        csrfToken: reply.generateCsrf(),
      };
    },
  );

  app.delete(
    '/api/session',
    {
      schema: { tags: ['session'], summary: 'Sign out', response: { 200: okSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSessionByTokenHash(context.db, hashToken(token));
      clearSessionCookie(reply, context);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/session/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary:
          'Change your own password (signs out your other sessions); required first after a one-time password',
        body: changePasswordBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sessionUser = requireUser(request);
      const user = await findUserById(context.db, sessionUser.id);
      if (!user || !(await verifyPassword(request.body.currentPassword, user.password_hash))) {
        throw invalidCredentials();
      }
      const problem =
        request.body.newPassword === request.body.currentPassword
          ? { en: 'The new password must differ from the current one', zh: '新密码不能与当前密码相同' }
          : passwordProblem(request.body.newPassword, [user.username, user.display_name]);
      if (problem) {
        throw new LuoshiError('weak_password', 400, problem, {
          fields: [{ path: 'body.newPassword', message: problem.en }],
        });
      }
      await setUserPassword(context.db, user.id, await hashPassword(request.body.newPassword));
      await deleteUserSessions(context.db, user.id);
      const token = await startSession(context, user.id, new Date());
      setSessionCookie(reply, context, token);
      const { mustChangePassword: _done, ...changed } = sessionUser;
      return { user: changed, csrfToken: reply.generateCsrf() };
    },
  );
};
