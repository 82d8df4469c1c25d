import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { DIALECTS } from '../../store/testing.js';
import { buildApp } from '../app.js';
import type { RouteModule } from '../context.js';
import { createTestWorld, type FixtureUser, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';
import { ROUTE_ACCESS } from './route-access.js';

interface Case {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  url: (world: TestWorld) => string;
  /** A JSON body that fails the route's schema, or raw text that is not JSON at all. */
  json?: unknown;
  raw?: string;
  /** A role the route refuses, and one it admits. */
  wrongRole: FixtureUser;
  rightRole: FixtureUser;
  /** The field paths the permitted caller is told about. */
  fields: string[];
}

const CASES: Case[] = [
  {
    name: 'POST /api/units with a number for a name',
    method: 'POST',
    url: () => '/api/units',
    json: { name: 42 },
    wrongRole: 'reporterA',
    rightRole: 'admin',
    fields: ['body.name'],
  },
  {
    name: 'POST /api/users without username or role',
    method: 'POST',
    url: () => '/api/users',
    json: { role: 'emperor' },
    wrongRole: 'leader',
    rightRole: 'admin',
    fields: ['body.username', 'body.role'],
  },
  {
    name: 'POST /api/reports/:id/assignments/bulk with an empty item',
    method: 'POST',
    url: (w) => `/api/reports/${w.reportId}/assignments/bulk`,
    json: { items: [{}] },
    wrongRole: 'headB',
    rightRole: 'admin',
    fields: ['body.items.0.taskId', 'body.items.0.unitId', 'body.items.0.role'],
  },
  {
    name: 'PUT progress with a non-numeric period id and a text percent',
    method: 'PUT',
    url: (w) => `/api/periods/abc/tasks/${w.taskIds[0]}/progress`,
    json: { percent: 'lots' },
    wrongRole: 'admin',
    rightRole: 'reporterA',
    fields: ['params.periodId'],
  },
  {
    name: 'POST /api/tasks/:id/instructions with an empty body',
    method: 'POST',
    url: (w) => `/api/tasks/${w.taskIds[0]}/instructions`,
    json: {},
    wrongRole: 'admin',
    rightRole: 'leader',
    fields: ['body.body'],
  },
  {
    name: 'POST /api/tasks/:id/flag with a body that is not JSON',
    method: 'POST',
    url: (w) => `/api/tasks/${w.taskIds[0]}/flag`,
    raw: '{"note": ',
    wrongRole: 'reporterA',
    rightRole: 'leader',
    fields: [],
  },
];

function send(client: TestClient, c: Case, world: TestWorld) {
  if (c.raw !== undefined) {
    return client.request(c.method, c.url(world), {
      payload: c.raw,
      headers: { 'content-type': 'application/json' },
    });
  }
  return client.request(c.method, c.url(world), { json: c.json });
}

/** Who may call a route is checked before its body and parameters are validated. */
describe.each(DIALECTS)('permission before validation on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
  });
  afterAll(async () => world?.close());

  for (const c of CASES) {
    it(`${c.name}: anonymous → 401, ${c.wrongRole} → 403, ${c.rightRole} → 400`, async () => {
      const before = await world.database.db.selectFrom('audit_events').select('id').execute();
      const anonymous = await send(await world.client(), c, world);
      expect(anonymous.statusCode, anonymous.body).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthenticated', messageZh: '请先登录' });
      expect(anonymous.json().fields).toBeUndefined();

      const wrong = await send(await world.client(c.wrongRole), c, world);
      expect(wrong.statusCode, wrong.body).toBe(403);
      expect(wrong.json()).toMatchObject({ code: 'forbidden' });
      expect(wrong.json().fields).toBeUndefined();

      const right = await send(await world.client(c.rightRole), c, world);
      expect(right.statusCode, right.body).toBe(400);
      if (c.raw === undefined) {
        expect(right.json()).toMatchObject({ code: 'validation_failed' });
        const paths = right.json<{ fields: { path: string }[] }>().fields.map((f) => f.path);
        for (const field of c.fields) expect(paths).toContain(field);
      } else {
        expect(right.json()).toMatchObject({ code: 'malformed_json' });
      }
      // Nothing was written by any of the three.
      const after = await world.database.db.selectFrom('audit_events').select('id').execute();
      expect(after.length).toBe(before.length);
    });
  }

  it('signed-in-only routes: anonymous with bad parameters → 401, a signed-in user → 400', async () => {
    const anonymous = await (await world.client()).get('/api/progress/not-a-number');
    expect(anonymous.statusCode).toBe(401);
    const signed = await (await world.client('reporterB')).get('/api/progress/not-a-number');
    expect(signed.statusCode).toBe(400);
    expect(signed.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'params.id' }] });
    const password = await (await world.client()).post('/api/session/password', { newPassword: 1 });
    expect(password.statusCode).toBe(401);
  });

  it('every /api route has an access rule, and every rule a route', async () => {
    const spec = (await (await world.client()).get('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    expect(routes.filter((r) => !(r in ROUTE_ACCESS))).toEqual([]);
    // GET /api/openapi.json is hidden from its own document.
    expect(Object.keys(ROUTE_ACCESS).filter((r) => !routes.includes(r))).toEqual(['GET /api/openapi.json']);
  });

  it('a route missing from the access table stops the app from starting', async () => {
    const unlisted: RouteModule = (app) => {
      app.get('/api/unlisted', async () => ({}));
    };
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: '/nonexistent',
      ...(world.database.settings.DATABASE_URL ? { DATABASE_URL: world.database.settings.DATABASE_URL } : {}),
    });
    const started = buildApp({
      config,
      db: world.database.db,
      logger: createLogger('silent'),
      extraRoutes: [unlisted],
    }).then(async (app) => {
      await app.close();
      return app;
    });
    await expect(started).rejects.toThrow(/No access rule for GET \/api\/unlisted/);
  });
});
