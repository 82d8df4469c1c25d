import type { Kysely } from 'kysely';
import { changeWatchOf } from '../../store/change-watch.js';
import { KeptValues } from '../../store/kept-values.js';
import type { Database } from '../../store/schema.js';
import { readViewState, type ViewState, type ViewSubject } from '../../store/status/read-view-state.js';
import { hashToken } from '../auth/session.js';

/** A kept view state (undefined: no such report or task) and when (ms) its session expires. */
interface KeptState {
  state: ViewState | undefined;
  sessionEndsAt: number;
}

/**
 * The view states (session and user, report, change counter, flags) that cached reads check on
 * every request, kept per subject and session token under the database's change epoch
 * (ChangeWatch.current): a write through this instance, another instance or any other process (a
 * CLI import, an administrator's SQL) moves the epoch before the next request reads it, so
 * nothing kept is used after a change. When the watch cannot vouch (a PostgreSQL listener not
 * connected), every request reads its state from the database. A session that expires while kept
 * is dropped from the state at the moment it expires, as the database query would drop it.
 */
export class ViewStateCache {
  readonly #kept: KeptValues<string, KeptState>;

  constructor(maxEntries = 20_000) {
    this.#kept = new KeptValues({ max: maxEntries });
  }

  /** The state of `subject` for the session `token` (a cookie value, or null when anonymous). */
  async read(
    db: Kysely<Database>,
    subject: ViewSubject,
    token: string | null,
    now: Date,
  ): Promise<ViewState | undefined> {
    // The epoch is taken before the read: a change committed meanwhile files it under a stale epoch.
    const epoch = (await changeWatchOf(db)?.current()) ?? null;
    const key = `${'taskId' in subject ? `t${subject.taskId}` : `r${subject.reportId}`}:${token ?? ''}`;
    const load = async (): Promise<KeptState> => {
      const state = await readViewState(
        db,
        subject,
        token === null ? null : hashToken(token),
        now.toISOString(),
      );
      const sessionEndsAt = state?.session ? Date.parse(state.session.expiresAt) : Number.POSITIVE_INFINITY;
      return { state, sessionEndsAt };
    };
    const { state, sessionEndsAt } = await this.#kept.getOrCompute(key, epoch ?? -1, load);
    if (!state || now.getTime() < sessionEndsAt) return state;
    return { ...state, session: undefined };
  }

  get size(): number {
    return this.#kept.size;
  }
}
