import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { handDown, seedCascade } from '../cascade/cascade-fixtures.js';
import { listSuperiorTasks } from '../cascade/list-superior-tasks.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { up } from './20261205-2130-superior-tasks-recorded.js';

describe.each(DIALECTS)('the superior-tasks-recorded migration on %s', (dialect) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('records as pending the hand-downs no office had read yet, once, and leaves received ones alone', async () => {
    handle = await openTestDatabase(dialect);
    const db = handle.db;
    const world = await seedCascade(db);
    const D = world.district.organisationId;
    await handDown(db, world);
    // The second city task, given to 通州 as it was before: assigned, never read by its office.
    const unread = await db
      .insertInto('assignments')
      .values({
        node_id: world.city.tasks[1]!.id,
        unit_id: world.district.representativeUnitId,
        role: 'cooperating',
        lead_official: null,
        lead_official_person_id: null,
        deadline: null,
        milestones_json: '[]',
        note: null,
        archived: 0,
        created_at: '2026-03-01T08:00:00.000Z',
        updated_at: '2026-03-01T08:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [received] = await listSuperiorTasks(db, { organisationId: D });
    expect((await listSuperiorTasks(db, { organisationId: D })).length).toBe(1);

    await up(db as unknown as Kysely<unknown>);
    await up(db as unknown as Kysely<unknown>);
    const after = await listSuperiorTasks(db, { organisationId: D });
    expect(after.map((t) => ({ id: t.id, assignmentId: t.assignment.id, status: t.status }))).toEqual([
      { id: received!.id, assignmentId: received!.assignment.id, status: 'pending' },
      { id: expect.any(Number), assignmentId: unread.id, status: 'pending' },
    ]);
    expect(await listSuperiorTasks(db, { organisationId: world.otherDistrict.organisationId })).toEqual([]);
  });
});
