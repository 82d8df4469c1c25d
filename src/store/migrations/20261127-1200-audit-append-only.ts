import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN: this migration has landed. Never edit it; add a new timestamped file instead.
 * The database itself refuses UPDATE and DELETE on audit_events, so no code path (ours or a
 * stray script) can rewrite history; someone who drops the triggers is still caught by the
 * hash chain (`luoshi audit verify`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only';
      end $$`.execute(db);
    await sql`create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
    return;
  }
  for (const event of ['update', 'delete']) {
    await sql
      .raw(
        `create trigger audit_events_no_${event} before ${event} on audit_events
         begin select raise(abort, 'audit_events is append-only'); end`,
      )
      .execute(db);
  }
}
