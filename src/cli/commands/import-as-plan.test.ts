import { describe, expect, it } from 'vitest';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import { DIALECTS } from '../../store/testing.js';
import { REPO_ROOT, runCli, useCliDatabase } from '../testing.js';

const fixture = (name: string) => `${REPO_ROOT}test-data/division/${name}`;

describe.each(DIALECTS)('luoshi import PLAN --as-plan on %s', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('stores an Excel 分工方案 as the plan: areas, tasks with targets, assignments', async () => {
    const result = await runCli('import', fixture('plan-sheet.xlsx'), '--as-plan');
    expect(result.code).toBe(0);
    const reportId = Number(result.stdout.trim());
    const tree = await getReportTree(cli.database.db, reportId);
    expect(tree.report).toMatchObject({ title: '××区2026年政府工作报告重点任务分工方案', year: 2026 });
    expect(tree.areas.map((area) => [area.label, area.title, area.tasks.length])).toEqual([
      ['一、', '坚持以副辅主，高水平推进城市建设', 6],
      ['二、', '推动文旅商体融合发展', 3],
      ['三、', '厚植绿色发展底色', 4],
      ['四、', '提升城市精细化治理水平', 4],
      ['五、', '持续增进民生福祉', 11],
    ]);
    const seats = tree.areas[4]?.tasks[0];
    expect(seats).toMatchObject({ text: '新增中小学学位6500个', label: '18.' });
    expect(seats?.targets.map((t) => [t.value, t.unit])).toEqual([[6500, '个']]);
    const assignments = await cli.database.db
      .selectFrom('assignments as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['u.name', 'a.role', 'a.lead_official', 'a.deadline'])
      .where('a.node_id', '=', seats?.id ?? 0)
      .execute();
    expect(
      assignments.map((a) => `${a.role}:${a.name}:${a.lead_official ?? ''}:${a.deadline}`).sort(),
    ).toEqual([
      'cooperating:区发改委::2026-08-31',
      'cooperating:区财政局::2026-08-31',
      'lead:区教委:李明:2026-08-31',
    ]);
  });

  it('refuses a file that is no 分工方案 and stores nothing', async () => {
    const before = await cli.database.db.selectFrom('reports').select('id').execute();
    const result = await runCli('import', fixture('not-a-plan.txt'), '--as-plan');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a 分工方案');
    expect(await cli.database.db.selectFrom('reports').select('id').execute()).toEqual(before);
  });
});
