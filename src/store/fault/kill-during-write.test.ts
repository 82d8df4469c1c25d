import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { spawnWriter } from './spawn-writer.js';

const ROUNDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * kill -9 in the middle of imports and progress submissions: a child writes in a loop and
 * prints an ack after each commit; we SIGKILL it at a random moment, several times, then check
 * that the database is consistent and holds every acknowledged write.
 */
describe.each(DIALECTS)('kill -9 during writes on %s', (dialect) => {
  let handle: TestDatabase;
  let plan: SeededPlan;
  const importAcks: Record<string, unknown>[] = [];
  const progressAcks: Record<string, unknown>[] = [];
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    plan = await seedPlan(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('survives SIGKILL at random moments of imports and submissions', async () => {
    const withTargets = plan.tasks.filter((t) => t.targets.length > 0);
    for (let round = 0; round < ROUNDS; round++) {
      const writer = spawnWriter({
        settings: handle.settings,
        mode: 'mixed',
        tasks: withTargets.map((t) => ({ taskId: t.id, targetId: t.targets[0]!.id })),
        unitId: plan.leadUnitId,
        periodId: plan.periodId,
      });
      await writer.firstAck;
      await sleep(100 + Math.random() * 400);
      writer.child.kill('SIGKILL');
      const code = await writer.exited;
      expect(code, writer.stderr()).toBe(null); // killed, not crashed
      expect(writer.acks.length, writer.stderr()).toBeGreaterThan(0);
      importAcks.push(...writer.acks.filter((a) => a.kind === 'import'));
      progressAcks.push(...writer.acks.filter((a) => a.kind === 'progress'));
    }
  }, 120_000);

  it('keeps every acknowledged import, whole', async () => {
    const reports = await handle.db.selectFrom('reports').select('id').execute();
    const ids = new Set(reports.map((r) => r.id));
    for (const ack of importAcks) expect(ids.has(ack.reportId as number)).toBe(true);
    // No partial import: each report has its revision, all its tasks, and exactly one import event.
    const events = await handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'import')
      .execute();
    expect(events).toHaveLength(reports.length);
    for (const event of events) {
      const { counts } = JSON.parse(event.after_json!) as { counts: { tasks: number } };
      const tasks = await handle.db
        .selectFrom('nodes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('report_id', '=', Number(event.entity_id))
        .where('kind', '=', 'task')
        .executeTakeFirstOrThrow();
      expect(Number(tasks.n)).toBe(counts.tasks);
      const report = await handle.db
        .selectFrom('reports')
        .select('current_revision_id')
        .where('id', '=', Number(event.entity_id))
        .executeTakeFirstOrThrow();
      expect(report.current_revision_id).not.toBeNull();
    }
  });

  it('keeps every acknowledged progress write, each with its audit event', async () => {
    const last = new Map<number, { version: number; status: string }>();
    for (const ack of progressAcks)
      last.set(ack.id as number, { version: ack.version as number, status: ack.status as string });
    expect(last.size).toBeGreaterThan(0);
    for (const [id, acked] of last) {
      const row = await handle.db
        .selectFrom('progress_reports')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.version).toBeGreaterThanOrEqual(acked.version);
      if (row.version === acked.version) expect(row.status).toBe(acked.status);
      const events = await handle.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'progress_report')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow();
      expect(Number(events.n)).toBe(row.version); // one event per committed version, none lost or extra
    }
  });

  it('leaves an intact database and audit chain', async () => {
    expect((await verifyAuditChain(handle.db)).problems).toEqual([]);
    if (dialect === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
      const fk = await sql`pragma foreign_key_check`.execute(handle.db);
      expect(fk.rows).toEqual([]);
    }
  });
});
