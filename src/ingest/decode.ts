import { isUtf8 } from 'node:buffer';
import { badInput, type LuoshiError } from '../core/errors.js';
import { normalizeReportText } from '../core/parse/normalize.js';
import { iconv } from './iconv.js';

/** The kinds of document luoshi reads, recognised by content. `doc` covers .wps (the same binary). */
export type DocumentFormat = 'markdown' | 'text' | 'docx' | 'html' | 'mhtml' | 'pdf' | 'doc' | 'ofd';

/** What `readDocument` returns: normalised text (one line per paragraph) plus how it was read. */
export interface DecodedReport {
  text: string;
  format: DocumentFormat;
  /**
   * utf-8, utf-16le, utf-16be or gb18030 for text and web pages; for containers with their own
   * text encoding, the container: docx, pdf, doc, ofd.
   */
  encoding: string;
  /** Pages read, for paged formats (PDF, OFD). */
  pages?: number;
}

export interface DecodeOptions {
  /** Largest accepted input in bytes (default 20 MiB, the server's MAX_UPLOAD_MB default). */
  maxBytes?: number;
}

export const DEFAULT_MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** Valid multi-byte UTF-8 characters seen before a bad byte that prove the text is damaged UTF-8. */
const DAMAGED_UTF8_EVIDENCE = 8;

/** The error for an input over the size limit. */
export function fileTooLarge(name: string, size: number, maxBytes: number): LuoshiError {
  // One decimal where it says something: "20 MB", not "20.0 MB"; "20.3 MB".
  const mb = (n: number): string => String(Number((n / 1048576).toFixed(1)));
  return badInput(
    'file_too_large',
    `${name} is ${mb(size)} MB; the limit is ${mb(maxBytes)} MB (a work report is usually under 1 MB)`,
    `${name} 大小为 ${mb(size)} MB，超过 ${mb(maxBytes)} MB 上限（政府工作报告通常小于 1 MB）`,
    { file: name, bytes: size, maxBytes },
  );
}

export function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) ||
    code === 0x7f
  );
}

/** The characters isControl counts (NUL is refused before, with its own message). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: it searches for exactly these characters.
const CONTROL_CHARACTER = /[\x00-\x08\x0e-\x1f\x7f]/;

function countControlBytes(bytes: Uint8Array): number {
  let count = 0;
  // An indexed loop: iterating a typed array with for…of costs several times more per byte.
  for (let i = 0; i < bytes.length; i++) if (isControl(bytes[i]!)) count++;
  return count;
}

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return. */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f
    ) {
      count++;
    }
  }
  return count;
}

function binaryFile(name: string, why: string, whyZh: string): LuoshiError {
  return badInput(
    'binary_file',
    `${name} is not a report luoshi can read (${why}); upload .docx, .doc, .wps, .pdf, .ofd, .html, .md or .txt`,
    `${name} 不是可读取的报告（${whyZh}），请上传 .docx、.doc、.wps、.pdf、.ofd、.html、.md 或 .txt 文件`,
    { file: name },
  );
}

/**
 * Where UTF-8 validation fails (-1 when the bytes are valid UTF-8) and how many multi-byte
 * characters were valid before that point: GBK text almost never forms valid multi-byte UTF-8, so
 * many valid ones followed by a bad byte means damaged UTF-8, not GBK.
 */
export function checkUtf8(bytes: Uint8Array): { invalidAt: number; multibyteBefore: number } {
  let i = 0;
  let multibyte = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return { invalidAt: i, multibyteBefore: multibyte };
    let code = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return { invalidAt: i, multibyteBefore: multibyte };
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return { invalidAt: i, multibyteBefore: multibyte };
    }
    multibyte++;
    i += need + 1;
  }
  return { invalidAt: -1, multibyteBefore: multibyte };
}

/** Share of characters that are CJK ideographs or CJK punctuation among the non-ASCII ones. */
function looksChinese(text: string): boolean {
  let nonAscii = 0;
  let chinese = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef)
    ) {
      chinese++;
    }
  }
  return nonAscii === 0 || chinese / nonAscii >= 0.8;
}

function detectFormat(text: string, fileName: string | undefined): 'markdown' | 'text' {
  if (fileName && /\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (fileName && /\.txt$/i.test(fileName)) return 'text';
  return /^#{1,6}[ \t]\S/m.test(text) ? 'markdown' : 'text';
}

/**
 * Plain text or Markdown bytes → normalised text: UTF-8 (with or without BOM), UTF-16 LE/BE with
 * BOM, or GBK/GB18030 (recognised by content). Raises binary_file or unsupported_encoding.
 */
export function decodeText(bytes: Uint8Array, name: string, fileName: string | undefined): DecodedReport {
  let text: string;
  let encoding: string;
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    const controls = countControlCharacters(text);
    if (controls > 0 && controls > text.length / 1000) {
      throw binaryFile(name, `${controls} control characters`, `包含 ${controls} 个控制字符`);
    }
  } else {
    if (bytes.includes(0)) throw binaryFile(name, 'it contains NUL bytes', '包含空字节');
    // In UTF-8 and GBK a byte below 0x20 (or 0x7f) is always that control character itself, and
    // no other byte sequence decodes to one: counting the bytes counts the text's.
    const refuseControls = (): void => {
      const controls = countControlBytes(bytes);
      if (controls > 0 && controls > bytes.length / 1000) {
        throw binaryFile(name, `${controls} control characters`, `包含 ${controls} 个控制字符`);
      }
    };
    // Valid UTF-8 (nearly every file) is recognised natively; checkUtf8 says where and how it is not.
    const valid = isUtf8(bytes);
    const utf8Text = valid ? new TextDecoder('utf-8').decode(bytes) : undefined;
    // Valid UTF-8 is decoded first and its bytes counted only when the text has a control
    // character at all: one regular-expression search is much cheaper than a loop over the bytes.
    if (utf8Text === undefined || CONTROL_CHARACTER.test(utf8Text)) refuseControls();
    const { invalidAt, multibyteBefore } = valid ? { invalidAt: -1, multibyteBefore: 0 } : checkUtf8(bytes);
    if (invalidAt === -1) {
      encoding = 'utf-8';
      text = utf8Text ?? new TextDecoder('utf-8').decode(bytes);
    } else {
      text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
      if (multibyteBefore >= DAMAGED_UTF8_EVIDENCE || text.includes('\uFFFD') || !looksChinese(text)) {
        throw badInput(
          'unsupported_encoding',
          `${name} is neither valid UTF-8 (invalid byte at offset ${invalidAt}) nor GBK/GB18030 Chinese text; save it as UTF-8 and try again`,
          `${name} 既不是有效的 UTF-8（第 ${invalidAt} 字节无效），也不是 GBK/GB18030 中文文本，请另存为 UTF-8 后重试`,
          { file: name, offset: invalidAt },
        );
      }
      encoding = 'gb18030';
    }
  }
  // UTF-8 and GBK text has the control characters its bytes had (counted above): only UTF-16
  // text is counted again, as characters.
  const normalised = normalizeReportText(text);
  return { text: normalised, format: detectFormat(normalised, fileName), encoding };
}
