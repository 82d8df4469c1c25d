import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import { TestClient } from '../testing/test-client.js';

/**
 * What guards every request whatever the route (issue 18): CSRF decided by the matched route,
 * the security headers, and whose word counts for the client's address. Both backends.
 */
describe.each(DIALECTS)('request guards on %s', (dialect) => {
  let world: TestWorld;
  let taskId: number;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    taskId = world.taskIds[0]!;
  });
  afterAll(async () => world?.close());

  it.each([
    ['POST', (t: number) => `/%61pi/tasks/${t}/comments`, { body: '跨站写入' }],
    ['POST', (t: number) => `/api/tasks/${t}/%63omments`, { body: '跨站写入' }],
    ['POST', () => '/%61pi/session', { username: 'admin', password: 'x' }],
    ['DELETE', () => '/%61pi/session', undefined],
    ['PATCH', () => '/%61pi/assignments/1', { version: 1, note: 'x' }],
    ['PUT', () => '/%61pi/users/1/disabled', { disabled: true }],
  ] as const)(
    'refuses %s %s without the CSRF token, however the path is spelled',
    async (method, url, json) => {
      const admin = await world.client('admin');
      const response = await admin.request(method, url(taskId), {
        csrf: false,
        ...(json === undefined ? {} : { json }),
      });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ code: 'csrf_invalid' });
      const comments = await admin.get(`/api/tasks/${taskId}/comments`);
      expect(JSON.stringify(comments.json())).not.toContain('跨站写入');
    },
  );

  it('sends the security headers on the web app, the API, its reference and errors', async () => {
    const client = await world.client();
    for (const url of ['/', '/api/session', '/api/docs/', '/api/nothing-here', '/public']) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      // Plain http (no PUBLIC_URL): no HSTS, no forced upgrade.
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
      expect(csp, url).not.toContain('upgrade-insecure-requests');
    }
  });

  it('the API reference loads its scripts from this origin only', async () => {
    const page = await (await world.client()).get('/api/docs/');
    expect(page.statusCode).toBe(200);
    const sources = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => !/^(https?:)?\/\//.test(s ?? ''))).toBe(true);
    expect(page.body).not.toMatch(/<script(?![^>]*src=)[^>]*>\s*\S/);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const client = new TestClient(world.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await client.request('POST', '/api/session', {
        json: { username: 'ghost', password: 'x' },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
  });
});

describe.each(DIALECTS)('behind a proxy on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, {
      env: { PUBLIC_URL: 'https://luoshi.example.gov.cn', TRUST_PROXY: '1' },
    });
  });
  afterAll(async () => world?.close());

  it('with TRUST_PROXY=1 counts sign-in attempts per forwarded client address', async () => {
    const client = new TestClient(world.app);
    const send = (address: string) =>
      client.request('POST', '/api/session', {
        json: { username: 'ghost', password: 'x' },
        headers: { 'x-forwarded-for': address },
      });
    const one: number[] = [];
    for (let i = 0; i < 11; i++) one.push((await send('203.0.113.7')).statusCode);
    expect(one).toContain(429);
    // Another client behind the same proxy is not limited by the first one's attempts.
    expect((await send('203.0.113.8')).statusCode).toBe(401);
  });

  it('sends HSTS and upgrades insecure requests when PUBLIC_URL is https', async () => {
    const response = await (await world.client()).get('/api/session');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
