import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../testing.js';

const fixture = (name: string) => `${REPO_ROOT}test-data/division/${name}`;
const SAMPLE = `${REPO_ROOT}examples/beijing-subcenter-2026-summary.md`;

describe('luoshi division parse', () => {
  it('prints the rows of a GB18030 plan as JSON with their matches in the report', async () => {
    const result = await runCli(
      'division',
      'parse',
      fixture('plan-short.gb18030.txt'),
      '--report',
      SAMPLE,
      '--json',
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.title).toBe('××区2026年政府工作报告重点任务分工方案');
    expect(json.rows).toHaveLength(28);
    expect(json.rows[0]).toMatchObject({
      seq: '1',
      area: '一、坚持以副辅主，高水平推进城市建设',
      text: '全年新增完工面积25万平方米，打造24小时活力街区',
      lead: ['运河商务区管委会'],
      cooperating: ['区商务局'],
      leaders: ['王强'],
      deadline_text: '2026年12月底完成',
      deadline: '2026-12-31',
      status: 'matched',
      matches: ['1.1.1'],
    });
    expect(json.rows[0].candidates[0]).toMatchObject({ index: '1.1.1' });
  });

  it('without --report lists no matches; a file that is no plan fails with its reason', async () => {
    const ok = await runCli('division', 'parse', fixture('plan-sheet.xlsx'), '--json');
    expect(JSON.parse(ok.stdout).rows[2]).toMatchObject({ deadline: null, matches: [], candidates: [] });
    const bad = await runCli('division', 'parse', fixture('not-a-plan.txt'), '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不是重点任务分工方案');
  });
});
