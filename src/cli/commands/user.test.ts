import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../server/auth/password.js';
import { openDatabase } from '../../store/database.js';
import { main } from '../main.js';

/** Runs `luoshi ARGS` in-process and returns its exit code and stdout. */
async function luoshi(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(['node', 'luoshi', ...args]);
    return { code, out };
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
  }
}

describe('luoshi user', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'luoshi-user-'));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env.DATA_DIR = saved.DATA_DIR;
    if (saved.DATABASE_URL) process.env.DATABASE_URL = saved.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, resets, disables and lists accounts', async () => {
    const added = await luoshi(
      'user',
      'add',
      'zhangsan',
      '--role',
      'reporter',
      '--unit',
      '区教委',
      '--name',
      '张三',
    );
    expect(added.code).toBe(0);
    const password = /one-time password: (\S+)/.exec(added.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

    const handle = await openDatabase({ sqlitePath: path.join(dir, 'luoshi.db') });
    const row = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'reporter', display_name: '张三', disabled: 0 });
    expect(row.unit_id).not.toBeNull();
    expect(await verifyPassword(password ?? '', row.password_hash)).toBe(true);

    const reset = await luoshi('user', 'passwd', 'zhangsan');
    const next = /new password for zhangsan: (\S+)/.exec(reset.out)?.[1] ?? '';
    const after = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(next, after.password_hash)).toBe(true);
    expect(await verifyPassword(password ?? '', after.password_hash)).toBe(false);

    expect((await luoshi('user', 'disable', 'zhangsan')).code).toBe(0);
    const disabled = await handle.db
      .selectFrom('users')
      .select('disabled')
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    expect(disabled.disabled).toBe(1);
    expect((await luoshi('user', 'list')).out).toMatch(/zhangsan\treporter\t\d+\tdisabled/);
    // Failed sign-ins from two addresses locked the account; unlock clears both.
    const now = new Date().toISOString();
    await handle.db
      .insertInto('login_throttles')
      .values([
        {
          username: 'zhangsan',
          address: '10.0.0.1',
          failures: 0,
          locks: 1,
          locked_until: now,
          updated_at: now,
        },
        {
          username: 'zhangsan',
          address: '10.0.0.2',
          failures: 2,
          locks: 0,
          locked_until: null,
          updated_at: now,
        },
      ])
      .execute();
    const unlocked = await luoshi('user', 'unlock', 'zhangsan');
    expect(unlocked.code).toBe(0);
    expect(unlocked.out).toBe('zhangsan unlocked\n');
    expect(await handle.db.selectFrom('login_throttles').selectAll().execute()).toEqual([]);
    const audit = await handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'user')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'password', 'disable', 'unlock']);
    await handle.close();
  });

  it('lists each account with the organisation it works for', async () => {
    expect((await luoshi('user', 'add', 'city-office', '--role', 'admin')).code).toBe(0);
    expect(
      (await luoshi('user', 'add', 'tz-office', '--role', 'admin', '-o', '北京市通州区人民政府')).code,
    ).toBe(0);
    const handle = await openDatabase({ sqlitePath: path.join(dir, 'luoshi.db') });
    const organisations = await handle.db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.username', 'o.name'])
      .where('u.username', 'in', ['city-office', 'tz-office'])
      .orderBy('u.id')
      .execute();
    await handle.close();
    const [root, district] = organisations;
    expect(district).toEqual({ username: 'tz-office', name: '北京市通州区人民政府' });
    expect(root!.name).not.toBe(district!.name);
    const lines = (await luoshi('user', 'list')).out.trim().split('\n');
    const mine = lines.filter((line) => /^(city|tz)-office\t/.test(line));
    expect(mine.map((line) => [line.split('\t')[0], line.split('\t').at(-1)])).toEqual([
      ['city-office', root!.name],
      ['tz-office', '北京市通州区人民政府'],
    ]);
  });

  it('refuses a duplicate username, a unit role without unit, and an unknown user', async () => {
    expect((await luoshi('user', 'add', 'boss', '--role', 'admin')).code).toBe(0);
    expect((await luoshi('user', 'add', 'boss', '--role', 'admin')).code).toBe(1);
    expect((await luoshi('user', 'add', 'nobody-unit', '--role', 'unit_head')).code).toBe(1);
    expect((await luoshi('user', 'passwd', 'ghost')).code).toBe(1);
    expect((await luoshi('user', 'add', 'x', '--role')).code).toBe(2);
  });
});
