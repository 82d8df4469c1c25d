import { type Logger, pino } from 'pino';

/** Structured JSON logs on stderr, so stdout stays clean for CLI output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'luoshi' } }, pino.destination(2));
}
export type { Logger };
