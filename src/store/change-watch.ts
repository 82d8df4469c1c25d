import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/**
 * Tells, cheaply enough to ask on every request, whether the database may have changed since an
 * earlier look. `epoch()` returns a number that moves whenever a row changes, written by this
 * process or by any other, or null while the watch cannot vouch for that. Something read from the
 * database may be kept under the epoch taken *before* the read and used while the epoch stands.
 */
export interface ChangeWatch {
  epoch(): number | null;
  /** Resolves once the watch vouches (PostgreSQL: its listener is connected), or has failed to. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The PostgreSQL channel the triggers of migration 20261127-1700-change-notifications notify. */
const CHANGE_CHANNEL = 'luoshi_changes';

const WATCHES = new WeakMap<Kysely<Database>, ChangeWatch>();

/** Files the watch of a database opened by openDatabase. */
export function registerChangeWatch(db: Kysely<Database>, watch: ChangeWatch): void {
  WATCHES.set(db, watch);
}

/** The watch of a database opened by openDatabase (none for a Kysely made elsewhere). */
export function changeWatchOf(db: Kysely<Database>): ChangeWatch | undefined {
  return WATCHES.get(db);
}

/**
 * SQLite: rows changed through this connection (`total_changes()`, which counts trigger changes
 * and never goes down, a fraction of a microsecond) and commits by any other connection or
 * process (`PRAGMA data_version`, which opens a read transaction: several microseconds). Other
 * processes' commits are looked for once per turn of the event loop: every request handled in
 * that turn had arrived before the first of them asked, so a commit it could have been told of
 * is already seen. This holds for asks made while requests are handled (the I/O phase of the
 * turn); an ask from a timer would hide commits made before requests read later in its turn.
 * A commit by another connection of this process in the current turn is seen from the next.
 */
export function sqliteChangeWatch(database: SqliteDatabase.Database): ChangeWatch {
  const ownChanges = database.prepare('select total_changes()').pluck();
  const othersCommits = database.prepare('pragma data_version').pluck();
  let epoch = 0;
  let own: unknown = null;
  let others: unknown = null;
  let othersLookedAt = false;
  return {
    epoch() {
      if (!database.open) return null;
      const ownNow = ownChanges.get();
      if (!othersLookedAt) {
        othersLookedAt = true;
        setImmediate(() => {
          othersLookedAt = false;
        });
        const othersNow = othersCommits.get();
        if (othersNow !== others) {
          others = othersNow;
          epoch++;
        }
      }
      if (ownNow !== own) {
        own = ownNow;
        epoch++;
      }
      return epoch;
    },
    ready: async () => {},
    close: async () => {},
  };
}

/** How long a lost PostgreSQL listener waits before it tries again. */
const RELISTEN_AFTER_MS = 1000;

/**
 * PostgreSQL: other processes' commits arrive as notifications on CHANGE_CHANNEL, sent by
 * triggers in the committing transaction, on a connection of its own that LISTENs; this
 * process's own writes move the epoch when they complete (`noteWrite`, called by the pool), so a
 * request sees its own instance's write at once, without waiting for the notification.
 * The listener connects on the first `epoch()`; until it listens, and from the moment it is lost
 * (a restart of the server) until it listens again, the watch vouches for nothing (null).
 */
export class PostgresChangeWatch implements ChangeWatch {
  readonly #url: string;
  #epoch = 0;
  #client: pg.Client | undefined;
  #listening = false;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #lastAttempt = 0;
  /** Backend process ids of this process's pool connections, whose writes noteWrite has counted. */
  readonly #ownBackends = new Set<number>();

  constructor(url: string) {
    this.#url = url;
  }

  epoch(): number | null {
    if (this.#listening) return this.#epoch;
    this.#listen();
    return null;
  }

  async ready(): Promise<void> {
    if (!this.#listening) this.#listen(true);
    await this.#connecting;
  }

  /** A write by this process completed (a statement outside a transaction, or a commit). */
  noteWrite(): void {
    this.#epoch++;
  }

  /**
   * A pool connection of this process opened (or closed): notifications of its commits are
   * already counted by noteWrite, so they do not empty the caches a second time.
   */
  ownBackend(processId: number | undefined, open: boolean): void {
    if (processId === undefined) return;
    if (open) this.#ownBackends.add(processId);
    else this.#ownBackends.delete(processId);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  #listen(now = false): void {
    const at = Date.now();
    if (this.#connecting || this.#closed || (!now && at - this.#lastAttempt < RELISTEN_AFTER_MS)) return;
    this.#lastAttempt = at;
    const client = new pg.Client({ connectionString: this.#url });
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#listening = false;
      this.#epoch++;
      client.end().catch(() => {});
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (!this.#ownBackends.has(message.processId)) this.#epoch++;
    });
    this.#client = client;
    this.#connecting = client
      .connect()
      .then(() => client.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (this.#client !== client || this.#closed) return;
        // Whatever was read before the listener was up may already be stale.
        this.#epoch++;
        this.#listening = true;
      })
      .catch(lost)
      .finally(() => {
        this.#connecting = undefined;
        if (this.#closed) client.end().catch(() => {});
      });
  }
}

/**
 * What a statement (as the pool receives it) does to the rows others see: starts a transaction,
 * ends one (COMMIT or ROLLBACK), only reads, or may write. Unknown statements count as writes.
 */
export function statementKind(sqlText: string): 'begin' | 'end' | 'read' | 'write' {
  const verb = /^\s*(?:\/\*[^*]*\*\/\s*)?([a-z]+)/i.exec(sqlText)?.[1]?.toLowerCase();
  if (verb === 'begin' || verb === 'start') return 'begin';
  if (verb === 'commit' || verb === 'rollback' || verb === 'end' || verb === 'abort') return 'end';
  if (
    verb === 'select' ||
    verb === 'show' ||
    verb === 'explain' ||
    verb === 'savepoint' ||
    verb === 'release'
  )
    return 'read';
  return 'write';
}
