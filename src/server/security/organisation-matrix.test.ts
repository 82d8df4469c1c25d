import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-app.js';
import { TestClient, type TestResponse } from '../testing/test-client.js';
import {
  CASCADE_ROWS,
  type MatrixOrg,
  type MatrixOrgData,
  type MatrixRoleName,
  type MatrixRow,
} from './cascade-matrix-rows.js';

/**
 * Role × organisation × route: two governments in one deployment, the root (the test world's
 * 通州 office) and a district created through the API. Every role of each reads and writes its
 * own organisation's data and gets 404/403 for the other's, on both databases. The root hands one
 * of its tasks down to the district, so the 上级交办 routes (cascade-matrix-rows.ts) are in it too.
 */

type Org = MatrixOrg;
type RoleName = MatrixRoleName;
type Role = `${Org}:${RoleName}` | 'anonymous';
const ROLE_NAMES: RoleName[] = ['admin', 'leader', 'reporter', 'head'];
const ROLES: Role[] = [
  'anonymous',
  ...(['R', 'D'] as const).flatMap((o) => ROLE_NAMES.map((r) => `${o}:${r}` as Role)),
];

type OrgData = MatrixOrgData;
type Row = MatrixRow;

const SIGNED: RoleName[] = ['admin', 'leader', 'reporter', 'head'];
const ROWS: Row[] = [
  {
    name: 'report',
    method: 'GET',
    url: (d) => `/api/reports/${d.reportId}`,
    allowed: ['anonymous', ...SIGNED],
  },
  {
    name: 'ledger',
    method: 'GET',
    url: (d) => `/api/reports/${d.reportId}/tasks`,
    allowed: ['anonymous', ...SIGNED],
  },
  {
    name: 'dashboard',
    method: 'GET',
    url: (d) => `/api/reports/${d.reportId}/dashboard`,
    allowed: ['anonymous', ...SIGNED],
  },
  { name: 'task', method: 'GET', url: (d) => `/api/tasks/${d.taskId}`, allowed: ['anonymous', ...SIGNED] },
  { name: 'task audit', method: 'GET', url: (d) => `/api/tasks/${d.taskId}/audit`, allowed: SIGNED },
  { name: 'task comments', method: 'GET', url: (d) => `/api/tasks/${d.taskId}/comments`, allowed: SIGNED },
  { name: 'periods', method: 'GET', url: (d) => `/api/reports/${d.reportId}/periods`, allowed: SIGNED },
  {
    name: 'period progress',
    method: 'GET',
    url: (d) => `/api/periods/${d.periodId}/progress`,
    allowed: SIGNED,
  },
  { name: 'progress report', method: 'GET', url: (d) => `/api/progress/${d.progressId}`, allowed: SIGNED },
  {
    name: 'comment on a task',
    method: 'POST',
    url: (d) => `/api/tasks/${d.taskId}/comments`,
    json: () => ({ body: '请加快进度' }),
    allowed: SIGNED,
  },
  {
    name: 'write progress',
    method: 'PUT',
    url: (d) => `/api/periods/${d.periodId}/tasks/${d.taskId}/progress`,
    json: () => ({ narrative: '本月完成' }),
    allowed: ['reporter', 'head'],
  },
  {
    name: 'assign a task to an own unit',
    method: 'POST',
    url: (d) => `/api/tasks/${d.freeTaskId}/assignments`,
    json: (d) => ({ unitId: d.spareUnit, role: 'cooperating' }),
    allowed: ['admin'],
  },
  {
    name: "assign an own task to the other organisation's unit",
    method: 'POST',
    url: (d) => `/api/tasks/${d.taskId}/assignments`,
    json: (_d, other) => ({ unitId: other.spareUnit, role: 'cooperating' }),
    allowed: [],
  },
  {
    name: 'edit an assignment',
    method: 'PATCH',
    url: (d) => `/api/assignments/${d.assignmentId}`,
    json: () => ({ version: 1, note: '按月报送' }),
    allowed: ['admin'],
  },
  {
    name: 'create a period',
    method: 'POST',
    url: (d) => `/api/reports/${d.reportId}/periods`,
    json: () => ({ label: '2026-Q3' }),
    allowed: ['admin'],
  },
  {
    name: 'approve progress',
    method: 'POST',
    url: (d) => `/api/progress/${d.progressId}/approve`,
    json: () => ({ version: 2 }),
    allowed: ['admin'],
  },
  {
    name: 'reset a password',
    method: 'POST',
    url: (d) => `/api/users/${d.spareUserId}/password`,
    allowed: ['admin'],
  },
  {
    name: 'create a reporter of a unit',
    method: 'POST',
    url: () => '/api/users',
    json: (d) => ({
      username: `u${d.spareUnit}-${Math.random().toString(36).slice(2, 8)}`,
      role: 'reporter',
      unitId: d.spareUnit,
    }),
    allowed: ['admin'],
  },
  {
    name: 'create a unit under a unit',
    method: 'POST',
    url: () => '/api/units',
    json: (d) => ({ name: `下属单位${Math.random().toString(36).slice(2, 8)}`, parentId: d.unit }),
    allowed: ['admin'],
  },
  ...CASCADE_ROWS,
];

const DENIED = new Set([401, 403, 404]);

describe.each(DIALECTS)('role × organisation × route on %s', (dialect) => {
  let world: TestWorld;
  const clients = new Map<Role, TestClient>();
  const data = {} as Record<Org, OrgData>;
  let districtId = 0;
  let representativeUnitId = 0;
  /** R's task handed down to D (D's third task is never used). */
  const handedDownTaskId = {} as Record<Org, number>;

  /** Signs a new account in with its one-time password and replaces it, as its owner must. */
  async function firstSignIn(username: string, oneTime: string): Promise<TestClient> {
    const client = new TestClient(world.app);
    await client.login(username, oneTime);
    const blocked = await client.get('/api/reports');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe('password_change_required');
    const changed = await client.post('/api/session/password', {
      currentPassword: oneTime,
      newPassword: TEST_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    return client;
  }

  /** Units, accounts, an imported and published report, an assignment, a period and progress. */
  async function fill(org: Org, admin: TestClient): Promise<void> {
    const created = async (url: string, json: unknown) => {
      const response = await admin.post(url, json);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response;
    };
    const unit = (await created('/api/units', { name: '区教委' })).json<{ id: number }>().id;
    const spareUnit = (await created('/api/units', { name: '区财政局' })).json<{ id: number }>().id;
    for (const [role, name] of [
      ['leader', 'leader'],
      ['reporter', 'reporter'],
      ['unit_head', 'head'],
    ] as const) {
      const account = await created('/api/users', {
        username: `${org}-${name}`,
        role,
        ...(role === 'leader' ? {} : { unitId: unit }),
      });
      clients.set(
        `${org}:${name}`,
        await firstSignIn(`${org}-${name}`, account.json<{ password: string }>().password),
      );
    }
    const spareUserId = (await created('/api/users', { username: `${org}-spare`, role: 'leader' })).json<{
      user: { id: number };
    }>().user.id;
    // The district imports the very file of the root's first report (another government may hold
    // the same document); the root, which has it already, a copy with other bytes.
    const sample = readFileSync(SAMPLE_REPORT);
    const bytes = org === 'D' ? sample : Buffer.concat([sample, Buffer.from('\n')]);
    const upload = await admin.upload('/api/imports', 'sample.md', bytes);
    expect(upload.statusCode, upload.body).toBe(200);
    const reportId = (
      await created(`/api/imports/${upload.json<{ uploadId: string }>().uploadId}/commit`, {
        fileName: 'sample.md',
        publish: true,
      })
    ).json<{ reportId: number }>().reportId;
    const tasks = await world.database.db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', reportId)
      .where('kind', '=', 'task')
      .orderBy('position')
      .limit(3)
      .execute();
    const [taskId, freeTaskId] = [tasks[0]!.id, tasks[1]!.id];
    handedDownTaskId[org] = tasks[2]!.id;
    const assignmentId = (
      await created(`/api/tasks/${taskId}/assignments`, { unitId: unit, role: 'lead' })
    ).json<{
      id: number;
    }>().id;
    const periodId = (
      await created(`/api/reports/${reportId}/periods`, { label: '2026-06', open: true })
    ).json<{
      id: number;
    }>().id;
    const reporter = clients.get(`${org}:reporter`)!;
    const draft = await reporter.put(`/api/periods/${periodId}/tasks/${taskId}/progress`, {
      narrative: '进展',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const progress = draft.json<{ id: number; version: number }>();
    const submitted = await clients
      .get(`${org}:head`)!
      .post(`/api/progress/${progress.id}/submit`, { version: progress.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    data[org] = {
      reportId,
      taskId,
      freeTaskId,
      unit,
      spareUnit,
      assignmentId,
      periodId,
      progressId: progress.id,
      spareUserId,
    };
  }

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    clients.set('anonymous', await world.client());
    const rootAdmin = await world.client('admin');
    clients.set('R:admin', rootAdmin);
    const district = await rootAdmin.post('/api/organisations', {
      name: '北京市通州区永顺镇人民政府',
      level: 'town',
      admin: { username: 'D-admin', displayName: '镇督查室' },
    });
    expect(district.statusCode, district.body).toBe(200);
    const created = district.json<{ organisation: { id: number }; unit: { id: number }; password: string }>();
    districtId = created.organisation.id;
    representativeUnitId = created.unit.id;
    clients.set('D:admin', await firstSignIn('D-admin', created.password));
    // The root's fixture users have their own unit accounts; the matrix uses fresh ones alike.
    await fill('R', rootAdmin);
    await fill('D', clients.get('D:admin')!);
    // 上级交办: the root gives a task to the unit standing for the district, which receives it.
    const handedDown = await rootAdmin.post(`/api/tasks/${handedDownTaskId.R}/assignments`, {
      unitId: representativeUnitId,
      role: 'lead',
    });
    expect(handedDown.statusCode, handedDown.body).toBe(200);
    const inbox = await clients.get('D:admin')!.get('/api/superior-tasks');
    const [superiorTask] = inbox.json<{ superiorTasks: { id: number }[] }>().superiorTasks;
    data.D.superiorTaskId = superiorTask!.id;
    data.R.subordinateId = districtId;
    data.R.representativeUnitId = representativeUnitId;
  }, 120_000);
  afterAll(async () => world?.close());

  for (const row of ROWS) {
    it(`${row.method} ${row.name}: own organisation only`, async () => {
      for (const owner of row.owners ?? (['R', 'D'] as const)) {
        const other: Org = owner === 'R' ? 'D' : 'R';
        const outcomes: Record<string, number> = {};
        for (const role of ROLES) {
          const client = clients.get(role)!;
          const response: TestResponse = await client.request(row.method, row.url(data[owner], data[other]), {
            ...(row.json ? { json: row.json(data[owner], data[other]) } : {}),
          });
          expect(response.statusCode, `${role} on ${owner}: ${response.body.slice(0, 200)}`).toBeLessThan(
            500,
          );
          outcomes[role] = response.statusCode;
        }
        const expected = ROLES.filter((role) =>
          role === 'anonymous'
            ? row.allowed.includes('anonymous')
            : role.startsWith(`${owner}:`) && row.allowed.includes(role.slice(2) as RoleName),
        );
        const allowedNow = ROLES.filter((role) => !DENIED.has(outcomes[role] ?? 0));
        expect({ owner, allowed: allowedNow, outcomes }).toMatchObject({ owner, allowed: expected });
        // The other organisation's people learn nothing: a 404 (or 403 for a role never allowed).
        for (const role of ROLES.filter((r) => r.startsWith(`${other}:`))) {
          expect([403, 404], `${role} on ${owner}'s ${row.name}`).toContain(outcomes[role]);
        }
      }
    });
  }

  it('lists show each organisation its own reports, units, users, search hits and tree', async () => {
    const ids = <T>(response: TestResponse, key: string) =>
      (response.json<Record<string, { id: number }[]>>()[key] ?? []).map((x) => x.id) as T[];
    for (const org of ['R', 'D'] as const) {
      const other: Org = org === 'R' ? 'D' : 'R';
      for (const name of ROLE_NAMES) {
        const client = clients.get(`${org}:${name}`)!;
        const reports = ids<number>(await client.get('/api/reports'), 'reports');
        expect(reports, `${org}:${name} reports`).toContain(data[org].reportId);
        expect(reports, `${org}:${name} reports`).not.toContain(data[other].reportId);
        const units = ids<number>(await client.get('/api/units'), 'units');
        expect(units).toEqual(expect.arrayContaining([data[org].unit, data[org].spareUnit]));
        expect(units).not.toContain(data[other].unit);
        const search = (await client.get('/api/search?q=%E5%AD%A6%E4%BD%8D')).json<{
          hits: { reportId: number }[];
        }>();
        expect(search.hits.length, `${org}:${name} search`).toBeGreaterThan(0);
        const own = org === 'R' ? [world.reportId, data.R.reportId] : [data.D.reportId];
        expect(search.hits.map((h) => h.reportId).filter((id) => !own.includes(id))).toEqual([]);
      }
      const users = (await clients.get(`${org}:admin`)!.get('/api/users')).json<{
        users: { username: string; organisationId: number }[];
      }>().users;
      expect(users.map((u) => u.username)).toContain(`${org}-reporter`);
      expect(users.map((u) => u.username)).not.toContain(`${other}-reporter`);
      expect(new Set(users.map((u) => u.organisationId)).size).toBe(1);
    }
    const rootTree = (await clients.get('R:admin')!.get('/api/organisations')).json<{
      organisations: { id: number; parentId: number | null; depth: number }[];
    }>().organisations;
    expect(rootTree.map((o) => o.depth)).toEqual([0, 1]);
    expect(rootTree[1]).toMatchObject({ id: districtId, parentId: rootTree[0]!.id });
    const districtTree = (await clients.get('D:reporter')!.get('/api/organisations')).json<{
      organisations: { id: number }[];
    }>().organisations;
    expect(districtTree.map((o) => o.id)).toEqual([districtId]);
    // The 上级交办 inbox: every district user reads the task handed down; the root's people have none.
    for (const org of ['R', 'D'] as const) {
      for (const name of ROLE_NAMES) {
        const inbox = await clients.get(`${org}:${name}`)!.get('/api/superior-tasks');
        expect(inbox.statusCode, `${org}:${name} superior tasks`).toBe(200);
        const ids = inbox.json<{ superiorTasks: { id: number }[] }>().superiorTasks.map((t) => t.id);
        expect(ids, `${org}:${name} superior tasks`).toEqual(org === 'D' ? [data.D.superiorTaskId] : []);
      }
    }
    expect((await clients.get('anonymous')!.get('/api/superior-tasks')).statusCode).toBe(401);
    // A district office creates no organisation beside its superior's: only below its own.
    const session = (await clients.get('D:admin')!.get('/api/session')).json<{
      user: { organisationId: number };
    }>();
    expect(session.user.organisationId).toBe(districtId);
  });

  it('anonymous visitors read the published reports of every organisation', async () => {
    const reports = (await clients.get('anonymous')!.get('/api/reports')).json<{
      reports: { id: number }[];
    }>().reports;
    expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining([data.R.reportId, data.D.reportId]));
  });
});
