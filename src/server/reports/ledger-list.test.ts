import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

interface LedgerRow {
  id: number;
  areaId: number;
  areaLabel: string | null;
  areaTitle: string;
  measureId: number | null;
  measureLabel: string | null;
  measureTitle: string | null;
  status: { class: string };
}
interface LedgerPage {
  total: number;
  offset: number;
  limit: number;
  tasks: LedgerRow[];
  facets?: {
    areas: { id: number; label: string | null; title: string }[];
    units: { id: number; name: string }[];
  };
}
interface Tree {
  areas: {
    id: number;
    label: string | null;
    title: string;
    measures: { id: number; label: string | null; title: string; tasks: { id: number }[] }[];
    tasks: { id: number }[];
  }[];
}

const AT = '2026-06-30';

/**
 * GET /api/reports/:id/tasks beyond the filters cached-reads.test.ts covers: the 领导关注 filter
 * (flags read per request, seen by the office and leaders only), the facets the ledger page
 * filters by, and each row's area and measure. Both backends.
 */
describe.each(DIALECTS)('ledger pages on %s', (dialect) => {
  let world: TestWorld;
  let reportId: number;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: AT });
    reportId = world.reportId;
  });
  afterAll(async () => {
    await world?.close();
  });

  const ledger = async (client: TestClient, query: string) => {
    const response = await client.get(`/api/reports/${reportId}/tasks?at=${AT}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LedgerPage>();
  };

  it('lists only the tasks a leader flags now, to the office and leaders, and follows flags at once', async () => {
    const leader = await world.client('leader');
    const admin = await world.client('admin');
    const reporter = await world.client('reporterA');
    const anonymous = await world.client();
    const [first, second, third] = [world.taskIds[1]!, world.taskIds[4]!, world.taskIds[9]!];
    expect(await ledger(leader, 'flagged=1')).toMatchObject({ total: 0, tasks: [] });

    for (const taskId of [third, first, second]) {
      const flagged = await leader.post(`/api/tasks/${taskId}/flag`, {});
      expect(flagged.statusCode, flagged.body).toBe(200);
    }
    // Reading order, whatever order they were flagged in; paged like any other filter.
    for (const client of [leader, admin]) {
      const all = await ledger(client, 'flagged=1');
      expect(all.total).toBe(3);
      expect(all.tasks.map((t) => t.id)).toEqual([first, second, third]);
      const page = await ledger(client, 'flagged=1&offset=1&limit=1');
      expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 });
      expect(page.tasks.map((t) => t.id)).toEqual([second]);
    }
    // Combined with another filter: flagged tasks of one area.
    const everything = await ledger(leader, 'limit=500');
    const areaOfThird = everything.tasks.find((t) => t.id === third)!.areaId;
    const inArea = await ledger(leader, `flagged=1&area=${areaOfThird}`);
    expect(inArea.tasks.map((t) => t.id)).toEqual(
      [first, second, third].filter(
        (id) => everything.tasks.find((t) => t.id === id)!.areaId === areaOfThird,
      ),
    );
    // Without the filter the page is the same as before anything was flagged.
    expect((await ledger(leader, 'limit=500')).total).toBe(world.taskIds.length);

    // Flags are not shown to unit users or anonymous visitors: nothing matches for them.
    expect((await ledger(reporter, 'flagged=1&limit=500')).total).toBe(0);
    expect((await ledger(anonymous, 'flagged=1&limit=500')).total).toBe(0);

    // A cleared flag drops out on the next read (flags do not move the report's counter).
    const cleared = await leader.delete(`/api/tasks/${second}/flag`);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await ledger(admin, 'flagged=1')).tasks.map((t) => t.id)).toEqual([first, third]);
    // flagged=0 filters nothing.
    expect((await ledger(admin, 'flagged=0&limit=500')).total).toBe(world.taskIds.length);
  });

  it('sends the work areas and assigned units with facets=1, and each row its area and measure', async () => {
    const admin = await world.client('admin');
    const [taskA, taskB] = [world.taskIds[0]!, world.taskIds[3]!];
    for (const [taskId, unitId, role] of [
      [taskA, world.units.B, 'lead'],
      [taskB, world.units.A, 'cooperating'],
    ] as const) {
      const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, { unitId, role });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const tree = (await admin.get(`/api/reports/${reportId}?at=${AT}`)).json<Tree>();
    const withFacets = await ledger(admin, 'facets=1&limit=500');
    expect(withFacets.facets?.areas).toEqual(
      tree.areas.map(({ id, label, title }) => ({ id, label, title })),
    );
    const units = withFacets.facets?.units ?? [];
    expect(units.map((u) => u.id).sort()).toEqual([world.units.A, world.units.B].sort());
    expect([...units].map((u) => u.name)).toEqual(
      units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    expect((await ledger(admin, 'limit=5')).facets).toBeUndefined();

    const expected = tree.areas.flatMap((a) => [
      ...a.measures.flatMap((m) =>
        m.tasks.map((t) => ({
          id: t.id,
          areaId: a.id,
          areaLabel: a.label,
          areaTitle: a.title,
          measureId: m.id,
          measureLabel: m.label,
          measureTitle: m.title,
        })),
      ),
      ...a.tasks.map((t) => ({
        id: t.id,
        areaId: a.id,
        areaLabel: a.label,
        areaTitle: a.title,
        measureId: null,
        measureLabel: null,
        measureTitle: null,
      })),
    ]);
    expect(withFacets.tasks).toMatchObject(expected);

    // A unit user's facets list only what they see: the units of their own tasks.
    const reporterB = await world.client('reporterB');
    const theirs = await ledger(reporterB, 'facets=1&limit=500');
    expect(theirs.tasks.map((t) => t.id)).toEqual([taskA]);
    expect(theirs.facets?.units.map((u) => u.id)).toEqual([world.units.B]);
  });
});
