import { describe, expect, it } from 'vitest';
import { expandDeltas } from './ofd.js';
import { readDocument } from './read-document.js';
import { errorCodeOf, FORMATS_PLAIN_TEXT } from './testing/format-fixtures.js';
import { buildOfd, ofdFiles } from './testing/ofd-writer.js';
import { reportShape } from './testing/report-shape.js';
import { buildZip, type ZipInput } from './testing/zip-writer.js';

const plainText = FORMATS_PLAIN_TEXT;

const codeOf = errorCodeOf;

function replaceFile(files: ZipInput[], name: string, data: string | undefined): Uint8Array {
  const kept = files.filter((file) => file.name !== name);
  return buildZip(data === undefined ? kept : [...kept, { name, data }]);
}

describe('OFD (GB/T 33190)', () => {
  it.each(['line', 'character'] as const)(
    'reads an OFD with one text object per %s to the same text, tree and targets as the plain text',
    async (objects) => {
      const decoded = await readDocument(buildOfd(plainText, { objects }), 'report.ofd');
      expect(decoded).toMatchObject({ format: 'ofd', pages: 3 });
      // Paragraphs rejoined across wrapped lines and pages; page numbers ("- 2 -") dropped.
      expect(decoded.text.trim()).toBe(plainText.trim());
      expect(reportShape(decoded.text)).toEqual(reportShape(plainText));
    },
  );

  it('keeps a number and its unit whole when the line wraps between them', async () => {
    const paragraph = `${'推进'.repeat(17)}新增中小学学位6500个，拆除违法建设500万平方米。`;
    for (const lineWidth of [34, 35, 36, 37, 38]) {
      const { text } = await readDocument(
        buildOfd(`${paragraph}\n`, { objects: 'line', lineWidth }),
        'a.ofd',
      );
      expect(text).toBe(paragraph);
    }
  });

  it('expands DeltaX with its g shorthand', () => {
    expect(expandDeltas('g 3 4.2 1 2', 10)).toEqual([4.2, 4.2, 4.2, 1, 2]);
    expect(expandDeltas('1 g 2 3', 2)).toEqual([1, 3]);
  });

  it('refuses broken OFD packages with broken_ofd and zip bombs with zip_bomb', async () => {
    const files = ofdFiles(plainText, { objects: 'line' });
    const cases: [Uint8Array, string][] = [
      [replaceFile(files, 'Doc_0/Document.xml', undefined), 'broken_ofd'],
      [replaceFile(files, 'Doc_0/Pages/Page_1/Content.xml', '<ofd:Page><unclosed'), 'broken_ofd'],
      [replaceFile(files, 'OFD.xml', '<ofd:OFD xmlns:ofd="x"><ofd:DocBody/></ofd:OFD>'), 'broken_ofd'],
      [
        replaceFile(
          files,
          'OFD.xml',
          '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><ofd:OFD>&b;</ofd:OFD>',
        ),
        'broken_ofd',
      ],
      [buildOfd(plainText, { objects: 'line' }).subarray(0, 3000), 'broken_ofd'],
      [
        buildZip(
          [...files, { name: 'Doc_0/Res/huge.bin', data: 'x', declaredSize: 1 }].map((file) =>
            file.name === 'Doc_0/Document.xml' ? { ...file, declaredSize: 200 * 1024 * 1024 } : file,
          ),
        ),
        'zip_bomb',
      ],
    ];
    for (const [bytes, code] of cases) expect(await codeOf(readDocument(bytes, 'broken.ofd'))).toBe(code);
  });

  it('refuses an OFD of more pages than the limit', async () => {
    const long = `${'一、总体要求\n'.repeat(520)}`;
    expect(await codeOf(readDocument(buildOfd(long, { objects: 'line', linesPerPage: 1 }), 'long.ofd'))).toBe(
      'broken_ofd',
    );
  });
});
