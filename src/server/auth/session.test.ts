import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';
import { SESSION_COOKIE } from './session.js';

describe.each(DIALECTS)('sessions and CSRF on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' } });
  });
  afterAll(async () => world?.close());

  it('anonymous GET /api/session has no user but a CSRF token', async () => {
    const client = await world.client();
    const response = await client.get('/api/session');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: null, csrfToken: expect.any(String) });
  });

  it('signs in with an httpOnly SameSite=Lax cookie and signs out', async () => {
    const client = await world.client();
    const response = await client.post('/api/session', { username: 'headA', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { username: 'headA', role: 'unit_head', unitId: world.units.A },
    });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`${SESSION_COOKIE}=[^;]+;.*HttpOnly`, 'i'));
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/session')).json()).toMatchObject({ user: { username: 'headA' } });
    expect((await client.delete('/api/session')).statusCode).toBe(200);
    expect((await client.get('/api/session')).json()).toMatchObject({ user: null });
  });

  it('stores only a hash of the session token', async () => {
    const client = await world.client('leader');
    const token = client.cookies.get(SESSION_COOKIE);
    expect(token).toBeTruthy();
    const rows = await world.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses wrong passwords and unknown users alike', async () => {
    const client = await world.client();
    const wrong = await client.post('/api/session', { username: 'reporterB', password: 'nope nope nope' });
    const unknown = await client.post('/api/session', { username: 'nobody', password: 'nope nope nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', messageZh: '用户名或密码错误' });
  });

  it('locks a username from one address after repeated failures, the same for real and unknown users', async () => {
    const client = await world.client();
    const attempt = (username: string, password: string, from: TestClient = client) =>
      from.post('/api/session', { username, password });
    for (const username of ['headB', 'nobody-here']) {
      for (let i = 0; i < 3; i++) expect((await attempt(username, 'wrong password')).statusCode).toBe(401);
    }
    const real = await attempt('headB', TEST_PASSWORD);
    const unknown = await attempt('nobody-here', TEST_PASSWORD);
    // No 423 that only real accounts get: both answers have the same status, code and shape.
    expect(real.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(real.json()).toMatchObject({
      code: 'too_many_attempts',
      details: { lockedUntil: expect.any(String) },
    });
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(real.json()).sort());
    expect(unknown.json()).toMatchObject({ code: 'too_many_attempts' });
    // The account's owner at another address is not locked out by someone else's guesses.
    const elsewhere = await world.client();
    expect((await attempt('headB', TEST_PASSWORD, elsewhere)).statusCode).toBe(200);
  });

  it('makes each further lock last longer, and the office unlocks (API and CLI share unlockAccount)', async () => {
    const client = await world.client();
    const until = async () => {
      for (let i = 0; i < 3; i++)
        await client.post('/api/session', { username: 'reporterB', password: 'wrong!' });
      return Date.parse(
        (await client.post('/api/session', { username: 'reporterB', password: TEST_PASSWORD })).json<{
          details: { lockedUntil: string };
        }>().details.lockedUntil,
      );
    };
    const first = await until();
    expect(first - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(first - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    // Let the first lock run out (as if 10 minutes had passed), then earn a second one.
    await world.database.db
      .updateTable('login_throttles')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('username', '=', 'reporterB')
      .execute();
    const second = await until();
    expect(second - Date.now()).toBeGreaterThan(19 * 60_000);
    const admin = await world.client('admin');
    const unlocked = await admin.post(`/api/users/${world.userIds.reporterB}/unlock`);
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(
      (await client.post('/api/session', { username: 'reporterB', password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it.each(['aaaaaaaaaaaa', 'password123456', 'abcabcabcabc', '1234567890', 'qwertyuiopas'])(
    'refuses the guessable password %s',
    async (password) => {
      const client = await world.client('leader');
      const response = await client.post('/api/session/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: password,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'weak_password' });
    },
  );

  it('rate-limits sign-in attempts per client', async () => {
    const client = await world.client();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await client.post('/api/session', { username: 'ghost', password: 'x' })).statusCode);
    }
    expect(statuses).toContain(429);
    const limited = await client.post('/api/session', { username: 'ghost', password: 'x' });
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
  });

  it('refuses a write without the CSRF token, or with a forged one', async () => {
    const client = await world.client('admin');
    const missing = await client.request('DELETE', '/api/session', { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_invalid' });
    const forged = await client.request('DELETE', '/api/session', {
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    // Still signed in: the forged request changed nothing.
    expect((await client.get('/api/session')).json()).toMatchObject({ user: { username: 'admin' } });
  });

  it('a token minted for another browser does not work with this one', async () => {
    const victim = await world.client('admin');
    const attacker = await world.client();
    await attacker.refreshCsrf();
    const response = await victim.request('DELETE', '/api/session', {
      csrf: false,
      headers: { 'x-csrf-token': attacker.csrfToken ?? '' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('issues a new session on sign-in (no session fixation)', async () => {
    const client = await world.client('reporterA');
    const planted = client.cookies.get(SESSION_COOKIE)!;
    await client.login('reporterA', TEST_PASSWORD);
    const fresh = client.cookies.get(SESSION_COOKIE)!;
    expect(fresh).not.toBe(planted);
    const old = await world.client();
    old.cookies.set(SESSION_COOKIE, planted);
    expect((await old.get('/api/session')).json()).toMatchObject({ user: null });
  });

  it('treats expired sessions and disabled users as anonymous', async () => {
    const client = await world.client('reporterB');
    await world.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', world.userIds.reporterB)
      .execute();
    expect((await client.get('/api/session')).json()).toMatchObject({ user: null });
    const second = await world.client('reporterB');
    await world.database.db
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', world.userIds.reporterB)
      .execute();
    expect((await second.get('/api/session')).json()).toMatchObject({ user: null });
    await world.database.db
      .updateTable('users')
      .set({ disabled: 0 })
      .where('id', '=', world.userIds.reporterB)
      .execute();
  });

  it('changes the password, ending other sessions', async () => {
    const first = await world.client('leader');
    const second = await world.client('leader');
    const weak = await first.post('/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password', fields: [{ path: 'body.newPassword' }] });
    const changed = await first.post('/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a much longer passphrase',
    });
    expect(changed.statusCode).toBe(200);
    expect((await first.get('/api/session')).json()).toMatchObject({ user: { username: 'leader' } });
    expect((await second.get('/api/session')).json()).toMatchObject({ user: null });
    await first.post('/api/session/password', {
      currentPassword: 'a much longer passphrase',
      newPassword: TEST_PASSWORD,
    });
  });
});
