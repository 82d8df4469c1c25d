import { type Command, Option } from 'commander';

/** `luoshi serve` — run the web app and API. */
export function registerServe(program: Command): Command {
  return program
    .command('serve')
    .description('run the web app and API (settings from environment variables, see README)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'address to listen on (overrides HOST)')
    .addOption(
      new Option(
        '--demo <name>',
        'on an empty database, load this demonstration instead of the sample (overrides LUOSHI_DEMO)',
      ).choices(['cascade']),
    )
    .action(async (options: { port?: string; host?: string; demo?: string }) => {
      const { startServer, stopOnSignals } = await import('../../server/start-server.js');
      const env = { ...process.env };
      if (options.port !== undefined) env.PORT = options.port;
      if (options.host !== undefined) env.HOST = options.host;
      if (options.demo !== undefined) env.LUOSHI_DEMO = options.demo;
      const server = await startServer(env);
      stopOnSignals(server);
      // Keep the action pending until the server stops, so main() does not return early.
      await new Promise<void>((resolve) => server.app.server.once('close', () => resolve()));
    });
}
