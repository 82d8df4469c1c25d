import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';
import { errorCodeOf, FORMATS_PLAIN_TEXT, formatFixture } from './testing/format-fixtures.js';
import { reportShape } from './testing/report-shape.js';

const plainText = FORMATS_PLAIN_TEXT;
const fixture = formatFixture;

const codeOf = errorCodeOf;

describe('Word 97 .doc and WPS .wps', () => {
  // The .wps fixture is the LibreOffice .doc renamed: WPS writes the same OLE2 Word binary.
  it.each(['beijing-2026-short.doc', 'beijing-2026-short.wps'])(
    'reads %s (LibreOffice, Word 97) to the same text, tree and targets as the plain text',
    async (name) => {
      const decoded = await readDocument(fixture(name), name);
      expect(decoded.format).toBe('doc');
      // Curly quotes and dashes survive as written (“十五五”, ——).
      expect(decoded.text.trim()).toBe(plainText.trim());
      expect(reportShape(decoded.text)).toEqual(reportShape(plainText));
    },
  );

  it('refuses a damaged or non-Word OLE2 file with broken_doc', async () => {
    const doc = fixture('beijing-2026-short.doc');
    expect(await codeOf(readDocument(doc.subarray(0, 4096), 'cut.doc'))).toBe('broken_doc');
    const ole = new Uint8Array(doc);
    ole.fill(0, 512);
    expect(await codeOf(readDocument(ole, 'empty.wps'))).toBe('broken_doc');
  });
});
