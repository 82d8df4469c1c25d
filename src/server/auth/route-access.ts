import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { forbidden } from '../../core/errors.js';
import type { UserRole } from '../../store/schema.js';
import type { ZodApp } from '../context.js';
import { requireUser } from './roles.js';

/**
 * Who may call a route at all: everyone (`public`; published data only for visitors), any
 * signed-in user (`signed-in`), or the listed roles. This table is the only role check: handlers
 * do not repeat it. Object-level rules (a unit's own reports, tasks and files) need the rows to
 * decide and live in object-access.ts.
 */
export type RouteAccess = 'public' | 'signed-in' | readonly UserRole[];

const ADMIN: readonly UserRole[] = ['admin'];
const LEADER: readonly UserRole[] = ['leader'];
const OFFICE_AND_LEADERS: readonly UserRole[] = ['admin', 'leader'];
const UNIT_PEOPLE: readonly UserRole[] = ['reporter', 'unit_head'];

/**
 * The access rule of every /api route, keyed by "METHOD /route" as registered. It is checked
 * in an onRequest hook, before the body is parsed and the request validated, so an anonymous or
 * unauthorised caller gets 401/403 whatever it sent, and only a permitted caller learns which
 * fields are wrong (400). A route missing here stops the server from starting.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /api/openapi.json': 'public',
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'POST /api/session/password': 'signed-in',

  'GET /api/reports': 'public',
  'GET /api/reports/:id': 'public',
  'GET /api/reports/:id/tasks': 'public',
  'GET /api/reports/:id/dashboard': 'public',
  'GET /api/tasks/:id': 'public',
  'GET /api/tasks/:id/source': 'public',
  'GET /api/tasks/:id/history': 'signed-in',
  'GET /api/tasks/:id/audit': 'signed-in',
  'GET /api/search': 'public',
  'GET /api/diff': 'public',
  'GET /api/promises': 'public',

  'GET /api/organisations': 'signed-in',
  'POST /api/organisations': ADMIN,
  'GET /api/units': 'signed-in',
  'POST /api/units': ADMIN,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'POST /api/users/:id/password': ADMIN,
  'PUT /api/users/:id/disabled': ADMIN,
  'POST /api/users/:id/unlock': ADMIN,

  'POST /api/tasks/:id/assignments': ADMIN,
  'PATCH /api/assignments/:id': ADMIN,
  'POST /api/reports/:id/assignments/bulk': ADMIN,

  'GET /api/reports/:id/periods': 'signed-in',
  'POST /api/reports/:id/periods': ADMIN,
  'POST /api/periods/:id/open': ADMIN,
  'POST /api/periods/:id/close': ADMIN,

  'GET /api/periods/:id/progress': 'signed-in',
  'PUT /api/periods/:periodId/tasks/:taskId/progress': UNIT_PEOPLE,
  'GET /api/progress/:id': 'signed-in',
  'POST /api/progress/:id/submit': ['unit_head'],
  'POST /api/progress/:id/approve': ADMIN,
  'POST /api/progress/:id/return': ADMIN,
  'GET /api/periods/:periodId/tasks/:taskId/consolidation': 'signed-in',
  'GET /api/periods/:id/progress.xlsx': ['admin', ...UNIT_PEOPLE],
  'POST /api/periods/:id/progress.xlsx': ['admin', ...UNIT_PEOPLE],

  'POST /api/progress/:id/attachments': UNIT_PEOPLE,
  'GET /api/progress/:id/attachments': 'signed-in',
  'GET /api/attachments/:id': 'signed-in',
  'DELETE /api/attachments/:id': UNIT_PEOPLE,

  'GET /api/tasks/:id/comments': 'signed-in',
  'POST /api/tasks/:id/comments': 'signed-in',
  'POST /api/tasks/:id/instructions': LEADER,
  'GET /api/flags': OFFICE_AND_LEADERS,
  'POST /api/tasks/:id/flag': LEADER,
  'DELETE /api/tasks/:id/flag': LEADER,

  'GET /api/notifications': 'signed-in',
  'POST /api/notifications/:id/read': 'signed-in',
  'POST /api/notifications/read-all': 'signed-in',

  'POST /api/imports': ADMIN,
  'POST /api/imports/division-plan': ADMIN,
  'POST /api/imports/:uploadId/commit': ADMIN,

  'GET /api/reports/:id/division.:format': OFFICE_AND_LEADERS,
  'POST /api/reports/:id/division.xlsx': ADMIN,
  'POST /api/reports/:id/division/preview': ADMIN,
  'POST /api/reports/:id/division/commit': ADMIN,
  // The 台账 export writes what the ledger list (GET /api/reports/:id/tasks) shows the reader.
  'GET /api/reports/:id/ledger.xlsx': 'public',
  'GET /api/reports/:id/bulletin.:format': OFFICE_AND_LEADERS,
  'GET /api/reports/:id/infographic.:format': 'public',

  // 上级交办 (issue #17): every user of a subordinate reads its superior tasks; its office acts.
  'GET /api/superior-tasks': 'signed-in',
  'GET /api/superior-tasks/:id': 'signed-in',
  'PATCH /api/superior-tasks/:id': ADMIN,
  'POST /api/superior-tasks/:id/accept': ADMIN,
  'POST /api/superior-tasks/:id/links': ADMIN,
  'DELETE /api/superior-tasks/:id/links/:taskId': ADMIN,
  'POST /api/superior-tasks/:id/decompose': ADMIN,
  'GET /api/superior-tasks/:id/periods/:periodId/report-up': OFFICE_AND_LEADERS,
  'PUT /api/superior-tasks/:id/periods/:periodId/report-up': ADMIN,
  'POST /api/superior-tasks/:id/periods/:periodId/report-up/submit': ADMIN,
  'GET /api/organisations/:id/decomposition': OFFICE_AND_LEADERS,
  'PUT /api/units/:id/represents': ADMIN,
};

function checkAccess(access: Exclude<RouteAccess, 'public'>): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const user = requireUser(request);
    if (access !== 'signed-in' && !access.includes(user.role)) throw forbidden();
  };
}

/**
 * Adds each /api route's access check (ROUTE_ACCESS) as its last onRequest hook — after the
 * CSRF check and the session lookup, before body parsing and validation. Call before the
 * routes are registered. The API reference under /api/docs is public.
 */
export function installRouteAccess(app: ZodApp): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Fastify adds a HEAD route beside every GET; it answers like the GET.
    const method = methods.map((m) => (m === 'HEAD' ? 'GET' : m))[0];
    const key = `${method} ${route.url}`;
    const access = ROUTE_ACCESS[key];
    if (access === undefined) {
      throw new Error(`No access rule for ${key}: add it to ROUTE_ACCESS in src/server/auth/route-access.ts`);
    }
    if (access === 'public') return;
    if (route.config?.sessionLookup === 'route') {
      throw new Error(
        `${key} looks its session up in the handler, so it cannot be restricted to signed-in users`,
      );
    }
    const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [...existing, checkAccess(access)];
  });
}
