import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-app.js';
import { TestClient, type TestResponse } from '../testing/test-client.js';

interface CreatedOrganisation {
  organisation: { id: number; name: string; parentId: number };
  unit: { id: number; name: string; representsOrganisationId: number | null; version: number };
  user: { username: string };
  password: string;
}

/**
 * POST /api/organisations: a sub-organisation comes with its first administrator and, in the same
 * transaction, the unit of the superior's ledger that represents it, so the superior can hand
 * tasks down at once and its dashboard lists the district like a unit.
 */
describe.each(DIALECTS)('creating a sub-organisation on %s', (dialect) => {
  let world: TestWorld;
  let cityAdmin: TestClient;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-03-20' });
    cityAdmin = await world.client('admin');
  });
  afterAll(async () => world?.close());

  const ok = <T>(response: TestResponse): T => {
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json<T>();
  };

  /** Signs the new administrator in and replaces the one-time password, as its owner must. */
  async function districtOffice(created: CreatedOrganisation): Promise<TestClient> {
    const client = new TestClient(world.app);
    await client.login(created.user.username, created.password);
    ok(
      await client.post('/api/session/password', {
        currentPassword: created.password,
        newPassword: TEST_PASSWORD,
      }),
    );
    return client;
  }

  it('creates the representative unit, to which the city assigns tasks that reach the district', async () => {
    const created = ok<CreatedOrganisation>(
      await cityAdmin.post('/api/organisations', {
        name: '北京市通州区人民政府',
        level: 'district',
        unitName: '通州区政府',
        admin: { username: 'tz-office' },
      }),
    );
    expect(created.unit).toMatchObject({
      name: '通州区政府',
      representsOrganisationId: created.organisation.id,
    });
    const units = ok<{ units: { id: number; representsOrganisationId: number | null }[] }>(
      await cityAdmin.get('/api/units'),
    ).units;
    expect(units.filter((u) => u.representsOrganisationId === created.organisation.id)).toEqual([
      expect.objectContaining({ id: created.unit.id }),
    ]);

    ok(
      await cityAdmin.post(`/api/tasks/${world.taskIds[0]}/assignments`, {
        unitId: created.unit.id,
        role: 'lead',
      }),
    );
    const tz = await districtOffice(created);
    const inbox = ok<{ superiorTasks: { source: { taskId: number }; assignment: { unitName: string } }[] }>(
      await tz.get('/api/superior-tasks'),
    ).superiorTasks;
    expect(inbox).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ taskId: world.taskIds[0] }),
        assignment: expect.objectContaining({ unitName: '通州区政府' }),
      }),
    ]);
    const dashboard = ok<{ units: { unitId: number; unitName: string; status: { total: number } }[] }>(
      await cityAdmin.get(`/api/reports/${world.reportId}/dashboard`),
    );
    expect(dashboard.units.find((u) => u.unitId === created.unit.id)).toMatchObject({
      unitName: '通州区政府',
      status: { total: 1 },
    });
  });

  it('links a unit of that name the city already has, and defaults the name to the organisation’s', async () => {
    const existing = ok<{ id: number }>(await cityAdmin.post('/api/units', { name: '北京市顺义区人民政府' }));
    const created = ok<CreatedOrganisation>(
      await cityAdmin.post('/api/organisations', {
        name: '北京市顺义区人民政府',
        admin: { username: 'sy-office' },
      }),
    );
    expect(created.unit).toMatchObject({
      id: existing.id,
      representsOrganisationId: created.organisation.id,
    });
    const named = await world.database.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '北京市顺义区人民政府')
      .execute();
    expect(named).toHaveLength(1);
  });

  it('refuses, writing nothing, a unit name that already stands for another district', async () => {
    const db = world.database.db;
    const count = async () =>
      Promise.all(
        (['organisations', 'units', 'users'] as const).map(async (table) =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    const refused = await cityAdmin.post('/api/organisations', {
      name: '北京市大兴区人民政府',
      unitName: '通州区政府',
      admin: { username: 'dx-office' },
    });
    expect(refused.statusCode).toBe(409);
    expect(await count()).toEqual(before);
  });
});
