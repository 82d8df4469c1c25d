import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { isCalendarDate } from '../core/status/calendar.js';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY lists. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whether `entry` is an IP address, an address/prefix (10.0.0.0/8) or a named range. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may tell the client's address (X-Forwarded-For, X-Forwarded-Proto): `false`
 * (none: the socket's peer is the client), a number of hops, or the proxies' addresses.
 */
const trustProxySchema = z
  .string()
  .trim()
  .transform((text, ctx): false | number | string[] => {
    if (/^(false|off|0)$/i.test(text)) return false;
    if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
    const entries = text.split(',').map((e) => e.trim());
    if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'false, a hop count (1–10) or a comma-separated list of proxy addresses (10.0.0.5, 10.0.0.0/8, loopback)',
    });
    return z.NEVER;
  })
  .default(false);

/**
 * Every setting luoshi reads, validated once at start-up. Values come from the environment,
 * optionally from a JSON file named by LUOSHI_CONFIG (environment wins). README lists them all.
 */
const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'a postgres://user@host:port/database URL (leave unset for embedded SQLite)',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOAD_SAMPLE: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * On an empty database, load this demonstration instead of the sample: `cascade` (a city and a
   * district with handed-down tasks, as `luoshi demo cascade`). `luoshi serve --demo` sets it.
   */
  LUOSHI_DEMO: z.enum(['cascade']).optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: trustProxySchema,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  DEADLINE_WARN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /**
   * Pins the server's "today" (序时进度, status, reminders, document dates) to one calendar date,
   * for tests and demonstrations; unset, today is the date in TIME_ZONE.
   */
  LUOSHI_TODAY: z
    .string()
    .refine(isCalendarDate, 'a calendar date written YYYY-MM-DD, such as 2026-06-30')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp://user:pass@host:port or smtps://… URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('luoshi <luoshi@localhost>'),
  WEBHOOK_URL: z.string().url().optional(),
  /** A .ttf/.otf Chinese font for PNG output, instead of the Noto Sans SC shipped by npm install. */
  CJK_FONT_FILE: z.string().min(1).optional(),
  /** The built web app's directory, instead of the package's web/dist (tests of a rebuild). */
  WEB_DIST: z.string().min(1).optional(),
});

export type Config = z.infer<typeof settingsSchema> & { sqlitePath: string };

export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function readConfigFile(file: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`LUOSHI_CONFIG: cannot read ${file} (${(error as Error).message})`]);
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`LUOSHI_CONFIG: ${file} must be a JSON object (${(error as Error).message})`]);
  }
}

/** Parse and validate the configuration; every invalid setting is reported in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env.LUOSHI_CONFIG ? readConfigFile(env.LUOSHI_CONFIG) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const name of SETTING_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') merged[name] = value;
  }
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(config)';
        return `${name}=${JSON.stringify(merged[name as string] ?? null)}: ${issue.message}`;
      }),
    );
  }
  const settings = result.data;
  return { ...settings, sqlitePath: path.resolve(settings.DATA_DIR, 'luoshi.db') };
}
