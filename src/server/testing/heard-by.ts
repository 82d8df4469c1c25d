import type { Kysely } from 'kysely';
import { changeWatchOf } from '../../store/change-watch.js';
import type { Database } from '../../store/schema.js';

/**
 * Runs `write` — a commit through another app instance or connection — and waits until the
 * change watch of `db` has heard of it: at once on SQLite, when the notification arrives on
 * PostgreSQL (milliseconds). Fails after two seconds, so a notification that never comes fails
 * the test rather than passing it by luck.
 */
export async function heardBy<T>(db: Kysely<Database>, write: () => Promise<T>): Promise<T> {
  const watch = changeWatchOf(db);
  if (!watch) throw new Error('heardBy: the database has no change watch (not opened by openDatabase)');
  await watch.ready();
  const before = watch.epoch();
  if (before === null) throw new Error('heardBy: the change watch is not listening');
  const result = await write();
  const deadline = Date.now() + 2000;
  while (watch.epoch() === before) {
    if (Date.now() > deadline) throw new Error('heardBy: the write was not heard within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return result;
}
