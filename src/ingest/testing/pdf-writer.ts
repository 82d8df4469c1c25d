import { deflateSync } from 'node:zlib';

/** How the test PDF lays out its text (tests and benchmarks only). */
export interface TextPdfLayout {
  /** Characters per line (every character is one em wide, as in a CJK font). */
  lineWidth?: number;
  linesPerPage?: number;
  /** A running header printed at the top of every page. */
  header?: string;
}

const PAGE = { width: 595, height: 842, left: 72, top: 90 };
const SIZE = 12;
const PITCH = 19;

/** UTF-16BE hex of the text, the code units of the UniGB-UCS2-H CMap. */
function hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex');
}

function wrap(text: string, width: number): { text: string; indent: boolean }[] {
  const lines: { text: string; indent: boolean }[] = [];
  for (const paragraph of text.split('\n').filter((line) => line.trim().length > 0)) {
    const chars = Array.from(paragraph);
    for (let at = 0, first = true; at < chars.length; first = false) {
      const room = first ? width - 2 : width;
      lines.push({ text: chars.slice(at, at + room).join(''), indent: first });
      at += room;
    }
  }
  return lines;
}

/**
 * A PDF of the text the way Word prints a report with a non-embedded Chinese font: the
 * STSong-Light CID font (Adobe-GB1, UniGB-UCS2-H), A4 pages, paragraphs with a two-character
 * first-line indent wrapped at the margin, a running header and "- n -" page numbers.
 */
export function buildTextPdf(text: string, layout: TextPdfLayout = {}): Uint8Array {
  const lines = wrap(text, layout.lineWidth ?? 36);
  const perPage = layout.linesPerPage ?? 36;
  const pages: (typeof lines)[] = [];
  for (let at = 0; at < lines.length; at += perPage) pages.push(lines.slice(at, at + perPage));
  const objects: (string | Buffer)[] = [];
  const add = (object: string | Buffer): number => objects.push(object);
  const catalog = add('');
  const pagesObject = add('');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>] >>`,
  );
  const kids: number[] = [];
  pages.forEach((page, index) => {
    const show = (x: number, y: number, size: number, line: string): string =>
      `BT /F1 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td <${hex(line)}> Tj ET`;
    const operations = page.map((line, row) =>
      show(PAGE.left + (line.indent ? 2 * SIZE : 0), PAGE.height - PAGE.top - row * PITCH, SIZE, line.text),
    );
    if (layout.header) operations.push(show(PAGE.left, PAGE.height - 50, 9, layout.header));
    const number = `- ${index + 1} -`;
    operations.push(show(PAGE.width / 2 - (number.length * 10.5) / 2, 40, 10.5, number));
    const data = deflateSync(Buffer.from(operations.join('\n'), 'latin1'));
    const content = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] =
    `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] >>`;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof object === 'string' ? Buffer.from(object, 'latin1') : object,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) xref += `${String(at).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
