import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { conflict, notFound } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';

/** Tables whose rows people edit; each has id, version and updated_at. */
export type VersionedTable =
  | 'organisations'
  | 'reports'
  | 'nodes'
  | 'targets'
  | 'units'
  | 'people'
  | 'assignments'
  | 'reporting_periods'
  | 'progress_reports'
  | 'comments'
  | 'flags'
  | 'users'
  | 'superior_tasks';

/** How the helpers see any versioned table: the columns they touch, and anything else. */
type LooseDatabase = { versioned: { id: number; version: number; updated_at: string } };

function loose(trx: Kysely<Database>): Kysely<LooseDatabase> {
  return trx as unknown as Kysely<LooseDatabase>;
}

/** English and Chinese names of entities for error messages. */
const ENTITY_NAMES: Record<VersionedTable, [en: string, zh: string]> = {
  organisations: ['Organisation', '发文机关'],
  reports: ['Report', '报告'],
  nodes: ['Task', '任务'],
  targets: ['Target', '量化目标'],
  units: ['Unit', '单位'],
  people: ['Person', '人员'],
  assignments: ['Assignment', '分工'],
  reporting_periods: ['Reporting period', '报送周期'],
  progress_reports: ['Progress report', '进展报告'],
  comments: ['Comment', '评论'],
  flags: ['Flag', '关注'],
  users: ['User', '用户'],
  superior_tasks: ['Superior task', '上级交办任务'],
};

/** Reads a versioned row (for the audit "before" and for checks), or throws not_found. */
export async function loadVersioned<T extends VersionedTable>(
  trx: Kysely<Database>,
  table: T,
  id: number,
): Promise<Selectable<Database[T]>> {
  const row = await loose(trx)
    .selectFrom(table as unknown as 'versioned')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    const [en, zh] = ENTITY_NAMES[table];
    throw notFound(`${en} ${id}`, `${zh} ${id}`, { entity: table, id });
  }
  return row as unknown as Selectable<Database[T]>;
}

/** The conflict error for a stale version: someone saved the record after the caller read it. */
export function staleVersion(table: VersionedTable, id: number, expected: number, current: number | null) {
  const [en, zh] = ENTITY_NAMES[table];
  return conflict(
    `${en} ${id} was changed by someone else (you edited version ${expected}, it is now ${current ?? 'gone'}); reload and apply your change again`,
    `${zh} ${id} 已被他人修改（您编辑的是第 ${expected} 版，当前为第 ${current ?? '—'} 版），请刷新后重新修改`,
    { entity: table, id, expectedVersion: expected, currentVersion: current },
  );
}

export interface UpdateVersionedInput<T extends VersionedTable> {
  table: T;
  id: number;
  /** The version the caller read; the update is refused if the row has moved on. */
  version: number;
  changes: Updateable<Database[T]>;
  actor: Actor;
  /** Audit action (default "update"). */
  action?: string;
  /** Audit entity name (default: the table name). */
  entity?: string;
}

/**
 * Optimistic-concurrency update inside a write transaction: applies `changes` only if the row
 * still has `version`, bumps the version and updated_at, and records before/after in the audit
 * log. A stale version is refused with LuoshiError 'conflict' (409), never overwritten.
 */
export async function updateVersioned<T extends VersionedTable>(
  trx: Kysely<Database>,
  input: UpdateVersionedInput<T>,
): Promise<Selectable<Database[T]>> {
  const before = await loadVersioned(trx, input.table, input.id);
  const current = (before as unknown as { version: number }).version;
  if (current !== input.version) throw staleVersion(input.table, input.id, input.version, current);
  const changes = input.changes as unknown as Record<string, unknown>;
  const after = await loose(trx)
    .updateTable(input.table as unknown as 'versioned')
    .set({ ...changes, updated_at: new Date().toISOString(), version: sql<number>`version + 1` })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .returningAll()
    .executeTakeFirst();
  if (!after) throw staleVersion(input.table, input.id, input.version, null);
  await appendAuditEvent(trx, {
    actor: input.actor,
    action: input.action ?? 'update',
    entity: input.entity ?? input.table,
    entityId: input.id,
    before,
    after,
  });
  return after as unknown as Selectable<Database[T]>;
}
