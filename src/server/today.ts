import type { Config } from '../config/config.js';

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in a time zone: 序时进度 is reckoned by the office's calendar, not UTC. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // Making a formatter costs far more than using one, and reads without a date ask on every request.
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter.format(now);
}

/**
 * The server's "today": the date LUOSHI_TODAY pins (tests, demonstrations), otherwise the
 * current date in TIME_ZONE, read afresh on each call so a long-running server moves on.
 */
export function serverToday(config: Pick<Config, 'TIME_ZONE' | 'LUOSHI_TODAY'>): () => string {
  const pinned = config.LUOSHI_TODAY;
  if (pinned !== undefined) return () => pinned;
  return () => todayIn(config.TIME_ZONE);
}
