import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSuperiorTasks } from '../../store/cascade/list-superior-tasks.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { type CascadeDemo, loadCascadeDemo } from './load-cascade-demo.js';

describe.each(DIALECTS)('luoshi demo cascade on %s', (dialect) => {
  let handle: TestDatabase;
  let demo: CascadeDemo;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    demo = await loadCascadeDemo(handle.db, { month: '2026-11', password: 'demo-Passw0rd-落实' });
  }, 120_000);
  afterAll(async () => handle?.close());

  it('puts Beijing’s report in the city and the sample in the district under it', async () => {
    const reports = await handle.db
      .selectFrom('reports')
      .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
      .select(['reports.id', 'reports.title', 'organisations.name', 'organisations.parent_id'])
      .orderBy('reports.id')
      .execute();
    expect(reports.map((r) => [r.id, r.name, r.parent_id])).toEqual([
      [demo.cityReportId, '北京市人民政府', null],
      [demo.districtReportId, '北京市通州区人民政府（北京城市副中心）', demo.cityOrganisationId],
    ]);
    expect(reports[0]!.title).toContain('北京市');
  });

  it('hands the city tasks naming the sub-center down: accepted and linked or decomposed, the last pending', async () => {
    const tasks = await listSuperiorTasks(handle.db, { organisationId: demo.districtOrganisationId });
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(tasks.every((t) => /副中心|通州/.test(t.source.taskText))).toBe(true);
    expect(tasks.every((t) => t.assignment.unitId === demo.districtUnitId && t.assignment.leadOfficial)).toBe(
      true,
    );
    expect(tasks.map((t) => t.status)).toEqual([...tasks.slice(1).map(() => 'accepted'), 'pending']);
    expect(
      tasks.slice(0, -1).every((t) => t.links.length > 0 && t.referenceNumber?.startsWith('市折子工程')),
    ).toBe(true);
    expect(tasks.at(-1)!.links).toEqual([]);
    // The first was decomposed into two new district tasks under 上级交办任务, given to district units.
    const decomposed = tasks[0]!.links;
    expect(decomposed.length).toBe(2);
    expect(decomposed.every((l) => l.reportId === demo.districtReportId && l.units.length === 1)).toBe(true);
  });

  it('has one approved district report to consolidate, and users of both offices', async () => {
    const approved = await handle.db
      .selectFrom('progress_reports')
      .select(['status', 'period_id'])
      .where('status', '=', 'approved')
      .execute();
    expect(approved).toEqual([{ status: 'approved', period_id: demo.districtPeriodId }]);
    const users = await handle.db
      .selectFrom('users')
      .select(['username', 'role', 'organisation_id'])
      .orderBy('username')
      .execute();
    expect(users).toEqual([
      { username: 'bj-leader', role: 'leader', organisation_id: demo.cityOrganisationId },
      { username: 'bj-office', role: 'admin', organisation_id: demo.cityOrganisationId },
      { username: 'tz-leader', role: 'leader', organisation_id: demo.districtOrganisationId },
      { username: 'tz-office', role: 'admin', organisation_id: demo.districtOrganisationId },
      { username: 'tz-unit', role: 'unit_head', organisation_id: demo.districtOrganisationId },
    ]);
  });

  it('refuses a database that already has reports, writing nothing', async () => {
    const before = await handle.db.selectFrom('organisations').select('id').execute();
    await expect(loadCascadeDemo(handle.db, { month: '2026-11' })).rejects.toMatchObject({
      code: 'not_empty',
    });
    expect(await handle.db.selectFrom('organisations').select('id').execute()).toEqual(before);
  });
});
