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
  /** The epoch as far as changes have been heard of so far (PostgreSQL: notifications received). */
  epoch(): number | null;
  /**
   * The epoch once every write answered before this call (settleWrite) has been heard of: what a
   * request must compare with, so that a write answered by any instance is seen by the next
   * request anywhere (SQLite: at once; PostgreSQL: from a round trip on the listening connection
   * sent at most FRESHNESS_MS before the call, waiting for a new one when there is none).
   */
  current(): Promise<number | null>;
  /**
   * Resolves when a write whose work is done may be answered: at once on SQLite; on PostgreSQL
   * after FRESHNESS_MS, the window within which a round trip vouches for an instance's reads.
   */
  settleWrite(): Promise<void>;
  /** This process has committed a write: its own next reads must not trust what came before. */
  noteOwnWrite(): void;
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
    current() {
      return Promise.resolve(this.epoch());
    },
    settleWrite: async () => {},
    // total_changes() already moves with this connection's writes.
    noteOwnWrite: () => {},
    ready: async () => {},
    close: async () => {},
  };
}

/** The application_name of the listening connection (pg_stat_activity shows it). */
export const CHANGE_WATCH_APPLICATION = 'luoshi-change-watch';

/** How long a lost PostgreSQL listener waits before it tries again. */
const RELISTEN_AFTER_MS = 1000;

/**
 * PostgreSQL: how long a round trip on the listening connection vouches for the reads that
 * follow it, and so how long after its work is done an instance answers a write (settleWrite).
 * Every instance must use the same value.
 */
export const FRESHNESS_MS = 10;

/**
 * PostgreSQL: every commit that changes what cached reads check (a report's change counter,
 * sessions, users, flags) notifies CHANGE_CHANNEL (migration 20261127-1700), this process's own
 * commits as much as other instances'; a connection of the watch's own LISTENs and moves the
 * epoch on each notification. PostgreSQL signals listeners before it acknowledges the commit, and
 * sends a listener its pending notifications before the answer to its next query, so a `select 1`
 * on the listening connection proves, when it returns, that every commit acknowledged before it
 * was sent has been heard.
 *
 * Read-your-own-write across instances without a round trip per read: an instance answers a
 * write FRESHNESS_MS after its work is done (settleWrite), and `current()` trusts the epoch while
 * the newest completed round trip was sent less than FRESHNESS_MS before the ask; otherwise it
 * waits for one sent after the ask (callers arriving while one is on its way share the next one).
 * A request that arrives after a write was answered asks at t >= commit + FRESHNESS_MS, so a trip
 * sent at or after t - FRESHNESS_MS was sent after the commit: its notification has been heard.
 * An ask answered from the window, once half of it is gone, sends the next round trip if none is
 * on its way, so a busy instance keeps a fresh one (one every five to ten milliseconds, not one per
 * request) and its reads do not wait. This process's own write transactions move the epoch as
 * they commit (noteOwnWrite). The listener connects on the first ask; until
 * it listens, and from the moment it is lost (a restart of the server) until it listens again, the
 * watch vouches for nothing (null).
 */
export class PostgresChangeWatch implements ChangeWatch {
  readonly #url: string;
  #epoch = 0;
  #client: pg.Client | undefined;
  #listening = false;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #lastAttempt = 0;
  /** The round trip on its way, and the one that callers arriving after it was sent wait for. */
  #sent: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  /** When (performance.now()) the newest round trip that returned was sent. */
  #freshSince = Number.NEGATIVE_INFINITY;
  #roundTrips = 0;

  constructor(url: string) {
    this.#url = url;
  }

  epoch(): number | null {
    if (this.#listening) return this.#epoch;
    this.#listen();
    return null;
  }

  async current(): Promise<number | null> {
    if (!this.#listening) {
      this.#listen();
      return null;
    }
    const age = performance.now() - this.#freshSince;
    if (age <= FRESHNESS_MS) {
      // Trusted without waiting; once half the window is gone, a trip sent now keeps the next
      // asks' window fresh (one every few milliseconds while busy, not one per request).
      if (!this.#sent && age > FRESHNESS_MS / 2) void this.#send();
      return this.#epoch;
    }
    await this.#sync();
    return this.#listening ? this.#epoch : null;
  }

  settleWrite(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS));
  }

  noteOwnWrite(): void {
    this.#epoch++;
  }

  /** Round trips sent on the listening connection so far. */
  get roundTrips(): number {
    return this.#roundTrips;
  }

  async ready(): Promise<void> {
    if (!this.#listening) this.#listen(true);
    await this.#connecting;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  /** Resolves after a round trip sent after this call (one in flight may predate the caller's ask). */
  #sync(): Promise<void> {
    if (this.#next) return this.#next;
    const sent = this.#sent;
    if (!sent) return this.#send();
    this.#next = sent.then(() => {
      this.#next = undefined;
      return this.#send();
    });
    return this.#next;
  }

  #send(): Promise<void> {
    const client = this.#client;
    const sentAt = performance.now();
    this.#roundTrips++;
    const sent: Promise<void> = (client ? client.query('select 1') : Promise.reject(new Error('no listener')))
      .then(
        () => {
          if (this.#client === client) this.#freshSince = Math.max(this.#freshSince, sentAt);
        },
        () => this.#lost(client),
      )
      .finally(() => {
        if (this.#sent === sent) this.#sent = undefined;
      });
    this.#sent = sent;
    return sent;
  }

  /** The listening connection failed: vouch for nothing until a new one listens. */
  #lost(client: pg.Client | undefined): void {
    if (client === undefined || this.#client !== client) return;
    this.#client = undefined;
    this.#listening = false;
    this.#freshSince = Number.NEGATIVE_INFINITY;
    this.#epoch++;
    client.end().catch(() => {});
  }

  #listen(now = false): void {
    const at = Date.now();
    if (this.#connecting || this.#closed || (!now && at - this.#lastAttempt < RELISTEN_AFTER_MS)) return;
    this.#lastAttempt = at;
    const client = new pg.Client({ connectionString: this.#url, application_name: CHANGE_WATCH_APPLICATION });
    const lost = () => this.#lost(client);
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => {
      this.#epoch++;
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
