import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../store/testing.js';
import { prepareFirstStart } from '../first-start.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

describe.each(DIALECTS)('one-time passwords on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
  });
  afterAll(async () => world?.close());

  it('refuses everything but the password change until a generated password is replaced', async () => {
    const admin = await world.client('admin');
    const created = await admin.post('/api/users', { username: 'wang_ld', role: 'leader' });
    expect(created.statusCode).toBe(200);
    const oneTime = (created.json() as { password: string }).password;

    const leader = await world.client();
    const signIn = await leader.post('/api/session', { username: 'wang_ld', password: oneTime });
    expect(signIn.json()).toMatchObject({ user: { username: 'wang_ld', mustChangePassword: true } });
    expect((await leader.get('/api/session')).json()).toMatchObject({ user: { mustChangePassword: true } });
    for (const url of [
      `/api/reports/${world.reportId}/dashboard`,
      `/api/tasks/${world.taskIds[0]}`,
      '/api/flags',
    ]) {
      const refused = await leader.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'password_change_required',
        messageZh: '请先修改一次性密码',
      });
    }
    const same = await leader.post('/api/session/password', {
      currentPassword: oneTime,
      newPassword: oneTime,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ code: 'weak_password' });

    const changed = await leader.post('/api/session/password', {
      currentPassword: oneTime,
      newPassword: 'my own passphrase 42',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ user: { username: 'wang_ld' } });
    expect(
      (changed.json() as { user: { mustChangePassword?: boolean } }).user.mustChangePassword,
    ).toBeUndefined();
    expect((await leader.get('/api/flags')).statusCode).toBe(200);
    expect((await leader.get(`/api/reports/${world.reportId}/dashboard`)).statusCode).toBe(200);

    // An office reset hands out a new one-time password: the change is required again.
    const id = (created.json() as { user: { id: number } }).user.id;
    const reset = await admin.post(`/api/users/${id}/password`, {});
    const again = await world.client();
    await again.post('/api/session', { username: 'wang_ld', password: reset.json().password });
    expect((await again.get('/api/flags')).json()).toMatchObject({ code: 'password_change_required' });
  });

  it('marks the first-start administrator’s generated password as one-time', async () => {
    const fresh = await openTestDatabase(dialect);
    try {
      const first = await prepareFirstStart(fresh.db, false);
      expect(first.admin?.username).toBe('admin');
      const row = await fresh.db
        .selectFrom('users')
        .select('must_change_password')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
