import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { corpusFile, REPO_ROOT, runCli } from '../testing.js';

interface TreeJson {
  title: string;
  sections: { kind: string; title: string }[];
  areas: {
    title: string;
    unnumbered?: true;
    selfBuilding?: true;
    asides?: { text: string; span: [number, number] }[];
    measures: { title: string; tasks: { text: string }[] }[];
    tasks: { text: string }[];
  }[];
  counts: { areas: number; measures: number; tasks: number; targets: number };
  indicators: {
    title: string;
    span: [number, number];
    tasks: { text: string; span: [number, number] }[];
  } | null;
}

describe('luoshi parse', () => {
  it('prints an outline with counts per level and targets', async () => {
    const result = await runCli('parse', `${REPO_ROOT}examples/beijing-subcenter-2026-summary.md`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^一图读懂 政府工作报告 \(下\)\n/);
    expect(result.stdout).toContain('一、坚持以副辅主,高水平推进城市建设  [5 measures, 21 tasks,');
    expect(result.stdout).toMatch(
      /Total 合计: 8 areas 领域 · 23 measures 举措 · 103 tasks 任务 · \d+ quantitative targets/,
    );
  });

  it('prints the tree as JSON with --json, area titles without labels', async () => {
    const result = await runCli('parse', corpusFile('raw/beijing-2025-work-report.docx'), '--json');
    expect(result.code).toBe(0);
    const tree = JSON.parse(result.stdout) as TreeJson;
    expect(tree.title).toBe('2025年北京市政府工作报告');
    expect(tree.sections.map((s) => s.kind)).toContain('tasks');
    // Eleven numbered areas, then 其他工作: the 国防/民族宗教 paragraph that ends （十一）.
    expect(tree.areas).toHaveLength(12);
    expect(tree.areas.at(-1)).toMatchObject({ title: '其他工作', unnumbered: true });
    expect(tree.areas[0]?.title).toBe('充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破');
    expect(tree.areas[0]?.measures[0]?.title).toBe('健全经济高质量发展体制机制');
    expect(tree.areas[0]?.measures[0]?.tasks[0]?.text.length).toBeGreaterThan(0);
    expect(tree.counts.areas).toBe(12);
    // The 主要预期目标 block: one task per indicator clause, each with its span.
    expect(tree.indicators?.title).toBe('主要预期目标');
    expect(tree.indicators?.tasks.map((t) => t.text).slice(0, 3)).toEqual([
      '地区生产总值增长5%左右',
      '一般公共预算收入增长4%左右',
      '城镇调查失业率控制在5%以内',
    ]);
    expect(tree.indicators?.tasks[0]?.span[1]).toBeGreaterThan(tree.indicators?.tasks[0]?.span[0] ?? 0);
  });

  it('prints null indicators for a report that states none', async () => {
    const result = await runCli('parse', `${REPO_ROOT}examples/beijing-subcenter-2026-summary.md`, '--json');
    expect((JSON.parse(result.stdout) as TreeJson).indicators).toBeNull();
  });

  it('names the file and the problem for bad input, exit 1', async () => {
    const result = await runCli('parse', `${REPO_ROOT}package-lock.json.missing`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('package-lock.json.missing');
  });

  it('reads standard input when FILE is -', async () => {
    const script = `import { main } from ${JSON.stringify(`${REPO_ROOT}src/cli/main.ts`)}; process.exitCode = await main(['node', 'luoshi', 'parse', '-', '--json']);`;
    const child = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    child.child.stdin?.end(readFileSync(corpusFile('raw/national-2018-work-report.gbk.txt')));
    const { stdout } = await child;
    const tree = JSON.parse(stdout) as TreeJson;
    // Nine numbered areas, then 其他工作: the 民族, 国防, 港澳台 and 外交 paragraphs after the breaks.
    expect(tree.counts.areas).toBe(10);
    expect(tree.areas.at(-1)).toMatchObject({ title: '其他工作', unnumbered: true });
    // The belief stated between the 港澳 tasks is an aside: area text, not a task.
    const other = tree.areas.at(-1);
    const belief = '我们坚信，香港、澳门一定能与祖国内地同发展、共繁荣。';
    expect(other?.asides?.map((aside) => aside.text)).toContain(belief);
    expect(other?.tasks.map((task) => task.text)).not.toContain(belief.slice(0, -1));
    expect(tree.sections.map((section) => section.kind)).toContain('self-building');
    expect(tree.title).toBe('政府工作报告');
  });
});
