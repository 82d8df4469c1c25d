import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { spawnWriter } from './spawn-writer.js';

const PER_PROCESS = 15;

/** Two processes edit the same target at once, retrying on conflict: no update may be lost. */
describe.each(DIALECTS)('writers in separate processes on %s', (dialect) => {
  let handle: TestDatabase;
  let plan: SeededPlan;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    plan = await seedPlan(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('loses no update when two processes race on one target', async () => {
    const target = plan.tasks[2]!.targets[0]!;
    const order = {
      settings: handle.settings,
      mode: 'increment' as const,
      count: PER_PROCESS,
      targetId: target.id,
    };
    const writers = [spawnWriter(order), spawnWriter(order)];
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(codes, writers.map((w) => w.stderr()).join('\n')).toEqual([0, 0]);
    const row = await handle.db
      .selectFrom('targets')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.value).toBe(target.value + 2 * PER_PROCESS);
    expect(row.version).toBe(target.version + 2 * PER_PROCESS);
    const versions = writers.flatMap((w) => w.acks.map((a) => a.version as number)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 2 * PER_PROCESS }, (_, i) => target.version + 1 + i));
    expect((await verifyAuditChain(handle.db)).problems).toEqual([]);
  }, 120_000);
});
