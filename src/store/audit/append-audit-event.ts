import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEvent, Database } from '../schema.js';
import { lockWriters } from '../write-transaction.js';

/** Who performs a mutation: a user (id + username) or a tool ("cli", "system"). */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };
export const CLI_ACTOR: Actor = { id: null, name: 'cli' };

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  actor: Actor;
  /** create | update | archive | import | merge | submit | approve | return … */
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** Defaults to now. */
  at?: string;
}

type HashedFields = Pick<
  AuditEvent,
  'at' | 'actor_id' | 'actor' | 'action' | 'entity' | 'entity_id' | 'before_json' | 'after_json' | 'prev_hash'
>;

/** The hash of one event: sha256 over its fields and the previous event's hash, in a fixed order. */
export function hashAuditEvent(event: HashedFields): string {
  const canonical = JSON.stringify([
    event.prev_hash,
    event.at,
    event.actor_id,
    event.actor,
    event.action,
    event.entity,
    event.entity_id,
    event.before_json,
    event.after_json,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Fields never copied into the audit log: secrets, and bytes that are stored (and hashed) elsewhere. */
const REDACTED_FIELDS = new Set(['password_hash', 'token_hash', 'csrf_token', 'source', 'content']);

function toJson(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const kept = Object.entries(value as Record<string, unknown>).map(([key, field]) =>
    REDACTED_FIELDS.has(key) ? [key, '[redacted]'] : [key, field],
  );
  return JSON.stringify(Object.fromEntries(kept));
}

/**
 * Appends one event to the audit log (审计日志), chained to the previous one. Call it inside the
 * transaction of the mutation it records, so both commit or neither does. Rows are only ever
 * inserted: no code path updates or deletes audit_events.
 */
export async function appendAuditEvent(trx: Kysely<Database>, input: AuditEventInput): Promise<AuditEvent> {
  if (!trx.isTransaction) throw new Error('appendAuditEvent must run inside the mutation transaction');
  await lockWriters(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: HashedFields = {
    at: input.at ?? new Date().toISOString(),
    actor_id: input.actor.id,
    actor: input.actor.name,
    action: input.action,
    entity: input.entity,
    entity_id: String(input.entityId),
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  return trx
    .insertInto('audit_events')
    .values({ ...fields, hash: hashAuditEvent(fields) })
    .returningAll()
    .executeTakeFirstOrThrow();
}
