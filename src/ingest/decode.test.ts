import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { isLuoshiError } from '../core/errors.js';
import { parseReport } from '../core/parse/index.js';
import type { ReportTree } from '../core/report-tree.js';
import { decodeReportBytes, readReportFile } from './index.js';
import { readCorpusText, readRawCorpusBytes, readRepoText } from './testing/corpus.js';
import { buildDocx, buildZip } from './testing/zip-writer.js';

const sample = readRepoText('examples/beijing-subcenter-2026-summary.md');
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isLuoshiError(error)) {
      // Every error speaks both languages.
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.messageZh.length).toBeGreaterThan(0);
      expect(error.status).toBe(400);
      return error.code;
    }
    throw error;
  }
  throw new Error('expected a LuoshiError');
}

function shape(tree: ReportTree): { areas: number; measures: number; tasks: string[] } {
  return {
    areas: tree.areas.length,
    measures: tree.areas.reduce((n, area) => n + area.measures.length, 0),
    tasks: tree.areas.flatMap((area) => [
      ...area.measures.flatMap((measure) => measure.tasks.map((task) => task.text.replace(/\s/g, ''))),
      ...area.tasks.map((task) => task.text.replace(/\s/g, '')),
    ]),
  };
}

describe('decodeReportBytes: encodings', () => {
  it('reads UTF-8 with and without BOM, and CRLF / \\r\\r\\n line ends', async () => {
    const plain = await decodeReportBytes(utf8(sample), 'summary.md');
    expect(plain).toMatchObject({ format: 'markdown', encoding: 'utf-8' });
    const bom = await decodeReportBytes(utf8(`\uFEFF${sample.replace(/\n/g, '\r\r\n')}`));
    expect(bom.text).toBe(plain.text);
    expect(bom.format).toBe('markdown');
  });

  it('reads UTF-16 LE and BE with BOM', async () => {
    const le = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
    const be = new Uint8Array(iconv.encode(sample, 'utf-16be', { addBOM: true }));
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const decoded = await decodeReportBytes(bytes, 'summary.txt');
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(sample);
    }
  });

  it('detects GBK/GB18030 by content, whatever the file is called', async () => {
    const gbk = new Uint8Array(iconv.encode(sample, 'gbk'));
    const decoded = await decodeReportBytes(gbk, 'report-utf8.md');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(sample);
  });

  it('rejects invalid UTF-8 that is not GBK either, naming the byte offset', async () => {
    const latin1 = new Uint8Array(Buffer.from('Caf\xe9 r\xe9sum\xe9 \xff\xfe\xfd', 'latin1'));
    expect(await errorCode(decodeReportBytes(latin1, 'x.txt'))).toBe('unsupported_encoding');
    // Damaged UTF-8: many valid Chinese characters, then a cut sequence.
    const damaged = new Uint8Array([...utf8('推动高质量发展取得新成效，新增学位6500个'), 0xe4, 0xb8, 0x41]);
    expect(await errorCode(decodeReportBytes(damaged, 'x.txt'))).toBe('unsupported_encoding');
  });
});

describe('decodeReportBytes: the raw corpus gives the same tree as the cleaned text', () => {
  it.each([
    ['national-2018-work-report.gbk.txt', 'national-2018-work-report.txt', 'text', 'gb18030'],
    ['beijing-2025-work-report.docx', 'beijing-2025-work-report.txt', 'docx', 'docx'],
    ['guangdong-2025-work-report.docx', 'guangdong-2025-work-report.txt', 'docx', 'docx'],
  ] as const)('%s', async (raw, cleaned, format, encoding) => {
    // The file name lies on purpose: detection is by content, not by name.
    const decoded = await decodeReportBytes(readRawCorpusBytes(raw), 'upload.bin');
    expect(decoded.format).toBe(format);
    expect(decoded.encoding).toBe(encoding);
    const fromRaw = parseReport(decoded.text);
    const fromText = parseReport(readCorpusText(cleaned));
    expect(shape(fromRaw)).toEqual(shape(fromText));
    expect(fromRaw.meta).toEqual(fromText.meta);
  });
});

describe('decodeReportBytes: .docx structure', () => {
  const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="w">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  </w:numbering>`;
  const para = (text: string, numId?: number, level = 0): string =>
    `<w:p>${numId === undefined ? '' : `<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  it('renders automatic numbering, bullets by level, and table rows', async () => {
    const body = [
      para('2026年某区重点工作'),
      para('推进城市建设', 1, 0),
      para('提升承载力', 2, 0),
      para('新增学位6500个', 2, 1),
      para('建成公园3个 &amp; 绿道', 2, 1),
      para('保障民生', 1, 0),
      para('办好实事', 1, 1),
      `<w:tbl><w:tr><w:tc>${para('序号')}</w:tc><w:tc>${para('任务')}</w:tc></w:tr>`,
      `<w:tr><w:tc>${para('1')}</w:tc><w:tc>${para('新增托位300个')}</w:tc></w:tr></w:tbl>`,
      '<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>',
    ].join('');
    const decoded = await decodeReportBytes(buildDocx(body, numbering), 'plan.docx');
    expect(decoded.text.split('\n')).toEqual([
      '2026年某区重点工作',
      '一、推进城市建设',
      '- 提升承载力',
      '  - 新增学位6500个',
      '  - 建成公园3个 & 绿道',
      '二、保障民生',
      '（一）办好实事',
      '序号\t任务',
      '1\t新增托位300个',
      'A\tB',
      'C',
    ]);
  });
});

describe('decodeReportBytes: hostile and broken input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-ingest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses empty and whitespace-only files', async () => {
    expect(await errorCode(decodeReportBytes(new Uint8Array(), 'empty.txt'))).toBe('empty_report');
    expect(await errorCode(decodeReportBytes(utf8(' \n\r\n\u3000\n'), 'blank.txt'))).toBe('empty_report');
  });

  it('refuses binary files (NUL bytes, control characters) and damaged PDF and .doc files', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await errorCode(decodeReportBytes(png, 'photo.txt'))).toBe('binary_file');
    const controls = utf8('text\u0001\u0002\u0003\u0004 more\u0005\u0006');
    expect(await errorCode(decodeReportBytes(controls, 'x.txt'))).toBe('binary_file');
    // The same characters in UTF-16 (counted as characters, not bytes) and in GB18030.
    const text = 'text\u0001\u0002\u0003\u0004 more\u0005\u0006';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await errorCode(decodeReportBytes(new Uint8Array(utf16), 'x.txt'))).toBe('binary_file');
    const gbk = iconv.encode(`报告${text}`, 'gb18030');
    expect(await errorCode(decodeReportBytes(new Uint8Array(gbk), 'x.txt'))).toBe('binary_file');
    expect(await errorCode(decodeReportBytes(utf8('%PDF-1.7\n...'), 'r.pdf'))).toBe('broken_pdf');
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    expect(await errorCode(decodeReportBytes(doc, 'r.doc'))).toBe('broken_doc');
  });

  it('refuses a 50 MB file by its size, from bytes and from disk without reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(await errorCode(decodeReportBytes(big, 'big.txt'))).toBe('file_too_large');
    await expect(decodeReportBytes(big, 'big.txt')).rejects.toThrow('big.txt is 50 MB; the limit is 20 MB');
    const path = join(dir, 'big.txt');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    expect(await errorCode(readReportFile(path))).toBe('file_too_large');
    expect(await errorCode(readReportFile(join(dir, 'missing.txt')))).toBe('file_not_found');
  });

  it('refuses a truncated .docx', async () => {
    const docx = readRawCorpusBytes('beijing-2025-work-report.docx');
    for (const cut of [docx.length - 10, Math.floor(docx.length / 2), 100]) {
      expect(await errorCode(decodeReportBytes(docx.subarray(0, cut), 'cut.docx'))).toBe('broken_docx');
    }
  });

  it('refuses zip bombs posing as .docx, honest or lying about their size, in bounded memory', async () => {
    // 70 MB of zeros deflate to ~70 KB: past the 64 MB per-entry limit.
    const zeros = new Uint8Array(70 * 1024 * 1024);
    const bomb = buildZip([
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'word/document.xml', data: zeros },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await errorCode(decodeReportBytes(bomb, 'bomb.docx'))).toBe('zip_bomb');
    const liar = buildZip([
      { name: 'word/document.xml', data: zeros.subarray(0, 5 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(await errorCode(decodeReportBytes(liar, 'liar.docx'))).toBe('zip_bomb');
  });

  it('refuses a zip that is not a Word document, and garbage after a zip signature', async () => {
    const zip = buildZip([{ name: 'sheet.csv', data: 'a,b\n1,2\n' }]);
    expect(await errorCode(decodeReportBytes(zip, 'x.docx'))).toBe('unsupported_format');
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    expect(await errorCode(decodeReportBytes(garbage, 'x.docx'))).toBe('broken_docx');
  });

  it('reads a file from disk with its name deciding markdown vs text', async () => {
    const path = join(dir, 'summary.md');
    writeFileSync(path, sample);
    const decoded = await readReportFile(path);
    expect(decoded.format).toBe('markdown');
    expect(parseReport(decoded.text).areas).toHaveLength(8);
  });
});
