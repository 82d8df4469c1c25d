import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { type DatabaseHandle, openDatabase, redactUrl } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { buildApp } from './app.js';
import { describeCascadeDemo } from './demo/describe-cascade-demo.js';
import { prepareFirstStart } from './first-start.js';
import { scheduleDailyReminders } from './notifications/reminder-job.js';
import { serverToday } from './today.js';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** Stop accepting connections, finish in-flight requests, close the database. */
  stop(): Promise<void>;
}

/**
 * Start luoshi's server: validate the configuration, open and migrate the database, prepare
 * the first start (admin account, sample report), listen, and stop gracefully on SIGTERM/SIGINT.
 */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
): Promise<RunningServer> {
  const config: Config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config);
  logger.info(
    { database: config.DATABASE_URL ? redactUrl(config.DATABASE_URL) : config.sqlitePath },
    'database open',
  );
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const month = serverToday(config)().slice(0, 7);
    const first = await prepareFirstStart(
      database.db,
      config.LOAD_SAMPLE,
      { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 },
      config.LUOSHI_DEMO ? { name: config.LUOSHI_DEMO, month } : undefined,
    );
    if (first.sampleReportId !== null)
      logger.info({ reportId: first.sampleReportId }, 'sample report loaded');
    if (first.demo) out.write(`\n${describeCascadeDemo(first.demo, month).join('\n')}\n`);
    else if (config.LUOSHI_DEMO)
      logger.info({ demo: config.LUOSHI_DEMO }, 'demo not loaded: the database already holds reports');
    if (first.admin) {
      out.write(
        `\nluoshi: first start — administrator "${first.admin.username}" created with the one-time password:\n\n` +
          `    ${first.admin.password}\n\n` +
          `首次启动：已创建管理员 ${first.admin.username}，一次性密码如上。请登录后立即修改（此密码只显示这一次）。\n` +
          'Sign in and change it now; it is shown only this once.\n\n',
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({
    config,
    db: database.db,
    logger,
    ...(config.WEB_DIST ? { webDist: config.WEB_DIST } : {}),
  });
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app.close().catch(() => {});
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  out.write(`luoshi listening on ${url}  (API reference: ${url}/api/docs)\n`);
  const stopReminders = scheduleDailyReminders(app.luoshi, logger);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: finishing in-flight requests');
      stopReminders();
      await app.close();
      await database.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { app, database, url, stop };
}

/** Stop on the first SIGTERM/SIGINT; a second one exits at once. */
export function stopOnSignals(server: RunningServer, exit: (code: number) => void = process.exit): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      exit(1);
      return;
    }
    received = true;
    server.app.log.info({ signal }, 'signal received');
    server
      .stop()
      .then(() => exit(0))
      .catch((error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
