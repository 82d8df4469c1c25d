import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { Database } from '../store/schema.js';
import type { Notifier } from './notifications/deliver-notifications.js';
import type { ViewStateCache } from './reports/view-state-cache.js';

/** What every route module gets: validated settings, the database and the logger. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  /** Today's date (YYYY-MM-DD) in the office's time zone; replaceable in tests. */
  today(): string;
  /** In-app notifications with e-mail/webhook delivery. */
  notifier: Notifier;
  /** The sessions and report counters cached reads check, kept while the database is unchanged. */
  viewStates: ViewStateCache;
}

/** A Fastify instance whose routes take zod schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A route module: registers its routes on a scoped instance. Add new modules to `routeModules`
 * in app.ts (one line each).
 */
export type RouteModule = (app: ZodApp, context: AppContext) => void | Promise<void>;
