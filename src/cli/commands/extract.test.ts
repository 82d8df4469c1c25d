import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFile, REPO_ROOT, runCli } from '../testing.js';

const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-extract-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('luoshi extract --lines', () => {
  it('prints one JSON object per non-empty line, in order, with line numbers', async () => {
    const file = path.join(dir, 'tasks.txt');
    writeFileSync(
      file,
      '新增中小学学位6500个\n\n   \n城镇调查失业率控制在5%以内，年底前完成\n推动轨道交通M102线规划建设\n',
    );
    const result = await runCli('extract', file, '--lines', '--year', '2026');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.line)).toEqual([1, 4, 5]);
    expect(lines[0]).toEqual({
      line: 1,
      text: '新增中小学学位6500个',
      targets: [
        {
          value: 6500,
          unit: '个',
          comparator: '=',
          change: 'increase',
          subject: '中小学学位',
          text: '6500个',
          span: [7, 12],
        },
      ],
      deadline: null,
    });
    expect(lines[1].targets[0]).toMatchObject({
      value: 5,
      unit: '%',
      comparator: '<=',
      text: '控制在5%以内',
    });
    expect(lines[1].deadline).toEqual({ text: '年底前', span: [15, 18], date: '2026-12-31' });
    expect(lines[2].targets).toEqual([]);
  });

  it('prints max for ranges', async () => {
    const file = path.join(dir, 'range.txt');
    writeFileSync(file, '国内生产总值增长6%－6.5%\n');
    const [line] = (await runCli('extract', file, '--lines')).stdout.trimEnd().split('\n');
    expect(JSON.parse(line ?? '').targets[0]).toMatchObject({
      value: 6,
      max: 6.5,
      unit: '%',
      comparator: 'between',
    });
  });

  it('reads GB18030 files like an import', async () => {
    const result = await runCli('extract', corpusFile('raw/national-2018-work-report.gbk.txt'), '--lines');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"value":82700000000000,"unit":"元"');
  });

  it('names the file and exits 1 when it does not exist', async () => {
    const result = await runCli('extract', path.join(dir, 'missing.txt'), '--lines');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.txt');
  });

  it('rejects a malformed --year as a usage error', async () => {
    const result = await runCli('extract', '--lines', '--year', '20x');
    expect(result.code).toBe(2);
  });
});

describe('luoshi extract REPORT', () => {
  it('parses the report and prints every task with its path in the tree', async () => {
    const result = await runCli('extract', `${REPO_ROOT}examples/beijing-subcenter-2026-summary.md`);
    expect(result.code).toBe(0);
    const tasks = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(tasks).toHaveLength(103);
    const first = tasks[0];
    expect(first.index).toBe('1.1.1');
    expect(first.path[0]).toContain('坚持以副辅主');
    const schools = tasks.find((t) => t.text === '新增中小学学位6500个');
    expect(schools.targets[0]).toMatchObject({ value: 6500, unit: '个', comparator: '=' });
    expect(schools.path).toHaveLength(2);
    // The sample gold has 21 required targets (and two optional names: 千亿级, 0.1微克).
    expect(tasks.flatMap((t) => t.targets)).toHaveLength(21);
  });

  it('prints the 主要预期目标 first, with path ["主要预期目标"] and their targets', async () => {
    const result = await runCli('extract', corpusFile('zhejiang-2026-work-report.txt'));
    expect(result.code).toBe(0);
    const tasks = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const indicators = tasks.filter((t) => t.path[0] === '主要预期目标');
    expect(tasks.slice(0, indicators.length)).toEqual(indicators);
    expect(indicators.map((t) => t.text)).toEqual([
      '全省生产总值增长5%—5.5%',
      '城镇调查失业率5%以内',
      '居民消费价格涨幅2%左右',
      '居民人均可支配收入增长与经济增长同步',
    ]);
    expect(indicators[0].index).toBe('0.1');
    expect(indicators[0].targets[0]).toMatchObject({ value: 5, max: 5.5, unit: '%', comparator: 'between' });
    expect(indicators[1].targets[0]).toMatchObject({ value: 5, unit: '%', comparator: '<=' });
    // A qualitative indicator is an item without a number.
    expect(indicators[3].targets).toEqual([]);
  });
});
