import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newSessionToken, SESSION_COOKIE } from '../../src/server/auth/session.js';
import { createTestWorld, type TestWorld } from '../../src/server/testing/test-app.js';
import type { TestClient } from '../../src/server/testing/test-client.js';
import { createSession } from '../../src/store/accounts/manage-sessions.js';
import { DIALECTS } from '../../src/store/testing.js';

/**
 * 50 reporters of one unit edit the same progress report at once, each adding its own line to
 * the narrative: read (GET), write with the version read (PUT). Stale writes must be refused
 * with 409 and retried, never silently overwrite another reporter's accepted line.
 */
const REPORTERS = 50;
const MAX_ATTEMPTS = 400;

interface ProgressBody {
  id: number;
  version: number;
  narrative: string;
}

describe.each(DIALECTS)('50 concurrent reporters on the same task (%s)', (dialect) => {
  let world: TestWorld;
  let progressId: number;
  let clients: TestClient[];
  let saveUrl: string;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    const taskId = world.taskIds[3]!;
    const admin = await world.client('admin');
    const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
    });
    expect(assigned.statusCode).toBe(200);
    const period = (await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-Q2' })).json<{
      id: number;
      version: number;
    }>();
    expect((await admin.post(`/api/periods/${period.id}/open`, { version: period.version })).statusCode).toBe(
      200,
    );
    // 50 browsers signed in as reporters of unit A. Their sessions are written directly (as a
    // sign-in would write them) rather than through 50 rate-limited scrypt sign-ins.
    clients = await Promise.all(
      Array.from({ length: REPORTERS }, async () => {
        const client = await world.client();
        const token = newSessionToken();
        const now = new Date();
        await createSession(world.database.db, {
          tokenHash: hashToken(token),
          userId: world.userIds.reporterA,
          csrfToken: '',
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        });
        client.cookies.set(SESSION_COOKIE, token);
        return client;
      }),
    );
    saveUrl = `/api/periods/${period.id}/tasks/${taskId}/progress`;
    const created = await clients[0]!.put(saveUrl, { narrative: '' });
    expect(created.statusCode).toBe(200);
    progressId = created.json<ProgressBody>().id;
  }, 120_000);
  afterAll(async () => world?.close());

  it('keeps every accepted write: stale versions get 409 and are retried', async () => {
    const line = (k: number) => `第${k + 1}位填报人：本月进展已核实`;
    const outcomes = await Promise.all(
      clients.map(async (client, k) => {
        let conflicts = 0;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const current = (await client.get(`/api/progress/${progressId}`)).json<ProgressBody>();
          const narrative = current.narrative ? `${current.narrative}\n${line(k)}` : line(k);
          const response = await client.put(saveUrl, { version: current.version, narrative });
          if (response.statusCode === 200) return { conflicts, accepted: true };
          expect(response.statusCode, response.body).toBe(409);
          expect(response.json()).toMatchObject({ code: 'conflict' });
          conflicts += 1;
          // Back off with jitter, as a browser retrying after "changed by someone else" would.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 5)));
        }
        return { conflicts, accepted: false };
      }),
    );
    expect(outcomes.every((o) => o.accepted)).toBe(true);
    // The reporters really did collide (otherwise this test proves nothing).
    expect(outcomes.reduce((sum, o) => sum + o.conflicts, 0)).toBeGreaterThan(0);

    const final = (await clients[0]!.get(`/api/progress/${progressId}`)).json<ProgressBody>();
    const lines = final.narrative.split('\n');
    expect(lines.length).toBe(REPORTERS);
    expect(new Set(lines)).toEqual(new Set(clients.map((_, k) => line(k))));
    // One version per accepted write after the creating one, and one audit event each.
    expect(final.version).toBe(1 + REPORTERS);
    const audits = await world.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', String(progressId))
      .where('action', '=', 'update')
      .execute();
    expect(audits.length).toBe(REPORTERS);
  }, 120_000);
});
