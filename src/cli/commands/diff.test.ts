import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, runCli } from '../testing.js';

describe('luoshi diff', () => {
  it('prints a per-area comparison of two report files', async () => {
    const result = await runCli(
      'diff',
      corpusFile('national-2024-work-report.txt'),
      corpusFile('national-2025-work-report.txt'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^对比 Compare: national-2024-work-report.txt → national-2025-work-report.txt/,
    );
    expect(result.stdout).toMatch(/目标↓ 降低: .*约3 → 约2 %/);
    expect(result.stdout).toContain('## 总体要求和主要预期目标');
  });

  it('prints JSON with --json', async () => {
    const result = await runCli(
      'diff',
      corpusFile('beijing-2025-work-report.txt'),
      corpusFile('beijing-2026-work-report.txt'),
      '--json',
    );
    const diff = JSON.parse(result.stdout) as { counts: Record<string, number>; areas: unknown[] };
    expect(Object.keys(diff.counts)).toEqual(['continued', 'reworded', 'new', 'dropped']);
    expect(diff.areas.length).toBeGreaterThan(5);
  });

  it('tracks promises side by side with --promises', async () => {
    const result = await runCli(
      'diff',
      corpusFile('national-2024-work-report.txt'),
      corpusFile('national-2025-work-report.txt'),
      '--promises',
    );
    expect(result.stdout).toMatch(/承诺 promised: .*城镇新增就业1200万人以上/);
    expect(result.stdout).toMatch(/兑现 reported: .*城镇新增就业1256万人/);
  });

  it('refuses --promises with one report on both sides as a usage error, saying what to give', async () => {
    const file = corpusFile('national-2025-work-report.txt');
    // The same file, also under another spelling of its path.
    const relative = path.relative(process.cwd(), file);
    for (const [before, after] of [
      [file, relative],
      ['3@1', '3@2'],
      ['3', '3'],
    ] as const) {
      const result = await runCli('diff', before, after, '--promises');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--promises needs two different reports');
      expect(result.stderr).toContain("give year Y's report as <before> and year Y+1's report as <after>");
    }
    // Without --promises, one report on both sides is still compared (nothing changed).
    const diff = await runCli('diff', file, relative);
    expect(diff.code).toBe(0);
  });

  it('reads a Word .docx and a GBK text file like an import', async () => {
    const docx = await runCli(
      'diff',
      corpusFile('raw/beijing-2025-work-report.docx'),
      corpusFile('beijing-2026-work-report.txt'),
    );
    expect(docx.code).toBe(0);
    expect(docx.stdout).toMatch(
      /^对比 Compare: beijing-2025-work-report.docx → beijing-2026-work-report.txt/,
    );
    const gbk = await runCli(
      'diff',
      corpusFile('raw/national-2018-work-report.gbk.txt'),
      corpusFile('national-2018-work-report.txt'),
      '--json',
    );
    expect(gbk.code).toBe(0);
    const counts = (JSON.parse(gbk.stdout) as { counts: Record<string, number> }).counts;
    expect(counts.new).toBe(0);
    expect(counts.dropped).toBe(0);
  });

  it('refuses a file src/ingest cannot read, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'luoshi-diff-'));
    const pdf = path.join(dir, 'report.pdf');
    await writeFile(pdf, '%PDF-1.7\n%binary\n');
    try {
      const result = await runCli('diff', pdf, corpusFile('national-2025-work-report.txt'));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('report.pdf is not a readable PDF');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the argument that is neither a file nor a report id', async () => {
    const result = await runCli('diff', 'no-such-report.txt', corpusFile('national-2025-work-report.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no-such-report.txt is neither a report file nor a report id');
  });
});
