import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../start-server.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

/** The cookies a response sets, merged over `cookie` (same names replaced). */
function withCookies(cookie: string, response: Response): string {
  const set = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const names = new Set(set.map((c) => c.split('=')[0]));
  return [...cookie.split('; ').filter((c) => c !== '' && !names.has(c.split('=')[0])), ...set].join('; ');
}

/**
 * Signs in over HTTP with a one-time password and replaces it, as a new user must before any
 * other call; answers a GET that carries the session.
 */
async function signedInGet(url: string, username: string, password: string) {
  const session = await fetch(`${url}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  let cookie = withCookies('', session);
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { ...json, 'x-csrf-token': csrfToken, cookie },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status, `sign-in of ${username}`).toBe(200);
  cookie = withCookies(cookie, login);
  const loginToken = ((await login.json()) as { csrfToken: string }).csrfToken;
  const changed = await fetch(`${url}/api/session/password`, {
    method: 'POST',
    headers: { ...json, 'x-csrf-token': loginToken, cookie },
    body: JSON.stringify({ currentPassword: password, newPassword: `${username} passphrase of my own` }),
  });
  expect(changed.status, `password change of ${username}`).toBe(200);
  cookie = withCookies(cookie, changed);
  return async <T>(route: string): Promise<T> => {
    const response = await fetch(`${url}${route}`, { headers: { cookie } });
    expect(response.status, route).toBe(200);
    return (await response.json()) as T;
  };
}

/** `username password role …` lines of the printed sign-in table. */
function printedAccounts(text: string): Map<string, string> {
  return new Map(
    [...text.matchAll(/^ {2}(\S+)\s+([A-Za-z0-9]{12,})\s+(admin|leader|unit_head|reporter)\b/gm)].map((m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('luoshi serve with LUOSHI_DEMO=cascade (luoshi serve --demo cascade)', () => {
  it('loads the city and the district with handed-down tasks on a fresh database instead of the sample, prints who signs in, and loads nothing on the next start', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-demo-'));
    dirs.push(dir);
    const env = {
      DATA_DIR: dir,
      PORT: '0',
      LOG_LEVEL: 'silent',
      LUOSHI_DEMO: 'cascade',
      LUOSHI_TODAY: '2026-06-30',
    };
    const first = capture();
    const server = await startServer(env, first.stream);
    try {
      const printed = first.text();
      // The first-start administrator as always, then the demo's accounts and their period.
      expect(printed).toMatch(/one-time password:\s+[A-Za-z0-9]{16}/);
      expect(printed).toContain('period 2026-06');
      const accounts = printedAccounts(printed);
      expect([...accounts.keys()]).toEqual(['bj-office', 'bj-leader', 'tz-office', 'tz-leader', 'tz-unit']);

      // Visitors see both governments' published reports, not the sample alone.
      const reports = (await (await fetch(`${server.url}/api/reports`)).json()) as {
        reports: { title: string }[];
      };
      expect(reports.reports).toHaveLength(2);

      // The city's office sees its organisation and the district below it.
      const city = await signedInGet(server.url, 'bj-office', accounts.get('bj-office') ?? '');
      const tree = await city<{ organisations: { name: string; parentId: number | null; depth: number }[] }>(
        '/api/organisations',
      );
      expect(tree.organisations.map((o) => [o.name, o.depth])).toEqual([
        ['北京市人民政府', 0],
        ['北京市通州区人民政府（北京城市副中心）', 1],
      ]);

      // The district's office finds the city's tasks handed down to it, most of them accepted.
      const district = await signedInGet(server.url, 'tz-office', accounts.get('tz-office') ?? '');
      const inbox = await district<{ superiorTasks: { status: string }[] }>('/api/superior-tasks');
      expect(inbox.superiorTasks.length).toBeGreaterThanOrEqual(2);
      expect(inbox.superiorTasks.some((task) => task.status === 'accepted')).toBe(true);
      expect(inbox.superiorTasks.some((task) => task.status === 'pending')).toBe(true);
      const own = await district<{ reports: { title: string }[] }>('/api/reports');
      expect(own.reports).toHaveLength(1);
    } finally {
      await server.stop();
    }

    // A second start on the same database loads nothing and prints no passwords.
    const second = capture();
    const again = await startServer(env, second.stream);
    try {
      expect(second.text()).not.toContain('one-time password');
      expect(printedAccounts(second.text()).size).toBe(0);
      const list = (await (await fetch(`${again.url}/api/reports`)).json()) as { reports: unknown[] };
      expect(list.reports).toHaveLength(2);
    } finally {
      await again.stop();
    }
  });
});
