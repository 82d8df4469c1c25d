/**
 * A benchmark server process: luoshi's real app (buildApp) on the database the environment names,
 * plus one bare hello-world route, GET /bench/hello, to compare every endpoint with. Prints
 * "READY <port>" on stdout once listening; stops on SIGTERM. Started by bench/support/server-process.ts.
 */
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

const config = loadConfig(process.env);
const logger = createLogger(config.LOG_LEVEL);
const database = await openDatabase(config);
await migrateToLatest(database.db);
const app = await buildApp({
  config,
  db: database.db,
  logger,
  extraRoutes: [
    (scope) => {
      scope.get('/bench/hello', async () => ({ hello: 'world' }));
    },
  ],
});
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : config.PORT}\n`);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
