import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../core/errors.js';
import { declaredObjectCount } from './pdf.js';
import { readDocument } from './read-document.js';
import { readCorpusText } from './testing/corpus.js';
import { FORMATS_PLAIN_TEXT, formatFixture } from './testing/format-fixtures.js';
import { buildTextPdf } from './testing/pdf-writer.js';
import { reportShape } from './testing/report-shape.js';

const plainText = FORMATS_PLAIN_TEXT;
const fixture = formatFixture;

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; zh: string }> {
  try {
    await promise;
    return { code: 'no error', zh: '' };
  } catch (error) {
    return isLuoshiError(error) ? { code: error.code, zh: error.messageZh } : { code: String(error), zh: '' };
  }
}

/** A minimal valid PDF of `pages` empty pages (and a `/Size` that may claim more objects). */
function emptyPagesPdf(pages: number, declaredSize?: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${declaredSize ?? objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('PDF', () => {
  it('reads a page printed from Chromium to the same tree and targets as the plain text', async () => {
    const decoded = await readDocument(fixture('beijing-2026-short.pdf'), 'report.pdf');
    expect(decoded).toMatchObject({ format: 'pdf', pages: 3 });
    expect(reportShape(decoded.text)).toEqual(reportShape(plainText));
    // Chromium's running header (date, page title) and footer (file URL, "1/3") are gone.
    expect(decoded.text).not.toMatch(/file:\/\/|\d+\/3$|_首都之窗_/m);
    // Numbers and units wrapped at the right margin come back whole, within their paragraph.
    for (const line of plainText.split('\n').filter((line) => line.startsWith('（'))) {
      expect(decoded.text.split('\n')).toContain(line);
    }
  });

  it('reads a 29-page report printed with a non-embedded Chinese font (CID, UniGB-UCS2-H) like its text', async () => {
    // The source's one zero-width non-joiner has no glyph, so no PDF carries it.
    const text = readCorpusText('guangdong-2025-work-report.txt').replace(/\u200c/g, '');
    const pdf = buildTextPdf(text, { header: '2025年广东省政府工作报告' });
    const decoded = await readDocument(pdf, 'guangdong.pdf');
    expect(decoded.pages).toBe(29);
    // Every paragraph comes back whole: wrapped lines, numbers cut at the margin, page breaks.
    expect(decoded.text).toBe(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n'),
    );
    expect(reportShape(decoded.text)).toEqual(reportShape(text));
  });

  it('detects a PDF by content whatever its name', async () => {
    expect((await readDocument(fixture('beijing-2026-short.pdf'), 'report.docx')).format).toBe('pdf');
  });

  it('refuses a password-protected PDF with pdf_encrypted', async () => {
    expect((await errorOf(readDocument(fixture('encrypted.pdf'), 'secret.pdf'))).code).toBe('pdf_encrypted');
  });

  it('refuses a scan without a text layer with no_text_layer and says so in Chinese', async () => {
    expect(await errorOf(readDocument(fixture('scanned-no-text.pdf'), 'scan.pdf'))).toEqual({
      code: 'no_text_layer',
      zh: 'PDF 无文字层，请提供可复制文字的版本',
    });
    expect((await errorOf(readDocument(emptyPagesPdf(3), 'blank.pdf'))).code).toBe('no_text_layer');
  });

  it('refuses too many pages or objects before reading them, and damaged files', async () => {
    expect((await errorOf(readDocument(emptyPagesPdf(501), 'long.pdf'))).code).toBe('pdf_too_large');
    expect(declaredObjectCount(emptyPagesPdf(2, 9_000_000))).toBe(9_000_000);
    expect((await errorOf(readDocument(emptyPagesPdf(2, 9_000_000), 'objects.pdf'))).code).toBe(
      'pdf_too_large',
    );
    const pdf = fixture('beijing-2026-short.pdf');
    expect((await errorOf(readDocument(pdf.subarray(0, 2000), 'cut.pdf'))).code).toMatch(
      /^(broken_pdf|no_text_layer)$/,
    );
    expect(
      (await errorOf(readDocument(new Uint8Array(Buffer.from('%PDF-1.7\ngarbage')), 'x.pdf'))).code,
    ).toBe('broken_pdf');
  });
});
