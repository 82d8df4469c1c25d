import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import {
  createTestWorld,
  FIXTURE_USERS,
  type FixtureUser,
  TEST_PASSWORD,
  type TestWorld,
} from '../testing/test-app.js';
import type { TestClient, TestResponse } from '../testing/test-client.js';
import { CASCADE_LIST_ROUTES, CASCADE_ROWS } from './cascade-matrix-rows.js';

type Role = FixtureUser | 'anonymous';
const ROLES: Role[] = ['anonymous', ...(Object.keys(FIXTURE_USERS) as FixtureUser[])];

/** The ids the rows refer to, created through the API before the matrix runs. */
interface Fixture {
  reportId: number;
  unpublishedReportId: number;
  /** A task of the unpublished report, led by unit A, in its open period. */
  unpublishedTask: number;
  unpublishedPeriodId: number;
  t1: number; // lead A, cooperating B
  t2: number; // lead B
  t3: number; // unassigned
  unitB: number;
  periodId: number;
  progressA: number; // A's draft on t1
  attachmentA: number;
  assignmentId: number;
  spareUserId: number;
  uploadId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Route as registered (with :params), for the coverage check. */
  route: string;
  url: (f: Fixture) => string;
  json?: (f: Fixture, role: Role) => unknown;
  file?: { name: string; bytes: Buffer };
  allowed: Role[];
  /** Run with a freshly signed-in client (the request changes the session). */
  fresh?: boolean;
}

const SIGNED: Role[] = ['admin', 'leader', 'reporterA', 'headA', 'reporterB', 'headB'];
const ALL: Role[] = ['anonymous', ...SIGNED];
const UNIT_A: Role[] = ['reporterA', 'headA'];
const UNIT_B: Role[] = ['reporterB', 'headB'];
const UNIT_USERS: Role[] = [...UNIT_A, ...UNIT_B];
/** Who reads unpublished reports (src/store/reports/readable-reports.ts). */
const OFFICE: Role[] = ['admin', 'leader'];
const brokenXlsx = { name: 'x.xlsx', bytes: Buffer.from('PK\u0003\u0004 broken') };

const ROWS: Row[] = [
  { method: 'GET', route: '/api/session', url: () => '/api/session', allowed: ALL },
  { method: 'GET', route: '/api/openapi.json', url: () => '/api/openapi.json', allowed: ALL },
  { method: 'GET', route: '/api/reports', url: () => '/api/reports', allowed: ALL },
  { method: 'GET', route: '/api/reports/:id', url: (f) => `/api/reports/${f.reportId}`, allowed: ALL },
  {
    method: 'GET',
    route: '/api/reports/:id',
    url: (f) => `/api/reports/${f.unpublishedReportId}`,
    allowed: OFFICE,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/dashboard',
    url: (f) => `/api/reports/${f.reportId}/dashboard`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/dashboard',
    url: (f) => `/api/reports/${f.unpublishedReportId}/dashboard`,
    allowed: OFFICE,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/tasks',
    url: (f) => `/api/reports/${f.reportId}/tasks`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/tasks',
    url: (f) => `/api/reports/${f.unpublishedReportId}/tasks`,
    allowed: OFFICE,
  },
  { method: 'GET', route: '/api/tasks/:id', url: (f) => `/api/tasks/${f.t1}`, allowed: ALL },
  // Unit users see only their unit's tasks (src/server/reports/report-scope.ts): B's task is a 404 for A.
  {
    method: 'GET',
    route: '/api/tasks/:id',
    url: (f) => `/api/tasks/${f.t2}`,
    allowed: ['anonymous', 'admin', 'leader', ...UNIT_B],
  },
  // The task's passage: the same visibility as the task page.
  { method: 'GET', route: '/api/tasks/:id/source', url: (f) => `/api/tasks/${f.t1}/source`, allowed: ALL },
  {
    method: 'GET',
    route: '/api/tasks/:id/source',
    url: (f) => `/api/tasks/${f.t2}/source`,
    allowed: ['anonymous', 'admin', 'leader', ...UNIT_B],
  },
  { method: 'GET', route: '/api/search', url: () => '/api/search?q=%E5%AD%A6%E4%BD%8D', allowed: ALL },
  {
    method: 'GET',
    route: '/api/search',
    url: (f) => `/api/search?q=%E5%AD%A6%E4%BD%8D&unitId=${f.unitB}`,
    allowed: ['anonymous', 'admin', 'leader', ...UNIT_B],
  },
  // Unpublished reports are the office's drafts: unit users and visitors see none of them.
  // One report on both sides is a 400 (same_report), answered only once both sides are readable.
  {
    method: 'GET',
    route: '/api/diff',
    url: (f) => `/api/diff?before=${f.reportId}&after=${f.reportId}`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/diff',
    url: (f) => `/api/diff?before=${f.reportId}&after=${f.unpublishedReportId}`,
    allowed: OFFICE,
  },
  {
    method: 'GET',
    route: '/api/promises',
    url: (f) => `/api/promises?promised=${f.reportId}&reviewed=${f.reportId}`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/promises',
    url: (f) => `/api/promises?promised=${f.unpublishedReportId}&reviewed=${f.reportId}`,
    allowed: OFFICE,
  },
  { method: 'GET', route: '/api/tasks/:id', url: (f) => `/api/tasks/${f.unpublishedTask}`, allowed: OFFICE },
  {
    method: 'GET',
    route: '/api/reports/:id/periods',
    url: (f) => `/api/reports/${f.unpublishedReportId}/periods`,
    allowed: OFFICE,
  },
  {
    method: 'PUT',
    route: '/api/periods/:periodId/tasks/:taskId/progress',
    url: (f) => `/api/periods/${f.unpublishedPeriodId}/tasks/${f.unpublishedTask}/progress`,
    json: () => ({ narrative: '未发布' }),
    allowed: [],
  },
  { method: 'GET', route: '/api/organisations', url: () => '/api/organisations', allowed: SIGNED },
  {
    method: 'POST',
    route: '/api/organisations',
    url: () => '/api/organisations',
    json: (_f, r) => ({ name: `区政府-${r}`, level: 'district', admin: { username: `org-admin-${r}` } }),
    allowed: ['admin'],
  },
  { method: 'GET', route: '/api/units', url: () => '/api/units', allowed: SIGNED },
  {
    method: 'POST',
    route: '/api/units',
    url: () => '/api/units',
    json: (_f, r) => ({ name: `单位-${r}` }),
    allowed: ['admin'],
  },
  { method: 'GET', route: '/api/users', url: () => '/api/users', allowed: ['admin'] },
  {
    method: 'POST',
    route: '/api/users',
    url: () => '/api/users',
    json: (_f, r) => ({ username: `new-${r}`, role: 'leader' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/users/:id/password',
    url: (f) => `/api/users/${f.spareUserId}/password`,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/users/:id/unlock',
    url: (f) => `/api/users/${f.spareUserId}/unlock`,
    allowed: ['admin'],
  },
  {
    method: 'PUT',
    route: '/api/users/:id/disabled',
    url: (f) => `/api/users/${f.spareUserId}/disabled`,
    json: () => ({ disabled: false }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/assignments',
    url: (f) => `/api/tasks/${f.t3}/assignments`,
    json: () => ({ unitId: 1, role: 'cooperating' }),
    allowed: ['admin'],
  },
  {
    method: 'PATCH',
    route: '/api/assignments/:id',
    url: (f) => `/api/assignments/${f.assignmentId}`,
    json: () => ({ version: 999, note: 'x' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/reports/:id/assignments/bulk',
    url: (f) => `/api/reports/${f.reportId}/assignments/bulk`,
    json: (f) => ({ items: [{ taskId: f.t1, unitId: 1, role: 'lead' }] }),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    route: '/api/reports/:id/periods',
    url: (f) => `/api/reports/${f.reportId}/periods`,
    allowed: SIGNED,
  },
  {
    method: 'POST',
    route: '/api/reports/:id/periods',
    url: (f) => `/api/reports/${f.reportId}/periods`,
    json: () => ({ label: '2026-11' }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/periods/:id/open',
    url: (f) => `/api/periods/${f.periodId}/open`,
    json: () => ({ version: 999 }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/periods/:id/close',
    url: (f) => `/api/periods/${f.periodId}/close`,
    json: () => ({ version: 999 }),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    route: '/api/periods/:id/progress',
    url: (f) => `/api/periods/${f.periodId}/progress`,
    allowed: SIGNED,
  },
  {
    method: 'PUT',
    route: '/api/periods/:periodId/tasks/:taskId/progress',
    url: (f) => `/api/periods/${f.periodId}/tasks/${f.t2}/progress`,
    json: () => ({ version: 999, narrative: 'x' }),
    allowed: UNIT_B,
  },
  {
    method: 'GET',
    route: '/api/progress/:id',
    url: (f) => `/api/progress/${f.progressA}`,
    allowed: ['admin', 'leader', ...UNIT_A],
  },
  {
    method: 'POST',
    route: '/api/progress/:id/submit',
    url: (f) => `/api/progress/${f.progressA}/submit`,
    json: () => ({ version: 999 }),
    allowed: ['headA'],
  },
  {
    method: 'POST',
    route: '/api/progress/:id/approve',
    url: (f) => `/api/progress/${f.progressA}/approve`,
    json: () => ({ version: 999 }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/progress/:id/return',
    url: (f) => `/api/progress/${f.progressA}/return`,
    json: () => ({ version: 999, reason: 'x' }),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    route: '/api/periods/:periodId/tasks/:taskId/consolidation',
    url: (f) => `/api/periods/${f.periodId}/tasks/${f.t1}/consolidation`,
    allowed: ['admin', 'leader', ...UNIT_A],
  },
  {
    method: 'GET',
    route: '/api/periods/:id/progress.xlsx',
    url: (f) => `/api/periods/${f.periodId}/progress.xlsx`,
    allowed: ['admin', ...UNIT_USERS],
  },
  {
    method: 'POST',
    route: '/api/periods/:id/progress.xlsx',
    url: (f) => `/api/periods/${f.periodId}/progress.xlsx`,
    file: brokenXlsx,
    allowed: ['admin', ...UNIT_USERS],
  },
  {
    method: 'POST',
    route: '/api/progress/:id/attachments',
    url: (f) => `/api/progress/${f.progressA}/attachments`,
    file: { name: 'evidence.txt', bytes: Buffer.from('佐证') },
    allowed: UNIT_A,
  },
  {
    method: 'GET',
    route: '/api/progress/:id/attachments',
    url: (f) => `/api/progress/${f.progressA}/attachments`,
    allowed: ['admin', 'leader', ...UNIT_A],
  },
  {
    method: 'GET',
    route: '/api/attachments/:id',
    url: (f) => `/api/attachments/${f.attachmentA}`,
    allowed: ['admin', 'leader', ...UNIT_A],
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/history',
    url: (f) => `/api/tasks/${f.t2}/history`,
    allowed: ['admin', 'leader', ...UNIT_B],
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/audit',
    url: (f) => `/api/tasks/${f.t2}/audit`,
    allowed: ['admin', 'leader', ...UNIT_B],
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/comments',
    url: (f) => `/api/tasks/${f.t2}/comments`,
    allowed: ['admin', 'leader', ...UNIT_B],
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/comments',
    url: (f) => `/api/tasks/${f.t2}/comments`,
    json: () => ({ body: '请加快进度' }),
    allowed: ['admin', 'leader', ...UNIT_B],
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/instructions',
    url: (f) => `/api/tasks/${f.t2}/instructions`,
    json: () => ({ body: '务必按期完成' }),
    allowed: ['leader'],
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/flag',
    url: (f) => `/api/tasks/${f.t2}/flag`,
    json: () => ({}),
    allowed: ['leader'],
  },
  {
    method: 'DELETE',
    route: '/api/tasks/:id/flag',
    url: (f) => `/api/tasks/${f.t2}/flag`,
    allowed: ['leader'],
  },
  { method: 'GET', route: '/api/flags', url: () => '/api/flags', allowed: ['admin', 'leader'] },
  { method: 'GET', route: '/api/notifications', url: () => '/api/notifications', allowed: SIGNED },
  {
    method: 'POST',
    route: '/api/notifications/:id/read',
    url: () => '/api/notifications/1/read',
    allowed: SIGNED,
  },
  {
    method: 'POST',
    route: '/api/notifications/read-all',
    url: () => '/api/notifications/read-all',
    allowed: SIGNED,
  },
  {
    method: 'POST',
    route: '/api/imports',
    url: () => '/api/imports',
    file: { name: 'x.exe', bytes: Buffer.from('MZ') },
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/imports/:uploadId/commit',
    url: (f) => `/api/imports/${f.uploadId}/commit`,
    json: () => ({ fileName: 'again.md' }),
    allowed: ['admin'],
  },
  // Publishing (src/server/publish): documents for the office and leaders, the infographic for all.
  {
    method: 'GET',
    route: '/api/reports/:id/division.:format',
    url: (f) => `/api/reports/${f.reportId}/division.xlsx`,
    allowed: ['admin', 'leader'],
  },
  {
    method: 'POST',
    route: '/api/reports/:id/division.xlsx',
    url: (f) => `/api/reports/${f.reportId}/division.xlsx`,
    file: brokenXlsx,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/imports/division-plan',
    url: () => '/api/imports/division-plan',
    file: brokenXlsx,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/reports/:id/division/preview',
    url: (f) => `/api/reports/${f.reportId}/division/preview`,
    file: brokenXlsx,
    allowed: ['admin'],
  },
  {
    method: 'POST',
    route: '/api/reports/:id/division/commit',
    url: (f) => `/api/reports/${f.reportId}/division/commit`,
    json: () => ({
      rows: [{ line: 1, taskIds: [], lead: [], cooperating: [], leaders: [], deadline: null }],
    }),
    allowed: ['admin'],
  },
  // The 台账 export writes what the ledger list shows the reader, to whoever may read that list.
  {
    method: 'GET',
    route: '/api/reports/:id/ledger.xlsx',
    url: (f) => `/api/reports/${f.reportId}/ledger.xlsx`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/ledger.xlsx',
    url: (f) => `/api/reports/${f.unpublishedReportId}/ledger.xlsx`,
    allowed: OFFICE,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/bulletin.:format',
    url: (f) => `/api/reports/${f.reportId}/bulletin.md?period=2026-Q2`,
    allowed: ['admin', 'leader'],
  },
  {
    method: 'GET',
    route: '/api/reports/:id/infographic.:format',
    url: (f) => `/api/reports/${f.reportId}/infographic.svg`,
    allowed: ALL,
  },
  {
    method: 'GET',
    route: '/api/reports/:id/infographic.:format',
    url: (f) => `/api/reports/${f.unpublishedReportId}/infographic.svg`,
    allowed: OFFICE,
  },
  { method: 'DELETE', route: '/api/session', url: () => '/api/session', allowed: ALL, fresh: true },
  {
    method: 'POST',
    route: '/api/session',
    url: () => '/api/session',
    json: () => ({ username: 'leader', password: TEST_PASSWORD }),
    allowed: ALL,
    fresh: true,
  },
  {
    method: 'POST',
    route: '/api/session/password',
    url: () => '/api/session/password',
    json: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    allowed: SIGNED,
    fresh: true,
  },
];

/**
 * Routes other modules own, checked by their own tests (listed so new routes are not missed). The
 * 上级交办 routes need two organisations: organisation-matrix.test.ts runs them by role and
 * organisation (CASCADE_ROWS, and the inbox list in its list test).
 */
const OWNED_ELSEWHERE = [
  // Deleting would consume the fixture's attachment; every role is checked in attachments.test.ts.
  'DELETE /api/attachments/:id',
];

const DENIED = new Set([401, 403, 404]);

describe.each(DIALECTS)('every endpoint × every role on %s', (dialect) => {
  let world: TestWorld;
  let fixture: Fixture;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    for (const role of ROLES) clients.set(role, await world.client(role === 'anonymous' ? undefined : role));
    const admin = clients.get('admin')!;
    const [t1, t2, t3] = [world.taskIds[0]!, world.taskIds[1]!, world.taskIds[2]!];
    const lead = await admin.post(`/api/tasks/${t1}/assignments`, { unitId: world.units.A, role: 'lead' });
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: t1, unitId: world.units.B, role: 'cooperating' },
        { taskId: t2, unitId: world.units.B, role: 'lead' },
      ],
    });
    const period = (
      await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-06', open: true })
    ).json<{ id: number }>();
    const progress = await clients
      .get('reporterA')!
      .put(`/api/periods/${period.id}/tasks/${t1}/progress`, { narrative: '进展' });
    const progressA = progress.json<{ id: number }>().id;
    const attachment = await clients
      .get('reporterA')!
      .upload(`/api/progress/${progressA}/attachments`, 'a.pdf', Buffer.from('%PDF-1.4'));
    const spare = await admin.post('/api/users', { username: 'spare', role: 'leader' });
    const upload = await admin.upload('/api/imports', 'sample.md', readFileSync(SAMPLE_REPORT));
    const draft = await admin.upload(
      '/api/imports',
      'draft.md',
      // Other bytes than the published sample's, so it is a report of its own.
      Buffer.concat([readFileSync(SAMPLE_REPORT), Buffer.from('\n')]),
    );
    const unpublished = (
      await admin.post(`/api/imports/${draft.json<{ uploadId: string }>().uploadId}/commit`, {
        fileName: 'draft.md',
        publish: false,
      })
    ).json<{ reportId: number }>();
    const unpublishedTask = (
      await world.database.db
        .selectFrom('nodes')
        .select('id')
        .where('report_id', '=', unpublished.reportId)
        .where('kind', '=', 'task')
        .orderBy('position')
        .executeTakeFirstOrThrow()
    ).id;
    await admin.post(`/api/tasks/${unpublishedTask}/assignments`, { unitId: world.units.A, role: 'lead' });
    const unpublishedPeriod = (
      await admin.post(`/api/reports/${unpublished.reportId}/periods`, { label: '2026-06', open: true })
    ).json<{ id: number }>();
    fixture = {
      reportId: world.reportId,
      unpublishedReportId: unpublished.reportId,
      unpublishedTask,
      unpublishedPeriodId: unpublishedPeriod.id,
      t1,
      t2,
      t3,
      unitB: world.units.B,
      periodId: period.id,
      progressA,
      attachmentA: attachment.json<{ id: number }>().id,
      assignmentId: lead.json<{ id: number }>().id,
      spareUserId: spare.json<{ user: { id: number } }>().user.id,
      uploadId: upload.json<{ uploadId: string }>().uploadId,
    };
  });
  afterAll(async () => world?.close());

  it('the matrix lists every API route', async () => {
    const spec = (await clients.get('admin')!.get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set([
      ...ROWS.map((r) => `${r.method} ${r.route}`),
      ...CASCADE_ROWS.map((r) => `${r.method} ${r.route}`),
      ...CASCADE_LIST_ROUTES,
      ...OWNED_ELSEWHERE,
    ]);
    const missing = routes.filter((r) => r.includes(' /api/')).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    // And no row names a route that is gone (several rows may test one route; the spec does
    // not list itself).
    const stale = [...new Set(ROWS.map((r) => `${r.method} ${r.route}`))].filter(
      (r) => r !== 'GET /api/openapi.json' && !routes.includes(r),
    );
    expect(stale).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.route} → allowed for ${row.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const role of ROLES) {
        const client = row.fresh
          ? await world.client(role === 'anonymous' ? undefined : role)
          : clients.get(role)!;
        const url = row.url(fixture);
        let response: TestResponse;
        if (row.file) response = await client.upload(url, row.file.name, row.file.bytes);
        else {
          const json = row.json?.(fixture, role);
          response = await client.request(row.method, url, json === undefined ? {} : { json });
        }
        outcomes[role] = response.statusCode;
        expect(response.statusCode, `${role}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }
      const allowedNow = ROLES.filter((role) => !DENIED.has(outcomes[role] ?? 0));
      expect({ allowed: allowedNow, outcomes }).toMatchObject({ allowed: row.allowed });
    });
  }
});
