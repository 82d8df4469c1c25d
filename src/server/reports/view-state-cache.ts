import type { Kysely } from 'kysely';
import { changeWatchOf } from '../../store/change-watch.js';
import type { Database } from '../../store/schema.js';
import { readViewState, type ViewState, type ViewSubject } from '../../store/status/read-view-state.js';
import { hashToken } from '../auth/session.js';

/**
 * The view states (session and user, report, change counter, flags) that cached reads check on
 * every request, kept per subject and session token while the database's change watch vouches
 * that no row changed since they were read: a write through this instance, another instance or
 * any other process (a CLI import, an administrator's SQL) empties it before the next request
 * uses it. When the watch cannot vouch (a PostgreSQL listener not connected), every request
 * reads its state from the database, as it does on a miss. A session that expires while kept is
 * dropped from the state at the moment it expires, as the database query would drop it.
 */
export class ViewStateCache {
  /** Each state with the moment (ms) its session expires, Infinity without one. */
  readonly #entries = new Map<string, { state: ViewState; sessionEndsAt: number }>();
  readonly #maxEntries: number;
  #epoch: number | null = null;

  constructor(maxEntries = 20_000) {
    this.#maxEntries = maxEntries;
  }

  /** The state of `subject` for the session `token` (a cookie value, or null when anonymous). */
  async read(
    db: Kysely<Database>,
    subject: ViewSubject,
    token: string | null,
    now: Date,
  ): Promise<ViewState | undefined> {
    const epoch = changeWatchOf(db)?.epoch() ?? null;
    if (epoch !== this.#epoch) {
      this.#entries.clear();
      this.#epoch = epoch;
    }
    const key = `${'taskId' in subject ? `t${subject.taskId}` : `r${subject.reportId}`}:${token ?? ''}`;
    const kept = epoch === null ? undefined : this.#entries.get(key);
    if (kept) {
      return now.getTime() < kept.sessionEndsAt ? kept.state : { ...kept.state, session: undefined };
    }
    const state = await readViewState(
      db,
      subject,
      token === null ? null : hashToken(token),
      now.toISOString(),
    );
    // Kept only if no request has seen a newer epoch meanwhile: what was read may predate it.
    if (state && epoch !== null && epoch === this.#epoch) {
      if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
      const sessionEndsAt = state.session ? Date.parse(state.session.expiresAt) : Number.POSITIVE_INFINITY;
      this.#entries.set(key, { state, sessionEndsAt });
    }
    return state;
  }

  get size(): number {
    return this.#entries.size;
  }
}
