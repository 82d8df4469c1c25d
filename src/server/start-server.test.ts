import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../store/testing.js';
import { startServer } from './start-server.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('luoshi serve', () => {
  it('first start creates the admin with a one-time password and loads the sample; the second start does neither', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-serve-'));
    dirs.push(dir);
    const env = { DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' };
    const first = capture();
    const server = await startServer(env, first.stream);
    const password = /one-time password:\s+(\S+)/.exec(first.text())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const reports = (await (await fetch(`${server.url}/api/reports`)).json()) as {
      reports: { title: string }[];
    };
    expect(reports.reports).toHaveLength(1);
    expect(reports.reports[0]?.title).toContain('政府工作报告');
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('<html');

    // Sign in with the printed password.
    const session = await fetch(`${server.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);

    // A request in flight when the stop begins still gets its answer.
    const inFlight = fetch(`${server.url}/api/reports/1/dashboard`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = server.stop();
    expect((await inFlight).status).toBe(200);
    await stopped;
    await expect(fetch(`${server.url}/api/reports`)).rejects.toThrow();

    const second = capture();
    const again = await startServer(env, second.stream);
    expect(second.text()).not.toContain('one-time password');
    const list = (await (await fetch(`${again.url}/api/reports`)).json()) as { reports: unknown[] };
    expect(list.reports).toHaveLength(1);
    await again.stop();
  });

  it('two instances on one PostgreSQL database share sessions and CSRF tokens', async () => {
    const database = await openTestDatabase('postgres', { migrate: false });
    const env = {
      DATABASE_URL: database.settings.DATABASE_URL,
      DATA_DIR: '/nonexistent',
      PORT: '0',
      LOG_LEVEL: 'silent',
    };
    const outA = capture();
    const outB = capture();
    const [a, b] = await Promise.all([startServer(env, outA.stream), startServer(env, outB.stream)]);
    try {
      // Exactly one of the two instances created the admin and printed its password.
      const passwords = [...`${outA.text()}${outB.text()}`.matchAll(/one-time password:\s+(\S+)/g)];
      expect(passwords).toHaveLength(1);
      const users = await database.db.selectFrom('users').select('username').execute();
      expect(users).toEqual([{ username: 'admin' }]);
      const reports = await database.db.selectFrom('reports').select('id').execute();
      expect(reports).toHaveLength(1);
      const password = passwords[0]?.[1] ?? '';
      const session = await fetch(`${a.url}/api/session`);
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      let cookie = session.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const login = await fetch(`${a.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const loginToken = ((await login.json()) as { csrfToken: string }).csrfToken;
      cookie = [cookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
      // The one-time password must be replaced first; the change starts a new session.
      const changed = await fetch(`${a.url}/api/session/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': loginToken, cookie },
        body: JSON.stringify({ currentPassword: password, newPassword: 'office passphrase 2026' }),
      });
      expect(changed.status).toBe(200);
      const token = ((await changed.json()) as { csrfToken: string }).csrfToken;
      const renewed = changed.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
      const renewedNames = new Set(renewed.map((c) => c.split('=')[0]));
      cookie = [...cookie.split('; ').filter((c) => !renewedNames.has(c.split('=')[0])), ...renewed].join(
        '; ',
      );
      const onB = await fetch(`${b.url}/api/session`, { headers: { cookie } });
      expect(((await onB.json()) as { user: { username: string } }).user.username).toBe('admin');
      const write = await fetch(`${b.url}/api/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
        body: JSON.stringify({ name: '区财政局' }),
      });
      expect(write.status).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
      await database.close();
    }
  });
});
