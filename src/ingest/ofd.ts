import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { isLuoshiError } from '../core/errors.js';
import { layoutToText, type PlacedPage, type PlacedRun } from './layout.js';
import { brokenOfd } from './ofd-errors.js';
import { DEFAULT_ZIP_LIMITS, listZipEntries, readZipEntry, type ZipEntry, type ZipLimits } from './zip.js';

/** Bounds for an OFD beyond the zip limits: pages and text objects read. */
export interface OfdLimits extends ZipLimits {
  maxPages: number;
  maxTextCodes: number;
}

export const DEFAULT_OFD_LIMITS: OfdLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxPages: 500,
  maxTextCodes: 2_000_000,
};

type XmlNode = { [key: string]: XmlValue };
type XmlValue = string | XmlNode | XmlNode[];

/** Elements that may repeat: read as arrays whatever their count. */
const REPEATED = new Set(['DocBody', 'Page']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  if (!node || typeof node === 'string' || Array.isArray(node)) return undefined;
  return node[name];
}

function children(node: XmlValue | undefined, name: string): XmlNode[] {
  const value = child(node, name);
  if (Array.isArray(value)) return value;
  return value && typeof value !== 'string' ? [value] : [];
}

function text(node: XmlValue | undefined): string {
  if (typeof node === 'string') return node;
  if (!node || Array.isArray(node)) return '';
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function numbers(value: string | undefined): number[] {
  return (value ?? '').trim().split(/\s+/).filter(Boolean).map(Number).filter(Number.isFinite);
}

/**
 * A DeltaX/DeltaY list with its `g` shorthand expanded: "g 3 4.2 1" is 4.2, 4.2, 4.2, 1
 * (GB/T 33190 §11.3). At most `length` values are kept.
 */
export function expandDeltas(value: string | undefined, length: number): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const delta = Number(tokens[i + 2]);
      for (let k = 0; k < count && out.length < length; k++) out.push(delta);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((delta) => (Number.isFinite(delta) ? delta : 0));
}

/** Rough advance of a character in ems, for the last character of a code and per-character objects. */
function advance(char: string): number {
  return (char.codePointAt(0) ?? 0) <= 0x024f ? 0.5 : 1;
}

class OfdReader {
  private readonly entries: Map<string, ZipEntry>;
  private textCodes = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly limits: OfdLimits,
  ) {
    this.entries = new Map(
      listZipEntries(bytes, fileName, limits).map((entry) => [entry.name.replace(/^\//, ''), entry]),
    );
  }

  /** An entry's text; entity declarations are never needed in OFD and are how XML bombs work. */
  private source(path: string): string {
    const entry = this.entries.get(path.replace(/^\//, ''));
    if (!entry) throw brokenOfd(this.fileName, `${path} is missing`, `缺少 ${path}`);
    const source = new TextDecoder().decode(readZipEntry(this.bytes, entry, this.fileName, this.limits));
    if (/<!DOCTYPE|<!ENTITY/i.test(source)) {
      throw brokenOfd(this.fileName, `${path} declares entities`, `${path} 含有实体声明`);
    }
    return source;
  }

  /** A small package file (OFD.xml, Document.xml) as a tree. */
  private xml(path: string): XmlNode {
    const source = this.source(path);
    try {
      return parser.parse(source, true) as XmlNode;
    } catch (error) {
      throw brokenOfd(this.fileName, `${path}: ${(error as Error).message}`, `${path} 不是有效的 XML`);
    }
  }

  /** OFD.xml → DocRoot → Document.xml → each page's Content.xml, in page order. */
  pages(): PlacedPage[] {
    const root = child(this.xml('OFD.xml'), 'OFD');
    const docRoot = text(child(children(root, 'DocBody')[0], 'DocRoot')).trim();
    if (!docRoot) throw brokenOfd(this.fileName, 'OFD.xml names no DocRoot', 'OFD.xml 中没有 DocRoot');
    const documentPath = docRoot.replace(/^\//, '');
    const document = child(this.xml(documentPath), 'Document');
    const box = numbers(text(child(child(child(document, 'CommonData'), 'PageArea'), 'PhysicalBox')));
    const pages = children(child(document, 'Pages'), 'Page');
    if (pages.length > this.limits.maxPages) {
      throw brokenOfd(
        this.fileName,
        `${pages.length} pages`,
        `共 ${pages.length} 页，超出上限 ${this.limits.maxPages} 页`,
      );
    }
    return pages.map((page) => {
      const location = attribute(page, 'BaseLoc');
      if (!location) throw brokenOfd(this.fileName, 'a page without BaseLoc', '页面缺少 BaseLoc');
      const path = location.startsWith('/')
        ? location.slice(1)
        : posix.join(posix.dirname(documentPath), location);
      const { runs, box: pageBox } = this.pageContent(path);
      const [, , width = 210, height = 297] = pageBox.length === 4 ? pageBox : box;
      return { width, height, runs };
    });
  }

  /**
   * A page's Content.xml → its text runs in page millimetres. Content.xml is most of an OFD's
   * bytes (one element per character in some files), so it is streamed with htmlparser2's SAX
   * parser; text objects in layers and nested page blocks all count. A file whose elements do
   * not close (truncated or malformed) is refused.
   */
  private pageContent(path: string): { runs: PlacedRun[]; box: number[] } {
    const source = this.source(path);
    const runs: PlacedRun[] = [];
    let box: number[] = [];
    let object: TextObjectFrame | undefined;
    let code: TextCodeFrame | undefined;
    let boxText: string | undefined;
    let roots = 0;
    let depth = 0;
    const parser = new Parser(
      {
        onopentag: (name, attributes) => {
          if (depth++ === 0) roots++;
          const local = name.slice(name.indexOf(':') + 1);
          if (local === 'TextObject') object = textObjectFrame(attributes);
          else if (local === 'TextCode' && object) {
            code = { x: attributes.X, y: attributes.Y, deltaX: attributes.DeltaX, text: '' };
          } else if (local === 'PhysicalBox' && depth === 3) boxText = '';
        },
        ontext: (text) => {
          if (code) code.text += text;
          else if (boxText !== undefined) boxText += text;
        },
        onclosetag: (name) => {
          depth--;
          const local = name.slice(name.indexOf(':') + 1);
          if (local === 'TextCode' && object && code) {
            if (++this.textCodes > this.limits.maxTextCodes) {
              throw brokenOfd(
                this.fileName,
                'too many text objects',
                `文字对象超过 ${this.limits.maxTextCodes} 个`,
              );
            }
            const run = placeCode(object, code);
            if (run) runs.push(run);
            code = undefined;
          } else if (local === 'TextObject') object = undefined;
          else if (local === 'PhysicalBox' && boxText !== undefined) {
            box = numbers(boxText);
            boxText = undefined;
          }
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    parser.write(source);
    // Elements still open once all the text is read: htmlparser2 would close them silently.
    const unclosed = depth !== 0;
    parser.end();
    if (unclosed || roots !== 1) {
      throw brokenOfd(this.fileName, `${path} is not well-formed XML`, `${path} 不是有效的 XML`);
    }
    return { runs, box };
  }
}

/** A TextObject's frame: its boundary origin, font size and CTM, and where the next code continues. */
interface TextObjectFrame {
  left: number;
  top: number;
  size: number;
  a: number;
  d: number;
  e: number;
  f: number;
  x: number;
  y: number;
}

interface TextCodeFrame {
  x: string | undefined;
  y: string | undefined;
  deltaX: string | undefined;
  text: string;
}

function textObjectFrame(attributes: Record<string, string>): TextObjectFrame {
  const [left = 0, top = 0] = numbers(attributes.Boundary);
  // CTM scales and moves the object's own coordinates; rotation and skew are rare in text.
  const [a = 1, , , d = 1, e = 0, f = 0] = numbers(attributes.CTM);
  return { left, top, size: Number(attributes.Size) || 3.5, a, d, e, f, x: 0, y: 0 };
}

/** One TextCode → a placed run; X and Y default to where the previous code of the object ended. */
function placeCode(object: TextObjectFrame, code: TextCodeFrame): PlacedRun | undefined {
  const chars = Array.from(code.text);
  if (chars.length === 0) return undefined;
  object.x = Number(code.x ?? object.x) || 0;
  object.y = Number(code.y ?? object.y) || 0;
  const deltas = expandDeltas(code.deltaX, chars.length - 1);
  const span =
    deltas.reduce((sum, delta) => sum + delta, 0) + advance(chars[chars.length - 1] as string) * object.size;
  const run = {
    text: chars.join(''),
    x: object.left + object.e + object.x * object.a,
    y: object.top + object.f + object.y * object.d,
    width: span * object.a,
    size: object.size * Math.abs(object.d),
  };
  object.x += span;
  return run;
}

/**
 * An OFD document (GB/T 33190) → report text, one line per paragraph: the zip (with the same
 * hostile-archive limits as .docx), OFD.xml → Document.xml → each page's Content.xml, text
 * objects placed by Boundary, X, Y and DeltaX, then lines and paragraphs by geometry (layout.ts).
 * Page templates (running headers and footers) are not read. Damage raises `broken_ofd`.
 */
export function ofdToText(
  bytes: Uint8Array,
  fileName: string,
  limits: OfdLimits = DEFAULT_OFD_LIMITS,
): { text: string; pages: number } {
  try {
    const pages = new OfdReader(bytes, fileName, limits).pages();
    return { text: layoutToText(pages), pages: pages.length };
  } catch (error) {
    if (isLuoshiError(error) && error.code === 'broken_docx') {
      throw brokenOfd(fileName, error.message, '压缩包损坏');
    }
    throw error;
  }
}
