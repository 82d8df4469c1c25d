import { badInput, isLuoshiError } from '../core/errors.js';
import { normalizeReportText } from '../core/parse/normalize.js';
import {
  DEFAULT_MAX_REPORT_BYTES,
  type DecodedReport,
  type DecodeOptions,
  decodeText,
  fileTooLarge,
  startsWith,
} from './decode.js';
import { docxToText } from './docx.js';
import { decodeHtml, looksLikeHtml } from './html-charset.js';
import { looksLikeMhtml, mhtmlHtmlPart } from './mhtml.js';
import { brokenOfd } from './ofd-errors.js';
import { listZipEntries, type ZipEntry } from './zip.js';

/** `%PDF-` within the first KiB: the PDF standard lets a little junk precede the header. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06);
}

/** OLE2 compound file: Word 97–2003 .doc and WPS .wps (and also .xls/.ppt, refused by the reader). */
function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
}

/** The zip directory; a damaged one is worded as OFD when the file says it is one (.ofd). */
function listEntries(bytes: Uint8Array, name: string): ZipEntry[] {
  try {
    return listZipEntries(bytes, name);
  } catch (error) {
    if (isLuoshiError(error) && error.code === 'broken_docx' && /\.ofd$/i.test(name)) {
      throw brokenOfd(name, error.message, '压缩包损坏');
    }
    throw error;
  }
}

async function readByContent(
  bytes: Uint8Array,
  name: string,
  fileName: string | undefined,
): Promise<DecodedReport> {
  if (isPdf(bytes)) {
    const { pdfToText } = await import('./pdf.js');
    const { text, pages } = await pdfToText(bytes, name);
    return { text, format: 'pdf', encoding: 'pdf', pages };
  }
  if (isZip(bytes)) {
    const entries = listEntries(bytes, name);
    if (entries.some((entry) => entry.name.replace(/^\//, '').toUpperCase() === 'OFD.XML')) {
      const { ofdToText } = await import('./ofd.js');
      const { text, pages } = ofdToText(bytes, name);
      return { text, format: 'ofd', encoding: 'ofd', pages };
    }
    return { text: docxToText(bytes, name), format: 'docx', encoding: 'docx' };
  }
  if (isOle(bytes)) {
    const { wordBinaryToText } = await import('./word-binary.js');
    return { text: await wordBinaryToText(bytes, name), format: 'doc', encoding: 'doc' };
  }
  if (looksLikeMhtml(bytes)) {
    const page = mhtmlHtmlPart(bytes, name);
    const html = decodeHtml(page.html, name, page.charset);
    const { htmlToText } = await import('./html.js');
    return { text: htmlToText(html.text, name), format: 'mhtml', encoding: html.charset };
  }
  if (looksLikeHtml(bytes)) {
    const html = decodeHtml(bytes, name);
    const { htmlToText } = await import('./html.js');
    return { text: htmlToText(html.text, name), format: 'html', encoding: html.charset };
  }
  return decodeText(bytes, name, fileName);
}

/**
 * Read a report or 分工方案 file of any supported format into normalised text, one line per
 * paragraph: the one entry point for the CLI, the import API and other importers. The format is
 * recognised by content (magic bytes, markup), never by the file name, which only names the file
 * in messages and tells Markdown from plain text:
 * - Word .docx; Word 97–2003 .doc and WPS .wps (same binary format);
 * - PDF with a text layer (pdf.js); OFD (GB/T 33190);
 * - web pages .html/.htm (article found, site chrome dropped) and web archives .mhtml/.mht;
 * - text and Markdown in UTF-8, UTF-16 with BOM, or GBK/GB18030.
 * Every unreadable input raises a `LuoshiError` with a precise code (file_too_large,
 * empty_report, binary_file, unsupported_format, unsupported_encoding, broken_docx, zip_bomb,
 * pdf_encrypted, no_text_layer, pdf_too_large, broken_pdf, broken_doc, broken_ofd, broken_mhtml,
 * no_article_text).
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName?: string,
  options: DecodeOptions = {},
): Promise<DecodedReport> {
  const name = fileName ?? 'the report';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  if (bytes.length > maxBytes) throw fileTooLarge(name, bytes.length, maxBytes);
  const read = await readByContent(bytes, name, fileName);
  const decoded: DecodedReport = { ...read, text: normalizeReportText(read.text) };
  if (decoded.text.trim().length === 0) {
    throw badInput('empty_report', `${name} contains no text`, `${name} 没有任何文字内容`, { file: name });
  }
  return decoded;
}

/** The former name of `readDocument`, kept for existing callers. */
export const decodeReportBytes = readDocument;
