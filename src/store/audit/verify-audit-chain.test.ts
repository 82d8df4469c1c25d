import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateTarget } from '../targets/update-target.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { verifyAuditChain } from './verify-audit-chain.js';

/** What an attacker with database access does first: remove the append-only triggers. */
async function dropAppendOnlyGuards(handle: TestDatabase): Promise<void> {
  if (handle.dialect === 'postgres') {
    await sql`drop trigger audit_events_no_update on audit_events`.execute(handle.db);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(handle.db);
    await sql`drop trigger audit_events_no_delete`.execute(handle.db);
  }
}

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let handle: TestDatabase;
  let plan: SeededPlan;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    plan = await seedPlan(handle.db);
    const target = plan.tasks[2]!.targets[0]!;
    await updateTarget(handle.db, {
      id: target.id,
      version: target.version,
      changes: { value: 6600 },
      actor: plan.actor,
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('records every mutation with actor, entity and before/after, chained', async () => {
    const events = await handle.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    // import, 2 units, 10 assignments, 1 period, 1 target edit
    expect(events).toHaveLength(15);
    const edit = events.at(-1)!;
    expect(edit).toMatchObject({ action: 'update', entity: 'target', actor: 'cli' });
    expect(JSON.parse(edit.before_json!)).toMatchObject({ value: 6500, version: 1 });
    expect(JSON.parse(edit.after_json!)).toMatchObject({ value: 6600, version: 2 });
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev_hash).toBe(events[i - 1]!.hash);
    expect(await verifyAuditChain(handle.db)).toEqual({
      ok: true,
      events: 15,
      head: events.at(-1)!.hash,
      problems: [],
    });
  });

  it('is append-only in the database: UPDATE and DELETE are refused', async () => {
    await expect(
      sql`update audit_events set actor = 'someone' where id = 3`.execute(handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = 3`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('detects an edited event and a deleted event once the guards are dropped', async () => {
    await dropAppendOnlyGuards(handle);
    await sql`update audit_events set after_json = '{"value":1}' where id = 15`.execute(handle.db);
    const edited = await verifyAuditChain(handle.db);
    expect(edited.ok).toBe(false);
    expect(edited.problems).toEqual([expect.objectContaining({ eventId: 15, kind: 'edited' })]);

    await sql`delete from audit_events where id = 7`.execute(handle.db);
    const deleted = await verifyAuditChain(handle.db, 4); // small pages: the break spans a page boundary
    expect(deleted.problems.map((p) => `${p.eventId}:${p.kind}`)).toEqual(['8:broken-link', '15:edited']);
  });
});

describe('audit log writers', () => {
  it('no source file updates or deletes audit rows', () => {
    const src = new URL('../../', import.meta.url);
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) =>
        /(updateTable|deleteFrom)\(\s*['"]audit_events|\b(update|delete\s+from|truncate)\s+(table\s+)?audit_events\b/i.test(
          readFileSync(new URL(file, src), 'utf8'),
        ),
      );
    // The migration that forbids it names the statements in its trigger; nothing else may.
    expect(offenders.filter((file) => !file.includes('audit-append-only'))).toEqual([]);
  });
});
