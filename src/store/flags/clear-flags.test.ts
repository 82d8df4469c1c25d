import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/manage-users.js';
import { appendAuditEvent } from '../audit/append-audit-event.js';
import { listTaskAuditEvents } from '../audit/list-task-audit-events.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';
import { clearFlags } from './clear-flags.js';

describe.each(DIALECTS)('clearing a flag on %s', (dialect) => {
  let handle: TestDatabase;
  let plan: SeededPlan;
  let leaderId: number;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    plan = await seedPlan(handle.db);
    leaderId = (
      await createUser(handle.db, {
        username: 'leader',
        displayName: '领导',
        passwordHash: 'x',
        role: 'leader',
        unitId: null,
      })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const flag = (taskId: number) =>
    writeTransaction(handle.db, (trx) =>
      insertAudited(
        trx,
        'flags',
        {
          node_id: taskId,
          user_id: leaderId,
          note: null,
          cleared_at: null,
          created_at: 'now',
          updated_at: 'now',
        },
        { id: leaderId, name: 'leader' },
        'flag',
      ),
    );

  it('records the clear under the flag it changed, as the create is, and lists both on the task', async () => {
    const task = plan.tasks[0]!;
    const created = await flag(task.id);
    const cleared = await writeTransaction(handle.db, (trx) =>
      clearFlags(trx, task.id, leaderId, { id: leaderId, name: 'leader' }, '2026-05-01T00:00:00.000Z'),
    );
    expect(cleared).toBe(1);
    const events = await handle.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'entity_id', 'before_json', 'after_json'])
      .where('entity', '=', 'flag')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['create', String(created.id)],
      ['clear', String(created.id)],
    ]);
    expect(JSON.parse(events[1]!.before_json!)).toMatchObject({ id: created.id, cleared_at: null });
    expect(JSON.parse(events[1]!.after_json!)).toMatchObject({
      id: created.id,
      node_id: task.id,
      cleared_at: '2026-05-01T00:00:00.000Z',
      version: created.version + 1,
    });
    const listed = await listTaskAuditEvents(handle.db, task.id);
    expect(listed.filter((e) => e.event.entity === 'flag').map((e) => e.event.action)).toEqual([
      'clear',
      'create',
    ]);
    // Nothing left to clear: no event.
    const again = await writeTransaction(handle.db, (trx) =>
      clearFlags(trx, task.id, leaderId, { id: leaderId, name: 'leader' }, '2026-05-02T00:00:00.000Z'),
    );
    expect(again).toBe(0);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('still lists a clear recorded under the task id (older events) on that task only', async () => {
    const [, second, third] = plan.tasks;
    // A flag on the third task whose id equals the second task's id would match the legacy event.
    const legacy = await writeTransaction(handle.db, (trx) =>
      appendAuditEvent(trx, {
        actor: { id: leaderId, name: 'leader' },
        action: 'clear',
        entity: 'flag',
        entityId: second!.id,
      }),
    );
    expect(legacy).toBeDefined();
    const onSecond = await listTaskAuditEvents(handle.db, second!.id);
    expect(onSecond.some((e) => e.event.entity === 'flag' && e.event.action === 'clear')).toBe(true);
    const onThird = await listTaskAuditEvents(handle.db, third!.id);
    expect(onThird.some((e) => e.event.entity === 'flag' && e.event.action === 'clear')).toBe(false);
  });
});
