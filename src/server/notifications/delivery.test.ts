import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import { runDailyReminders } from './reminder-job.js';

interface Mail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a local port that keeps every message it receives. */
async function startSmtpSink(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, mails };
}

/** A local HTTP endpoint that records webhook posts. */
async function startWebhookSink(): Promise<{
  server: Server;
  url: string;
  posts: Record<string, unknown>[];
}> {
  const posts: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      posts.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, posts };
}

describe.each(DIALECTS)('notification delivery and reminders on %s', (dialect) => {
  let world: TestWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hook: Awaited<ReturnType<typeof startWebhookSink>>;
  let taskId: number;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hook = await startWebhookSink();
    world = await createTestWorld(dialect, {
      today: '2026-06-30',
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        WEBHOOK_URL: hook.url,
        MAIL_FROM: 'luoshi <noreply@example.org>',
      },
    });
    await world.database.db
      .updateTable('users')
      .set({ email: 'a@example.org' })
      .where('username', '=', 'headA')
      .execute();
    taskId = world.taskIds[3]!;
    const admin = await world.client('admin');
    await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
      deadline: '2026-07-10',
    });
  });
  afterAll(async () => {
    await world?.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await new Promise<void>((resolve) => hook.server.close(() => resolve()));
  });

  it('opening a period e-mails the unit and posts the webhook', async () => {
    const admin = await world.client('admin');
    const period = await admin.post(`/api/reports/${world.reportId}/periods`, {
      label: '2026-06',
      open: true,
      dueOn: '2026-07-02',
    });
    expect(period.statusCode).toBe(200);
    await world.app.luoshi.notifier.settled();
    const mail = smtp.mails.find((m) => m.to.includes('a@example.org'));
    expect(mail?.raw).toContain('noreply@example.org');
    expect(
      hook.posts.some(
        (p) => p.kind === 'period_opened' && (p.user as { username: string }).username === 'headA',
      ),
    ).toBe(true);
    const delivered = await world.database.db
      .selectFrom('notifications')
      .select('delivered_at')
      .where('user_id', '=', world.userIds.headA)
      .executeTakeFirstOrThrow();
    expect(delivered.delivered_at).not.toBeNull();
  });

  it('the daily reminder warns of near deadlines once, of overdue tasks, and of periods due', async () => {
    const context = world.app.luoshi;
    const first = await runDailyReminders(context, '2026-06-30');
    expect(first.deadlineNear).toBe(2); // reporterA and headA
    expect(first.periodDue).toBeGreaterThanOrEqual(2);
    const again = await runDailyReminders(context, '2026-07-01');
    expect(again.deadlineNear).toBe(0);
    const late = await runDailyReminders(context, '2026-07-11');
    expect(late.overdue).toBe(2);
    const inbox = await (await world.client('reporterA')).get('/api/notifications');
    const kinds = inbox.json<{ notifications: { kind: string }[] }>().notifications.map((n) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['period_opened', 'deadline_near', 'overdue', 'period_due']),
    );
  });

  it("reads one or all notifications, only one's own", async () => {
    const reporterA = await world.client('reporterA');
    const inbox = await reporterA.get('/api/notifications');
    const { notifications, unread } = inbox.json<{ unread: number; notifications: { id: number }[] }>();
    expect(unread).toBeGreaterThan(1);
    const other = await world.client('reporterB');
    expect((await other.post(`/api/notifications/${notifications[0]!.id}/read`)).json()).toEqual({
      marked: 0,
    });
    expect((await reporterA.post(`/api/notifications/${notifications[0]!.id}/read`)).json()).toEqual({
      marked: 1,
    });
    expect((await reporterA.post('/api/notifications/read-all')).json<{ marked: number }>().marked).toBe(
      unread - 1,
    );
    expect((await reporterA.get('/api/notifications')).json()).toMatchObject({ unread: 0 });
  });
});
