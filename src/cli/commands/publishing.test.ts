import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const SAMPLE = new URL('../../../examples/beijing-subcenter-2026-summary.md', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-publish-cli-'));

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(['node', 'luoshi', ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

describe('publishing commands on a report file', () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('luoshi infographic writes a 1080 px SVG with the sample’s areas', async () => {
    const out = path.join(dir, 'sample.svg');
    const { code } = await run('infographic', SAMPLE, '--out', out);
    expect(code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: Record<string, string> };
    expect(parsed.svg['@_width']).toBe('1080');
    expect(svg).toContain('坚持以民为本');
  });

  it('luoshi export writes the 分工方案 .docx and the 台账 .xlsx', async () => {
    const docx = path.join(dir, 'plan.docx');
    expect((await run('export', SAMPLE, '--kind', 'division', '--out', docx)).code).toBe(0);
    const { value: text } = await mammoth.extractRawText({ path: docx });
    expect(text).toContain('重点任务分工方案');
    expect(text).toContain('新增中小学学位6500个');
    const xlsx = path.join(dir, 'ledger.xlsx');
    expect((await run('export', SAMPLE, '--kind', 'ledger', '--out', xlsx)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    // 汇总, the whole list (the sample's 103 tasks), and its 8 areas.
    expect(workbook.worksheets).toHaveLength(10);
    expect(workbook.worksheets[1]?.name).toBe('任务清单');
    expect(workbook.worksheets[1]?.rowCount).toBe(2 + 103);
  }, 60_000);

  it('luoshi bulletin --period writes Markdown with its chart images beside it', async () => {
    const out = path.join(dir, 'bulletin.md');
    const { code } = await run('bulletin', SAMPLE, '--period', '2026-Q2', '--out', out);
    expect(code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('](bulletin-areas.png)');
    expect(readFileSync(path.join(dir, 'bulletin-areas.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('luoshi infographic reads a UTF-16 copy of the report (decoded by src/ingest)', async () => {
    const utf16 = path.join(dir, 'sample-utf16.txt');
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(SAMPLE, 'utf8'), 'utf16le')]),
    );
    const out = path.join(dir, 'utf16.svg');
    expect((await run('infographic', utf16, '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('坚持以民为本');
  });

  it('fails with a message that says what to do', async () => {
    const badOut = await run('infographic', SAMPLE, '--out', path.join(dir, 'x.gif'));
    expect(badOut.code).toBe(1);
    expect(badOut.stderr).toContain('.png or .svg');
    const missing = await run('export', path.join(dir, 'nope.md'), '--kind', 'ledger', '--out', 'x.xlsx');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('neither a report file nor a report id');
    const period = await run('bulletin', SAMPLE, '--period', 'Q2');
    expect(period.code).toBe(1);
    expect(period.stderr).toContain('2026-Q2');
  });
});

describe('publishing commands honour LUOSHI_TODAY', () => {
  // Its own directory: the describe above removes `dir` when it ends.
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-today-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** The "统计截至" line of the ledger's summary sheet. */
  async function ledgerAsOf(file: string): Promise<string | undefined> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const texts: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => texts.push(String(cell.value)));
    });
    return texts.find((text) => text.startsWith('统计截至'));
  }

  it('luoshi export judges the 台账 at the pinned date unless --at says otherwise', async () => {
    vi.stubEnv('LUOSHI_TODAY', '2025-03-09');
    const pinned = path.join(dir, 'ledger-pinned.xlsx');
    expect((await run('export', SAMPLE, '--kind', 'ledger', '--out', pinned)).code).toBe(0);
    expect(await ledgerAsOf(pinned)).toBe('统计截至 2025年3月9日');
    const explicit = path.join(dir, 'ledger-at.xlsx');
    expect(
      (await run('export', SAMPLE, '--kind', 'ledger', '--out', explicit, '--at', '2026-06-30')).code,
    ).toBe(0);
    expect(await ledgerAsOf(explicit)).toBe('统计截至 2026年6月30日');
  }, 60_000);

  it('report sources default to the pinned date too (cliToday)', async () => {
    const { cliToday } = await import('./report-source.js');
    expect(await cliToday({ LUOSHI_TODAY: '2024-12-31' })).toBe('2024-12-31');
    // Unpinned: the date in TIME_ZONE, as the server reckons it.
    const { todayIn } = await import('../../server/today.js');
    expect(await cliToday({ TIME_ZONE: 'Asia/Shanghai' })).toBe(todayIn('Asia/Shanghai'));
  });
});
