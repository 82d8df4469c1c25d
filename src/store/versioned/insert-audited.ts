import type { Insertable, Kysely, Selectable } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';

type TableWithId = {
  [K in keyof Database]: Database[K] extends { id: unknown } ? K : never;
}[keyof Database];

type LooseDatabase = { audited: { id: number } };

/** Inserts one row inside a write transaction and records it in the audit log ("create"). */
export async function insertAudited<T extends TableWithId>(
  trx: Kysely<Database>,
  table: T,
  values: Insertable<Database[T]>,
  actor: Actor,
  entity: string = table,
): Promise<Selectable<Database[T]>> {
  const row = await (trx as unknown as Kysely<LooseDatabase>)
    .insertInto(table as unknown as 'audited')
    .values(values as unknown as { id: number })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEvent(trx, { actor, action: 'create', entity, entityId: row.id, after: row });
  return row as unknown as Selectable<Database[T]>;
}
