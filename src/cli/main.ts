import { Command, CommanderError } from 'commander';
import { isLuoshiError } from '../core/errors.js';
import { commands } from './commands/index.js';

/** Exit codes: 0 ok, 1 the command failed, 2 the command line itself is wrong. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(): Command {
  const program = new Command('luoshi')
    .description('落实 luoshi — turn a government work report into a tracked plan')
    .version(process.env.npm_package_version ?? '0.1.0', '-v, --version')
    .showSuggestionAfterError()
    .configureHelp({ sortSubcommands: true });
  program.exitOverride();
  for (const register of commands) {
    const command = register(program);
    command.exitOverride();
  }
  return program;
}

/** Print a failure the way a user can act on it, and return the exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return 0;
    }
    return EXIT_USAGE;
  }
  // By name, not instanceof: importing config.ts here would load zod on every start (~100 ms).
  if (error instanceof Error && error.name === 'ConfigError') {
    process.stderr.write(`luoshi: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (isLuoshiError(error)) {
    process.stderr.write(`luoshi: ${error.message}\n       ${error.messageZh}\n`);
    return EXIT_FAILURE;
  }
  process.stderr.write(`luoshi: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_FAILURE;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    const first = argv[2];
    if (
      first &&
      !first.startsWith('-') &&
      first !== 'help' &&
      !program.commands.some((c) => c.name() === first)
    ) {
      process.stderr.write(
        `luoshi: unknown command '${first}'. Run \`luoshi --help\` to list the commands.\n`,
      );
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportFailure(error);
  }
}
