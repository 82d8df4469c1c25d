import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { SessionWithUser } from '../accounts/manage-sessions.js';
import { KEEP_PREPARED } from '../database.js';
import type { Database } from '../schema.js';

/** What a cached read needs to know before it may answer from its cache. */
export interface ViewState {
  report: {
    id: number;
    title: string;
    year: number | null;
    archived: boolean;
    publishedAt: string | null;
    /** The owning organisation. */
    organisationId: number | null;
  };
  /** The report's change counter (-1 when the report has none, so nothing is cached under it). */
  counter: number;
  /** For a task lookup: whether the task itself is archived. */
  taskArchived: boolean;
  /**
   * For a task lookup: leaders' live flags (领导关注) on the task, and how many of them are the
   * session user's. Flags do not move the change counter, so they are read on every request.
   */
  taskFlags: { total: number; bySessionUser: number };
  /** The live session of the token and its user, if any (expired or unknown: undefined). */
  session: SessionWithUser | undefined;
}

export type ViewSubject = { reportId: number } | { taskId: number };

/**
 * One round trip for everything a cached read checks on every request: the session of the
 * token hash (with its user), the report (found directly or as the task's report) with its
 * visibility flags, and the report's change counter. Undefined when the report or task does
 * not exist; pass `tokenHash` null for anonymous requests.
 */
export async function readViewState(
  db: Kysely<Database>,
  subject: ViewSubject,
  tokenHash: string | null,
  now: string,
): Promise<ViewState | undefined> {
  // Every request that misses the view-state cache runs this query: it is compiled with this
  // request's values and kept prepared (one statement per subject kind, values as parameters).
  const compiled = buildQuery(db, subject, tokenHash ?? NO_TOKEN, now).compile();
  const result = await db.executeQuery<Row>(
    CompiledQuery.raw(`${KEEP_PREPARED}${compiled.sql}`, [...compiled.parameters]),
  );
  const row = result.rows[0];
  return row ? toViewState(row) : undefined;
}

/** No token: a hash no session has (token hashes are 64 hex digits), so the join finds nothing. */
const NO_TOKEN = '';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof buildQuery>['executeTakeFirst']>>>;

function buildQuery(db: Kysely<Database>, subject: ViewSubject, tokenHash: string, now: string) {
  const counted = db;
  const base =
    'taskId' in subject
      ? counted
          .selectFrom('nodes as n')
          .innerJoin('reports as r', 'r.id', 'n.report_id')
          .select('n.archived as task_archived')
          .where('n.id', '=', subject.taskId)
          .where('n.kind', '=', 'task')
      : counted
          .selectFrom('reports as r')
          .select((eb) => eb.lit(0).as('task_archived'))
          .where('r.id', '=', subject.reportId);
  return base
    .leftJoin('report_change_counters as c', 'c.report_id', 'r.id')
    .leftJoin('sessions as s', (join) => join.on('s.token_hash', '=', tokenHash).on('s.expires_at', '>', now))
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      'r.id as report_id',
      'r.title',
      'r.year',
      'r.archived',
      'r.published_at',
      'r.organisation_id',
      'c.counter',
      's.id as session_id',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.unit_id',
      'u.organisation_id as user_organisation_id',
      'u.disabled',
      'u.must_change_password',
      'taskId' in subject
        ? sql<number>`(select count(*) from flags f where f.node_id = n.id and f.cleared_at is null)`.as(
            'flags',
          )
        : sql<number>`0`.as('flags'),
      'taskId' in subject
        ? sql<number>`(select count(*) from flags f
            where f.node_id = n.id and f.cleared_at is null and f.user_id = s.user_id)`.as('my_flags')
        : sql<number>`0`.as('my_flags'),
    ]);
}

function toViewState(row: Row): ViewState {
  const session: SessionWithUser | undefined =
    row.session_id !== null &&
    row.user_id !== null &&
    row.username !== null &&
    row.display_name !== null &&
    row.role !== null &&
    row.disabled !== null &&
    row.expires_at !== null &&
    row.last_seen_at !== null
      ? {
          sessionId: row.session_id,
          expiresAt: row.expires_at,
          lastSeenAt: row.last_seen_at,
          user: {
            id: row.user_id,
            username: row.username,
            display_name: row.display_name,
            role: row.role,
            unit_id: row.unit_id,
            organisation_id: row.user_organisation_id,
            disabled: row.disabled,
            must_change_password: row.must_change_password ?? 0,
          },
        }
      : undefined;
  return {
    report: {
      id: row.report_id,
      title: row.title,
      year: row.year,
      archived: Number(row.archived) === 1,
      publishedAt: row.published_at,
      organisationId: row.organisation_id,
    },
    counter: row.counter ?? -1,
    taskArchived: Number(row.task_archived) === 1,
    taskFlags: { total: Number(row.flags ?? 0), bySessionUser: Number(row.my_flags ?? 0) },
    session,
  };
}
