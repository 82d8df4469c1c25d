import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../store/accounts/manage-users.js';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import type { UserRole } from '../../store/schema.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';
import { DIALECTS } from '../../store/testing.js';
import { hashPassword } from '../auth/password.js';
import { lightSchema } from '../reports/schema.js';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-app.js';
import { TestClient } from '../testing/test-client.js';

interface SuperiorTask {
  id: number;
  status: string;
  version: number;
  referenceNumber: string | null;
  assignment: { unitName: string; leadOfficial: string | null; deadline: string | null; role: string };
  source: { reportId: number; reportTitle: string; taskId: number; taskText: string };
  links: { taskId: number; text: string; units: { unitName: string; latest: { status: string } | null }[] }[];
  periods: { periodId: number; progressReportId: number | null; progressStatus: string | null }[];
}

/**
 * The whole cascade through the API (issue #17): the city (the test world's root organisation,
 * with the sample report) hands a task down to 通州; 通州's office receives, accepts, decomposes
 * and links it; 通州's units report and its office approves; the office submits the consolidated
 * report up; the city approves it and sees 通州 on its dashboard. Beside it: a sibling district
 * (顺义) reads none of it, and 通州 writes none of the city's data.
 */
describe.each(DIALECTS)('cascade between governments on %s', (dialect) => {
  let world: TestWorld;
  let cityAdmin: TestClient;
  let cityOrganisationId: number;
  let districtId: number;
  let otherDistrictId: number;
  let districtReportId: number;
  let districtOwnTaskId: number;
  const clients = new Map<string, TestClient>();

  async function signIn(username: string): Promise<TestClient> {
    const client = new TestClient(world.app);
    await client.login(username, TEST_PASSWORD);
    clients.set(username, client);
    return client;
  }

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-03-20' });
    const db = world.database.db;
    cityAdmin = await world.client('admin');
    cityOrganisationId = (
      await db
        .selectFrom('reports')
        .select('organisation_id')
        .where('id', '=', world.reportId)
        .executeTakeFirstOrThrow()
    ).organisation_id!;
    const now = new Date().toISOString();
    const addDistrict = async (name: string) =>
      (
        await db
          .insertInto('organisations')
          .values({
            name,
            level: 'district',
            parent_id: cityOrganisationId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    districtId = await addDistrict('北京市通州区人民政府');
    otherDistrictId = await addDistrict('北京市顺义区人民政府');
    const passwordHash = await hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
    const addUser = (
      username: string,
      role: UserRole,
      organisationId: number,
      unitId: number | null = null,
    ) => createUser(db, { username, displayName: username, passwordHash, role, unitId, organisationId });
    await addUser('tzAdmin', 'admin', districtId);
    await addUser('tzLeader', 'leader', districtId);
    await addUser('syAdmin', 'admin', otherDistrictId);
    // 通州's own report (a live, published report of the district).
    const tree = makeTree('2026年通州区政府工作报告', [
      { title: '办好人民满意的教育', tasks: ['新建学校3个。', '推进集团化办学。'] },
    ]);
    const imported = await importReport(db, {
      bytes: new TextEncoder().encode(tree.text),
      fileName: 'tongzhou.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    });
    districtReportId = imported.reportId;
    await db
      .updateTable('reports')
      .set({ organisation_id: districtId, year: 2026, published_at: now })
      .where('id', '=', districtReportId)
      .execute();
    districtOwnTaskId = (
      await db
        .selectFrom('nodes')
        .select('id')
        .where('report_id', '=', districtReportId)
        .where('kind', '=', 'task')
        .orderBy('position')
        .executeTakeFirstOrThrow()
    ).id;
    for (const name of ['tzAdmin', 'tzLeader', 'syAdmin']) await signIn(name);
  });
  afterAll(async () => world?.close());

  const ok = <T>(response: { statusCode: number; body: string; json<U>(): U }): T => {
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json<T>();
  };

  it('city assigns → district accepts, decomposes, links → units report → district submits up → city approves and sees it', async () => {
    const db = world.database.db;
    const tz = clients.get('tzAdmin')!;
    const sy = clients.get('syAdmin')!;

    // The city: a unit that stands for 通州, a task handed down to it, a period.
    const unit = ok<{ id: number; version: number }>(
      await cityAdmin.post('/api/units', { name: '通州区政府' }),
    );
    const represented = ok<{ representsOrganisationId: number }>(
      await cityAdmin.put(`/api/units/${unit.id}/represents`, {
        version: unit.version,
        organisationId: districtId,
      }),
    );
    expect(represented.representsOrganisationId).toBe(districtId);
    const cityTask = await db
      .selectFrom('nodes as n')
      .innerJoin('targets as t', 't.node_id', 'n.id')
      .select(['n.id', 'n.text', 't.id as target_id', 't.subject', 't.unit'])
      .where('n.report_id', '=', world.reportId)
      .where('n.kind', '=', 'task')
      // A task with exactly one target in 个, the unit of 通州's own 新建学校3个: the two are summed.
      .where('t.unit', '=', '个')
      .where((eb) =>
        eb(
          eb
            .selectFrom('targets as same')
            .select((s) => s.fn.countAll<number>().as('n'))
            .whereRef('same.node_id', '=', 'n.id')
            .where('same.unit', '=', '个'),
          '=',
          1,
        ),
      )
      .orderBy('n.position')
      .orderBy('t.ordinal')
      .executeTakeFirstOrThrow();
    ok(
      await cityAdmin.post(`/api/tasks/${cityTask.id}/assignments`, {
        unitId: unit.id,
        role: 'lead',
        leadOfficial: '王副市长',
        deadline: '2026-11-30',
      }),
    );
    const cityPeriod = ok<{ id: number }>(
      await cityAdmin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-Q1', open: true }),
    );

    // 通州's office is told; 顺义's is not.
    const notices = async (client: TestClient) =>
      ok<{ notifications: { kind: string; title: string; link: string | null }[] }>(
        await client.get('/api/notifications'),
      ).notifications;
    expect((await notices(tz)).filter((n) => n.kind === 'superior_task')).toEqual([
      expect.objectContaining({
        title: `上级交办任务：${cityTask.text.slice(0, 30)}`,
        link: '/superior-tasks',
      }),
    ]);
    expect(await notices(sy)).toEqual([]);

    // 通州's office sees it in its inbox, with its source; 顺义's does not.
    const inbox = ok<{ superiorTasks: SuperiorTask[] }>(await tz.get('/api/superior-tasks'));
    expect(inbox.superiorTasks).toHaveLength(1);
    const received = inbox.superiorTasks[0]!;
    expect(received).toMatchObject({
      status: 'pending',
      referenceNumber: null,
      assignment: { role: 'lead', unitName: '通州区政府', leadOfficial: '王副市长', deadline: '2026-11-30' },
      source: { reportId: world.reportId, taskId: cityTask.id, taskText: cityTask.text },
      periods: [{ periodId: cityPeriod.id, progressReportId: null }],
    });
    expect(received.source.reportTitle).not.toBe('');
    expect(ok<{ superiorTasks: SuperiorTask[] }>(await sy.get('/api/superior-tasks')).superiorTasks).toEqual(
      [],
    );
    expect((await sy.get(`/api/superior-tasks/${received.id}`)).statusCode).toBe(404);

    // Accept with the city's reference number; a second accept is a conflict.
    const tooLong = await tz.post(`/api/superior-tasks/${received.id}/accept`, {
      version: received.version,
      referenceNumber: '号'.repeat(101),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(
      (await sy.post(`/api/superior-tasks/${received.id}/accept`, { version: received.version })).statusCode,
    ).toBe(404);
    const accepted = ok<SuperiorTask>(
      await tz.post(`/api/superior-tasks/${received.id}/accept`, {
        version: received.version,
        referenceNumber: '市折子工程2026-017',
      }),
    );
    expect(accepted).toMatchObject({ status: 'accepted', referenceNumber: '市折子工程2026-017' });
    expect(
      (await tz.post(`/api/superior-tasks/${received.id}/accept`, { version: accepted.version })).statusCode,
    ).toBe(409);

    // Decompose into a new task of 通州's report (with a target in the city target's unit) and link an own task.
    const nodesBefore = await db.selectFrom('nodes').select('id').execute();
    const badDate = await tz.post(`/api/superior-tasks/${received.id}/decompose`, {
      reportId: districtReportId,
      tasks: [{ text: '新建学校2个。' }, { text: '扩建学校1个。', deadline: '2026-02-30' }],
    });
    expect(badDate.statusCode).toBe(400);
    const intoCity = await tz.post(`/api/superior-tasks/${received.id}/decompose`, {
      reportId: world.reportId,
      tasks: [{ text: '新建学校2个。' }],
    });
    expect(intoCity.statusCode).toBe(400);
    expect(await db.selectFrom('nodes').select('id').execute()).toHaveLength(nodesBefore.length);
    const decomposed = ok<{ taskIds: number[]; superiorTask: SuperiorTask }>(
      await tz.post(`/api/superior-tasks/${received.id}/decompose`, {
        reportId: districtReportId,
        tasks: [
          {
            text: '在宋庄镇推进该项任务。',
            deadline: '2026-09-30',
            targets: [{ subject: cityTask.subject, value: 2, unit: cityTask.unit }],
          },
        ],
      }),
    );
    const [newTaskId] = decomposed.taskIds;
    expect(
      (await tz.post(`/api/superior-tasks/${received.id}/links`, { taskIds: [cityTask.id] })).statusCode,
    ).toBe(400);
    const linked = ok<SuperiorTask>(
      await tz.post(`/api/superior-tasks/${received.id}/links`, { taskIds: [districtOwnTaskId] }),
    );
    expect(linked.links.map((l) => l.taskId).sort((a, b) => a - b)).toEqual(
      [newTaskId!, districtOwnTaskId].sort((a, b) => a - b),
    );

    // 通州's own units, their people, assignments and period; the units report, the office approves.
    const education = ok<{ id: number }>(await tz.post('/api/units', { name: '区教委' }));
    const housing = ok<{ id: number }>(await tz.post('/api/units', { name: '区住建委' }));
    const passwordHash = await hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
    for (const [username, unitId] of [
      ['tzEducation', education.id],
      ['tzHousing', housing.id],
    ] as const)
      await createUser(db, {
        username,
        displayName: username,
        passwordHash,
        role: 'unit_head',
        unitId,
        organisationId: districtId,
      });
    ok(await tz.post(`/api/tasks/${newTaskId}/assignments`, { unitId: housing.id, role: 'lead' }));
    ok(await tz.post(`/api/tasks/${districtOwnTaskId}/assignments`, { unitId: education.id, role: 'lead' }));
    const districtPeriod = ok<{ id: number }>(
      await tz.post(`/api/reports/${districtReportId}/periods`, { label: '2026-Q1', open: true }),
    );
    const targetOf = async (taskId: number) =>
      (await db.selectFrom('targets').select('id').where('node_id', '=', taskId).executeTakeFirstOrThrow())
        .id;
    const reportAndApprove = async (username: string, taskId: number, narrative: string, value: number) => {
      const head = await signIn(username);
      const draft = ok<{ id: number; version: number }>(
        await head.put(`/api/periods/${districtPeriod.id}/tasks/${taskId}/progress`, {
          narrative,
          percent: 50,
          values: [{ targetId: await targetOf(taskId), value }],
        }),
      );
      const submitted = ok<{ version: number }>(
        await head.post(`/api/progress/${draft.id}/submit`, { version: draft.version }),
      );
      ok(await tz.post(`/api/progress/${draft.id}/approve`, { version: submitted.version }));
    };
    await reportAndApprove('tzHousing', newTaskId!, '宋庄镇学校主体结构封顶。', 1);
    await reportAndApprove('tzEducation', districtOwnTaskId, '已开工2所。', 2);

    // The consolidated draft: texts gathered by unit, the figures summed in the city target's unit.
    const up = ok<{
      draft: {
        narrative: string;
        percent: number | null;
        values: { targetId: number; value: number | null }[];
      };
      sources: unknown[];
      gaps: unknown[];
      current: unknown;
    }>(await tz.get(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`));
    expect(up.draft.narrative.split('\n').sort()).toEqual([
      '区住建委：宋庄镇学校主体结构封顶。',
      '区教委：已开工2所。',
    ]);
    expect(up.draft.percent).toBe(50);
    expect(up.draft.values.find((v) => v.targetId === cityTask.target_id)?.value).toBe(3);
    expect(up.sources).toHaveLength(2);
    expect(up.gaps).toEqual([]);
    expect(up.current).toBeNull();
    expect(
      (await sy.get(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`)).statusCode,
    ).toBe(404);
    const leaderView = await clients
      .get('tzLeader')!
      .get(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`);
    expect(leaderView.statusCode).toBe(200);

    // A value for a target that is not the city task's is refused and nothing is saved.
    const foreign = await tz.put(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`, {
      narrative: up.draft.narrative,
      values: [{ targetId: await targetOf(districtOwnTaskId), value: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      await db.selectFrom('progress_reports').select('id').where('unit_id', '=', unit.id).execute(),
    ).toEqual([]);

    // The office edits the draft, its figure too (the summed 3 becomes 4), and submits it up.
    const reportUpPath = `/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`;
    const saved = ok<{
      id: number;
      version: number;
      status: string;
      unitName: string;
      values: { targetId: number; value: number | null }[];
    }>(
      await tz.put(reportUpPath, {
        narrative: `${up.draft.narrative}\n（通州区汇总）`,
        percent: up.draft.percent,
        values: up.draft.values.map((v) => ({
          targetId: v.targetId,
          value: v.targetId === cityTask.target_id ? 4 : v.value,
        })),
      }),
    );
    expect(saved).toMatchObject({ status: 'draft', unitName: '通州区政府' });
    expect(saved.values.find((v) => v.targetId === cityTask.target_id)?.value).toBe(4);

    // Bad figures are refused as in a unit's report, and the saved draft stays as it was: a figure
    // that is not a number, a target given twice, a good figure beside another task's target.
    const savedRow = () =>
      db
        .selectFrom('progress_reports as pr')
        .innerJoin('progress_values as v', 'v.progress_report_id', 'pr.id')
        .select(['pr.version', 'pr.narrative', 'v.target_id', 'v.value'])
        .where('pr.id', '=', saved.id)
        .orderBy('v.target_id')
        .execute();
    const before = await savedRow();
    const badFigures: [code: string, values: { targetId: number; value: unknown }[]][] = [
      ['validation_failed', [{ targetId: cityTask.target_id, value: '五' }]],
      [
        'invalid_progress',
        [
          { targetId: cityTask.target_id, value: 5 },
          { targetId: cityTask.target_id, value: 6 },
        ],
      ],
      [
        'invalid_progress',
        [
          { targetId: cityTask.target_id, value: 5 },
          { targetId: await targetOf(districtOwnTaskId), value: 1 },
        ],
      ],
    ];
    for (const [code, values] of badFigures) {
      const refused = await tz.put(reportUpPath, { version: saved.version, narrative: '不应保存', values });
      expect(refused.statusCode, JSON.stringify(values)).toBe(400);
      expect(refused.json<{ code: string }>().code).toBe(code);
    }
    expect(await savedRow()).toEqual(before);
    expect(before.find((row) => row.target_id === cityTask.target_id)?.value).toBe(4);

    const submitted = ok<{ id: number; version: number; status: string }>(
      await tz.post(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up/submit`, {
        version: saved.version,
      }),
    );
    expect(submitted.status).toBe('submitted');

    // 通州 cannot approve its own report up (it is the city's), nor write or read the city's plan.
    expect(
      (await tz.post(`/api/tasks/${cityTask.id}/assignments`, { unitId: education.id, role: 'cooperating' }))
        .statusCode,
    ).toBe(404);
    expect((await tz.post(`/api/reports/${world.reportId}/periods`, { label: '2026-04' })).statusCode).toBe(
      404,
    );
    expect(
      (await tz.post(`/api/progress/${submitted.id}/approve`, { version: submitted.version })).statusCode,
    ).toBe(404);
    expect((await tz.get(`/api/reports/${world.reportId}`)).statusCode).toBe(404);

    // The city reviews it as any unit's report: return, the district fixes and resubmits, approve.
    const cityView = ok<{
      status: string;
      unitName: string;
      narrative: string;
      values: { targetId: number; value: number | null }[];
    }>(await cityAdmin.get(`/api/progress/${submitted.id}`));
    expect(cityView).toMatchObject({ status: 'submitted', unitName: '通州区政府' });
    // The city reads the figure as the district office edited it, not the consolidated sum.
    expect(cityView.values.find((v) => v.targetId === cityTask.target_id)?.value).toBe(4);
    expect(cityView.narrative).toContain('（通州区汇总）');
    const returned = ok<{ version: number }>(
      await cityAdmin.post(`/api/progress/${submitted.id}/return`, {
        version: submitted.version,
        reason: '请补充开工时间',
      }),
    );
    expect((await notices(tz)).filter((n) => n.kind === 'report_returned')).toEqual([
      expect.objectContaining({ link: `/superior-tasks/${received.id}` }),
    ]);
    const fixed = ok<{ version: number }>(
      await tz.put(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up`, {
        version: returned.version,
        narrative: `${cityView.narrative}\n3月开工。`,
      }),
    );
    const resubmitted = ok<{ version: number }>(
      await tz.post(`/api/superior-tasks/${received.id}/periods/${cityPeriod.id}/report-up/submit`, {
        version: fixed.version,
      }),
    );
    ok(await cityAdmin.post(`/api/progress/${submitted.id}/approve`, { version: resubmitted.version }));
    const afterApproval = ok<SuperiorTask>(await tz.get(`/api/superior-tasks/${received.id}`));
    expect(afterApproval.periods).toEqual([
      expect.objectContaining({
        periodId: cityPeriod.id,
        progressReportId: submitted.id,
        progressStatus: 'approved',
      }),
    ]);

    // The city's dashboard lists 通州 like a unit, with its light.
    const dashboard = ok<{
      units: {
        unitId: number;
        unitName: string;
        status: { light: string; total: number; completion: number | null };
      }[];
    }>(await cityAdmin.get(`/api/reports/${world.reportId}/dashboard`));
    const tongzhou = dashboard.units.find((u) => u.unitId === unit.id);
    expect(tongzhou).toMatchObject({ unitName: '通州区政府', status: { total: 1 } });
    expect(lightSchema.options).toContain(tongzhou!.status.light);
    // Its completion is read from the approved report up (3 of the city target's value).
    expect(tongzhou!.status.completion).not.toBeNull();

    // The city opens 通州's decomposition read-only; 顺义 and 通州 itself cannot open the city's side.
    const decomposition = ok<{ superiorTasks: SuperiorTask[] }>(
      await cityAdmin.get(`/api/organisations/${districtId}/decomposition`),
    );
    expect(
      decomposition.superiorTasks.map((t) => t.links.flatMap((l) => l.units.map((u) => u.unitName)).sort()),
    ).toEqual([['区住建委', '区教委']]);
    expect(
      decomposition.superiorTasks[0]!.links.flatMap((l) => l.units.map((u) => u.latest?.status)),
    ).toEqual(['approved', 'approved']);
    expect((await sy.get(`/api/organisations/${districtId}/decomposition`)).statusCode).toBe(404);
    expect((await tz.get(`/api/organisations/${cityOrganisationId}/decomposition`)).statusCode).toBe(404);
    expect((await cityAdmin.get(`/api/organisations/${otherDistrictId}/decomposition`)).json()).toMatchObject(
      {
        superiorTasks: [],
      },
    );
  });

  it('lets the district office alone act on its superior tasks: reporters read, other roles and districts are refused', async () => {
    const tz = clients.get('tzAdmin')!;
    const [task] = ok<{ superiorTasks: SuperiorTask[] }>(await tz.get('/api/superior-tasks')).superiorTasks;
    const leader = clients.get('tzLeader')!;
    const anonymous = new TestClient(world.app);
    expect((await leader.get(`/api/superior-tasks/${task!.id}`)).statusCode).toBe(200);
    expect(
      (
        await leader.patch(`/api/superior-tasks/${task!.id}`, {
          version: task!.version,
          referenceNumber: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await anonymous.get('/api/superior-tasks')).statusCode).toBe(401);
    const education = clients.get('tzEducation')!;
    expect((await education.get('/api/superior-tasks')).statusCode).toBe(200);
    for (const [method, url] of [
      ['POST', `/api/superior-tasks/${task!.id}/accept`],
      ['POST', `/api/superior-tasks/${task!.id}/links`],
      ['GET', `/api/superior-tasks/${task!.id}/periods/1/report-up`],
      ['POST', `/api/superior-tasks/${task!.id}/decompose`],
      ['DELETE', `/api/superior-tasks/${task!.id}/links/${districtOwnTaskId}`],
      ['PUT', `/api/superior-tasks/${task!.id}/periods/1/report-up`],
      ['POST', `/api/superior-tasks/${task!.id}/periods/1/report-up/submit`],
      ['GET', `/api/organisations/${districtId}/decomposition`],
      ['PUT', '/api/units/1/represents'],
    ] as const) {
      expect((await education.request(method, url, { json: {} })).statusCode, `${method} ${url}`).toBe(403);
    }
    const sy = clients.get('syAdmin')!;
    expect(
      (await sy.patch(`/api/superior-tasks/${task!.id}`, { version: task!.version, referenceNumber: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await sy.delete(`/api/superior-tasks/${task!.id}/links/${districtOwnTaskId}`)).statusCode).toBe(
      404,
    );
    // The reference number stays the district office's to edit.
    const edited = ok<SuperiorTask>(
      await tz.patch(`/api/superior-tasks/${task!.id}`, {
        version: task!.version,
        referenceNumber: '市折子工程2026-018',
      }),
    );
    expect(edited.referenceNumber).toBe('市折子工程2026-018');
    // A district cannot make a city unit, or one of its own, stand for its sibling.
    const units = await world.database.db
      .selectFrom('units')
      .selectAll()
      .where('organisation_id', '=', districtId)
      .execute();
    expect(
      (
        await tz.put(`/api/units/${units[0]!.id}/represents`, {
          version: units[0]!.version,
          organisationId: otherDistrictId,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await tz.put(`/api/units/${world.units.A}/represents`, { version: 1, organisationId: null }))
        .statusCode,
    ).toBe(404);
  });

  /** Row counts of every table, and the last audit event: any write moves one of them. */
  async function tableFingerprint(): Promise<Record<string, number>> {
    const db = world.database.db;
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    const out: Record<string, number> = {};
    for (const table of tables) {
      const row = await db
        .selectFrom(table as 'units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    const last = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    out['audit_events.max_id'] = Number(last.id);
    return out;
  }

  it('a 分工方案 and a bulk 分工 to the district’s unit hand down and tell its office at once; reading the inbox writes nothing', async () => {
    const db = world.database.db;
    const tz = clients.get('tzAdmin')!;
    const unit = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('represents_organisation_id', '=', districtId)
      .executeTakeFirstOrThrow();
    const assigned = await db
      .selectFrom('assignments')
      .select('node_id')
      .where('unit_id', '=', unit.id)
      .execute();
    const free = await db
      .selectFrom('nodes')
      .select(['id', 'text'])
      .where('report_id', '=', world.reportId)
      .where('kind', '=', 'task')
      .where('archived', '=', 0)
      .where(
        'id',
        'not in',
        assigned.map((a) => a.node_id),
      )
      .orderBy('position', 'desc')
      .limit(2)
      .execute();
    const [byPlan, byBulk] = [free[0]!, free[1]!];
    const superiorNotices = async () =>
      ok<{ notifications: { kind: string; title: string }[] }>(await tz.get('/api/notifications'))
        .notifications.filter((n) => n.kind === 'superior_task')
        .map((n) => n.title);
    const noticesBefore = await superiorNotices();
    const inboxTaskIds = async () =>
      ok<{ superiorTasks: SuperiorTask[] }>(await tz.get('/api/superior-tasks')).superiorTasks.map(
        (t) => t.source.taskId,
      );

    ok(
      await cityAdmin.post(`/api/reports/${world.reportId}/division/commit`, {
        rows: [
          { line: 1, taskIds: [byPlan.id], lead: [unit.name], cooperating: [], leaders: [], deadline: null },
        ],
        units: [],
      }),
    );
    ok(
      await cityAdmin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
        items: [{ taskId: byBulk.id, unitId: unit.id, role: 'cooperating' }],
      }),
    );
    const noticesAfter = await superiorNotices();
    expect(noticesAfter).toHaveLength(noticesBefore.length + 2);
    expect(noticesAfter).toEqual(
      expect.arrayContaining([
        `上级交办任务：${byPlan.text.slice(0, 30)}`,
        `上级交办任务：${byBulk.text.slice(0, 30)}`,
      ]),
    );

    // Both are in the inbox already, and reading it (or one of them) changes no row.
    const before = await tableFingerprint();
    expect(await inboxTaskIds()).toEqual(expect.arrayContaining([byPlan.id, byBulk.id]));
    expect((await tz.get('/api/superior-tasks?status=pending')).statusCode).toBe(200);
    expect(await tableFingerprint()).toEqual(before);
  });
});
