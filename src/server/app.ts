import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { changeWatchOf } from '../store/change-watch.js';
import type { Database } from '../store/schema.js';
import { onInvalidStoredData } from '../store/status/list-task-status-inputs.js';
import { assignmentRoutes } from './assignments/routes.js';
import { attachmentRoutes } from './attachments/routes.js';
import { installRouteAccess } from './auth/route-access.js';
import { sessionRoutes } from './auth/routes.js';
import { installSessionLookup, secureCookies } from './auth/session.js';
import { cascadeRoutes } from './cascade/routes.js';
import type { AppContext, RouteModule } from './context.js';
import { divisionRoutes } from './division/routes.js';
import { installErrorHandling } from './errors.js';
import { importRoutes } from './imports/routes.js';
import { leaderRoutes } from './leaders/routes.js';
import { createNotifier } from './notifications/deliver-notifications.js';
import { notificationRoutes } from './notifications/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { periodRoutes } from './periods/routes.js';
import { progressRoutes } from './progress/routes.js';
import { publishRoutes } from './publish/routes.js';
import { reportRoutes } from './reports/routes.js';
import { ViewStateCache } from './reports/view-state-cache.js';
import { searchRoutes } from './search/routes.js';
import { installSecurityHeaders } from './security/security-headers.js';
import { spreadsheetRoutes } from './spreadsheets/routes.js';
import { taskActivityRoutes } from './tasks/activity-routes.js';
import { taskRoutes } from './tasks/routes.js';
import { serverToday } from './today.js';
import { unitRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';
import { installWebApp } from './web/serve-web-app.js';

/**
 * Every route module of the API, in registration order. To add routes, write a
 * `RouteModule` in its own folder and add ONE line here.
 */
export const routeModules: RouteModule[] = [
  sessionRoutes,
  reportRoutes,
  taskRoutes,
  taskActivityRoutes,
  unitRoutes,
  userRoutes,
  assignmentRoutes,
  periodRoutes,
  progressRoutes,
  notificationRoutes,
  importRoutes,
  searchRoutes,
  spreadsheetRoutes,
  attachmentRoutes,
  leaderRoutes,
  publishRoutes,
  divisionRoutes,
  cascadeRoutes,
  organisationRoutes,
];

export interface BuildAppOptions {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  /** Override "today" (YYYY-MM-DD) for tests. */
  today?: () => string;
  /** Extra route modules (tests). */
  extraRoutes?: RouteModule[];
  /** The built web app's folder (tests); default web/dist. */
  webDist?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's context (settings, database, notifier), for jobs started next to the server. */
    luoshi: AppContext;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Fastify's `trustProxy` for TRUST_PROXY. A hop count becomes "trust the nearest n hops": Fastify
 * itself trusts no hop for a bare number, since a client that reaches the app directly could
 * then forge its address — README says to prefer the proxies' addresses for that reason.
 */
function trustedProxies(
  setting: Config['TRUST_PROXY'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

/** JSON bodies larger than this are refused with 413 (uploads go through multipart instead). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Build the HTTP application: the JSON API under /api with its OpenAPI document, sessions and
 * CSRF protection, the public pages, and the web app. The caller listens and closes it.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db, logger } = options;
  const context: AppContext = {
    config,
    db,
    logger,
    today: options.today ?? serverToday(config),
    notifier: createNotifier(db, config, logger),
    viewStates: new ViewStateCache(),
  };
  const app = Fastify({
    // luoshi's pino logger (a newer pino than Fastify's bundled types describe).
    loggerInstance: logger as unknown as FastifyBaseLogger,
    bodyLimit: JSON_BODY_LIMIT,
    // Only the proxies named by TRUST_PROXY may tell the client's address (rate limits use it):
    // by default X-Forwarded-For is ignored, so a client cannot pick its own address.
    trustProxy: trustedProxies(config.TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await installSecurityHeaders(app, context);
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieKey: 'luoshi_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: secureCookies(context) },
    getToken: (request) => {
      const header = request.headers['x-csrf-token'];
      return Array.isArray(header) ? header[0] : header;
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 20, parts: 25 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'luoshi 落实 API',
        description:
          'Government work report tracking: reports, tasks, assignments, progress and status (序时进度). ' +
          'Sign in with POST /api/session; send the csrfToken of GET /api/session as x-csrf-token on every write.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Every state-changing request to a route must carry the CSRF token (double-submit: cookie
  // secret + header). The matched route decides, not the URL as sent: the router decodes
  // `/%61pi/…` to `/api/…`, so a prefix test on the raw URL could be bypassed.
  app.addHook('onRequest', (request, reply, done) => {
    if (STATE_CHANGING.has(request.method) && request.routeOptions.url !== undefined) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
  // A write is answered once every instance's next read will see it (ChangeWatch.settleWrite:
  // at once on SQLite, after the freshness window of the change watch on PostgreSQL). A callback
  // hook, so the reads, the hot path, pass through without a promise each.
  const watch = changeWatchOf(db);
  if (watch) {
    app.addHook('onSend', (request, _reply, payload, done) => {
      if (!STATE_CHANGING.has(request.method)) return done(null, payload);
      watch.settleWrite().then(() => done(null, payload), done);
    });
  }
  // Stored dates the views cannot use are read as unset and logged, never a failed view.
  onInvalidStoredData((problem) => logger.warn(problem, 'invalid stored date ignored'));
  installSessionLookup(app, context);
  // Who may call each /api route is checked next, before bodies are parsed and validated.
  installRouteAccess(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const routes of [...routeModules, ...(options.extraRoutes ?? [])]) {
    await app.register(async (scope) => routes(scope.withTypeProvider<ZodTypeProvider>(), context));
  }
  await installWebApp(app, context, options.webDist);
  // Cached reads may keep what they check per request once the database's change watch vouches
  // for it (on PostgreSQL, once it listens for other instances' commits).
  await changeWatchOf(db)?.ready();
  app.decorate('luoshi', context);
  app.addHook('onClose', async () => {
    await context.notifier.settled();
    context.notifier.close();
  });
  return app;
}
