import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { GENESIS_HASH, hashAuditEvent } from './append-audit-event.js';

export interface AuditProblem {
  /** The id of the event where the chain breaks. */
  eventId: number;
  kind: 'edited' | 'broken-link';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  /** Hash of the newest event: write it down elsewhere to detect a later truncation of the log's tail. */
  head: string;
  problems: AuditProblem[];
}

/**
 * Re-computes the audit hash chain. An edited event no longer matches its hash; a deleted
 * event (or an inserted or reordered one) breaks the link from the next event's prev_hash.
 * Reads in pages so millions of events do not sit in memory at once.
 */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const event of page) {
      events++;
      if (event.prev_hash !== expectedPrev) {
        problems.push({
          eventId: event.id,
          kind: 'broken-link',
          message: `event ${event.id} does not follow the event before it: an event was deleted, inserted or reordered`,
        });
      }
      if (hashAuditEvent(event) !== event.hash) {
        problems.push({
          eventId: event.id,
          kind: 'edited',
          message: `event ${event.id} does not match its hash: it was edited`,
        });
      }
      expectedPrev = event.hash;
      afterId = event.id;
    }
    if (page.length < pageSize) break;
  }
  return { ok: problems.length === 0, events, head: expectedPrev, problems };
}
