import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../store/audit/verify-audit-chain.js';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { DivisionPreview } from './schema.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test-data/division/${name}`, import.meta.url)));

async function counts(world: TestWorld) {
  const db = world.database.db;
  const count = async (table: 'assignments' | 'units' | 'nodes' | 'organisation_unit_aliases') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    assignments: await count('assignments'),
    units: await count('units'),
    nodes: await count('nodes'),
    aliases: await count('organisation_unit_aliases'),
  };
}

/** The commit body the review screen sends: matched rows as matched, a new task for the unmatched. */
function commitBody(preview: DivisionPreview, newTaskParent: number) {
  return {
    rows: preview.rows.flatMap((row) => {
      const base = {
        line: row.line,
        lead: row.lead,
        cooperating: row.cooperating,
        leaders: row.leaders,
        deadline: row.deadline,
      };
      if (row.status === 'matched') return [{ ...base, taskIds: row.matches }];
      if (row.status === 'unmatched')
        return [{ ...base, taskIds: [], newTask: { parentId: newTaskParent, text: row.text } }];
      return [];
    }),
    units: preview.units
      .filter((unit) => unit.status === 'unknown')
      .map((unit) =>
        unit.name === '区人力社保局' ? { name: unit.name, unitId: 0 } : { name: unit.name, create: true },
      ),
  };
}

describe.each(DIALECTS)('分工方案 preview and commit on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('previews a Word-table plan: rows matched, units resolved, nothing written', async () => {
    const admin = await world.client('admin');
    const before = await counts(world);
    const response = await admin.upload(
      `/api/reports/${world.reportId}/division/preview`,
      'plan.docx',
      fixture('plan-table.docx'),
    );
    expect(response.statusCode).toBe(200);
    const preview = response.json() as DivisionPreview;
    expect(preview.rows).toHaveLength(28);
    const task111 = preview.tasks.find((task) => task.index === '1.1.1');
    expect(preview.rows[0]).toMatchObject({
      status: 'matched',
      matches: [task111?.id],
      change: 'new',
      deadline: '2026-12-31',
    });
    const unit = (name: string) => preview.units.find((u) => u.name === name);
    expect(unit('区发改委')).toMatchObject({ status: 'known', unitId: world.units.A, via: 'abbreviation' });
    expect(unit('区教委')).toMatchObject({ status: 'known', unitId: world.units.B, via: 'name' });
    expect(unit('各街道')).toMatchObject({ status: 'collective' });
    expect(unit('区交通局')).toMatchObject({ status: 'unknown', candidates: [] });
    expect(preview.rows.find((row) => row.text.startsWith('开展全区安全生产'))?.status).toBe('unmatched');
    expect(await counts(world)).toEqual(before);
  });

  it('refuses a file that is no 分工方案, and a commit naming unknown units, writing nothing', async () => {
    const admin = await world.client('admin');
    const before = await counts(world);
    const bad = await admin.upload(
      `/api/reports/${world.reportId}/division/preview`,
      'report.txt',
      fixture('not-a-plan.txt'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'not_division_plan' });
    const preview = (
      await admin.upload(
        `/api/reports/${world.reportId}/division/preview`,
        'plan.xlsx',
        fixture('plan-sheet.xlsx'),
      )
    ).json() as DivisionPreview;
    const body = commitBody(preview, preview.parents[0]?.id ?? 0);
    const refused = await admin.post(`/api/reports/${world.reportId}/division/commit`, {
      ...body,
      units: [],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'unknown_units' });
    expect(await counts(world)).toEqual(before);
  });

  it('commits assignments, leaders, deadlines, new tasks and unit mappings in one audited transaction', async () => {
    const admin = await world.client('admin');
    const preview = (
      await admin.upload(
        `/api/reports/${world.reportId}/division/preview`,
        'plan.txt',
        fixture('plan-labelled.txt'),
      )
    ).json() as DivisionPreview;
    const body = commitBody(preview, preview.parents[0]?.id ?? 0);
    for (const unit of body.units) if ('unitId' in unit) unit.unitId = world.units.A;
    const response = await admin.post(`/api/reports/${world.reportId}/division/commit`, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ newTasks: 1, aliasesKept: ['区人力社保局'], archived: 0 });
    const db = world.database.db;
    const task = (index: string) => preview.tasks.find((t) => t.index === index)?.id ?? 0;
    const assigned = async (taskId: number) =>
      (
        await db
          .selectFrom('assignments as a')
          .innerJoin('units as u', 'u.id', 'a.unit_id')
          .select(['u.name', 'a.role', 'a.lead_official', 'a.deadline'])
          .where('a.node_id', '=', taskId)
          .where('a.archived', '=', 0)
          .execute()
      )
        .map((a) => `${a.role}:${a.name}:${a.lead_official ?? ''}:${a.deadline ?? ''}`)
        .sort();
    expect(await assigned(task('1.1.1'))).toEqual([
      'cooperating:区商务局::2026-12-31',
      'lead:运河商务区管委会:王强:2026-12-31',
    ]);
    // Two rows split 5.1.2: their units are joined.
    expect(await assigned(task('5.1.2'))).toEqual([
      'cooperating:区城市管理委::2026-12-31',
      'cooperating:区市场监管局::2026-12-31',
      'cooperating:各街道::2026-12-31',
      'lead:区住房城乡建设委:李明:2026-12-31',
    ]);
    // 区人力社保局 was mapped to 区发展改革委: kept as an alias.
    expect(await assigned(task('6.2.1'))).toContain('lead:区发展改革委:孙丽:2026-12-31');
    const added = await db
      .selectFrom('nodes')
      .select(['id', 'kind'])
      .where('text', '=', '开展全区安全生产治本攻坚三年行动')
      .execute();
    expect(added).toHaveLength(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Uploaded again, the plan changes nothing; a revised deadline shows as a change.
    const again = (
      await admin.upload(
        `/api/reports/${world.reportId}/division/preview`,
        'plan.txt',
        fixture('plan-labelled.txt'),
      )
    ).json() as DivisionPreview;
    expect(again.units.find((u) => u.name === '区人力社保局')).toMatchObject({
      status: 'known',
      via: 'alias',
    });
    expect(again.rows[0]?.change).toBe('same');
    expect(again.rows.find((row) => row.text.startsWith('开展全区安全生产'))).toMatchObject({
      status: 'matched',
      change: 'same',
    });
    const revised = new TextDecoder()
      .decode(fixture('plan-labelled.txt'))
      .replace('完成时限：三季度末', '完成时限：年底前');
    const changed = (
      await admin.upload(
        `/api/reports/${world.reportId}/division/preview`,
        'plan-v2.txt',
        new TextEncoder().encode(revised),
      )
    ).json() as DivisionPreview;
    expect(changed.rows.filter((row) => row.change === 'changed').map((row) => row.seq)).toEqual(['2']);
  });

  it('imports a plan without a report as the tracked plan (web import --as-plan)', async () => {
    const admin = await world.client('admin');
    const response = await admin.upload(
      '/api/imports/division-plan',
      'plan.docx',
      fixture('plan-paragraphs.docx'),
    );
    expect(response.statusCode).toBe(200);
    const { reportId, tasks, assignments } = response.json() as {
      reportId: number;
      tasks: number;
      assignments: number;
    };
    expect(tasks).toBe(28);
    expect(assignments).toBeGreaterThan(28);
    const areas = await world.database.db
      .selectFrom('nodes')
      .select('title')
      .where('report_id', '=', reportId)
      .where('kind', '=', 'area')
      .orderBy('position')
      .execute();
    expect(areas.map((a) => a.title)).toEqual([
      '坚持以副辅主，高水平推进城市建设',
      '推动文旅商体融合发展',
      '厚植绿色发展底色',
      '提升城市精细化治理水平',
      '持续增进民生福祉',
    ]);
    const bad = await admin.upload('/api/imports/division-plan', 'report.txt', fixture('not-a-plan.txt'));
    expect(bad.statusCode).toBe(400);
  });
});
