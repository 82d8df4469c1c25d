import { buildZip, type ZipInput } from './zip-writer.js';

/** How the test OFD places its text (tests only). */
export interface OfdLayout {
  /** One TextObject per line (DeltaX per character) or one per character (as some printers write). */
  objects: 'line' | 'character';
  /** Characters per line before wrapping; numbers and units are cut wherever the line ends. */
  lineWidth?: number;
  linesPerPage?: number;
}

const NS = 'http://www.ofdspec.org/2016';
const PAGE = { width: 210, height: 297, left: 25, top: 30 };
const SIZE = 4.2;
const PITCH = 7.4;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Advance of one character in millimetres: full width for Chinese, half for ASCII. */
const advance = (char: string): number => ((char.codePointAt(0) ?? 0) < 0x80 ? SIZE / 2 : SIZE);

interface PlacedLine {
  text: string;
  x: number;
}

/**
 * Wrap paragraphs at `width` full-width characters of room, the way a typesetter fills a line
 * (ASCII takes half a character); the first line of each paragraph is indented two characters.
 */
function wrap(text: string, width: number): PlacedLine[] {
  const room = width * SIZE;
  const lines: PlacedLine[] = [];
  for (const paragraph of text.split('\n').filter((line) => line.trim().length > 0)) {
    let line = '';
    let x = 2 * SIZE;
    let used = x;
    for (const char of paragraph) {
      if (used + advance(char) > room + 0.01) {
        lines.push({ text: line, x });
        line = '';
        x = 0;
        used = 0;
      }
      line += char;
      used += advance(char);
    }
    lines.push({ text: line, x });
  }
  return lines;
}

let nextId = 100;

function textObject(line: string, x: number, y: number): string {
  const chars = Array.from(line);
  const deltas = chars.slice(0, -1).map(advance);
  const deltaX = deltas.every((delta) => delta === SIZE)
    ? deltas.length > 0
      ? `g ${deltas.length} ${SIZE}`
      : ''
    : deltas.join(' ');
  const width = chars.reduce((sum, char) => sum + advance(char), 0);
  return `<ofd:TextObject ID="${nextId++}" Boundary="${x.toFixed(2)} ${(y - SIZE).toFixed(2)} ${width.toFixed(2)} ${(SIZE * 1.4).toFixed(2)}" Font="2" Size="${SIZE}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${SIZE}"${deltaX ? ` DeltaX="${deltaX}"` : ''}>${escapeXml(line)}</ofd:TextCode></ofd:TextObject>`;
}

function pageContent(lines: PlacedLine[], layout: OfdLayout, pageNumber: number): string {
  const objects: string[] = [];
  lines.forEach((line, index) => {
    const baseline = PAGE.top + index * PITCH;
    const left = PAGE.left + line.x;
    if (layout.objects === 'line') objects.push(textObject(line.text, left, baseline));
    else {
      let x = left;
      for (const char of line.text) {
        objects.push(textObject(char, x, baseline));
        x += advance(char);
      }
    }
  });
  // The page number every official document carries, centred at the foot ("- 3 -").
  objects.push(textObject(`- ${pageNumber} -`, PAGE.width / 2 - 6, PAGE.height - 20));
  return `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page xmlns:ofd="${NS}"><ofd:Area><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${nextId++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
}

/** The files of an OFD package (GB/T 33190): OFD.xml, Document.xml, PublicRes.xml and one Content.xml per page. */
export function ofdFiles(text: string, layout: OfdLayout): ZipInput[] {
  const lines = wrap(text, layout.lineWidth ?? 38);
  const perPage = layout.linesPerPage ?? 33;
  const pages: PlacedLine[][] = [];
  for (let at = 0; at < lines.length; at += perPage) pages.push(lines.slice(at, at + perPage));
  const files: ZipInput[] = [
    {
      name: 'OFD.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0c2e9d4f</ofd:DocID><ofd:Title>report</ofd:Title><ofd:CreationDate>2026-02-02</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    },
    {
      name: 'Doc_0/Document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${nextId + 100000}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pages
        .map((_, index) => `<ofd:Page ID="${index + 1}" BaseLoc="Pages/Page_${index}/Content.xml"/>`)
        .join('')}</ofd:Pages></ofd:Document>`,
    },
    {
      name: 'Doc_0/PublicRes.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
    },
  ];
  pages.forEach((page, index) => {
    files.push({ name: `Doc_0/Pages/Page_${index}/Content.xml`, data: pageContent(page, layout, index + 1) });
  });
  return files;
}

/** An OFD document of the text, laid out on A4 pages like a printed official document. */
export function buildOfd(text: string, layout: OfdLayout): Uint8Array {
  return buildZip(ofdFiles(text, layout));
}
