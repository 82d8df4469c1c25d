import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.min.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { badInput, isLuoshiError } from '../core/errors.js';
import { layoutToText, type PlacedPage, type PlacedRun } from './layout.js';

/** Bounds that keep a hostile PDF from exhausting time or memory. */
export interface PdfLimits {
  /** Most pages read; a work report is 20–60 pages, a 分工方案 rarely more than 100. */
  maxPages: number;
  /** Most objects the cross-reference table may declare. */
  maxObjects: number;
  /** Most text items over all pages. */
  maxTextItems: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 500, maxObjects: 500_000, maxTextItems: 2_000_000 };

// pdf.js runs its worker code on this thread when it finds it here, instead of importing it by
// path on first use; parsing stays bounded by the limits below.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Printable characters per page below which a PDF is a scan (images of pages) without text. */
const MIN_CHARACTERS_PER_PAGE = 10;

function tooLarge(fileName: string, what: string, whatZh: string, details: Record<string, unknown>) {
  return badInput(
    'pdf_too_large',
    `${fileName} has ${what}; luoshi reads PDFs of up to ${DEFAULT_PDF_LIMITS.maxPages} pages. Split it or upload the report's .docx`,
    `${fileName} ${whatZh}，超出可读取范围（最多 ${DEFAULT_PDF_LIMITS.maxPages} 页），请拆分文件或上传报告的 .docx 原件`,
    { file: fileName, ...details },
  );
}

/**
 * The object count the file's last trailer or cross-reference stream declares (`/Size n`), read
 * from the raw bytes before pdf.js parses anything.
 */
export function declaredObjectCount(bytes: Uint8Array): number {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024 * 1024)));
  let size = 0;
  for (const match of tail.matchAll(/\/Size\s+(\d{1,12})/g)) size = Number(match[1]);
  return size;
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item && 'transform' in item;
}

/** Characters that show a text layer is not real text: private-use glyph codes, replacement marks. */
function unreadableShare(text: string): number {
  let bad = 0;
  let total = 0;
  for (const char of text) {
    if (/\s/.test(char)) continue;
    total++;
    const code = char.codePointAt(0) as number;
    if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code < 0x20) bad++;
  }
  return total === 0 ? 1 : bad / total;
}

/**
 * A PDF with a text layer → report text, one line per paragraph (see layout.ts), read with
 * Mozilla's pdf.js (legacy build for Node; it runs its worker code in-process). Refuses
 * password-protected files (`pdf_encrypted`), scans without text (`no_text_layer`), files over
 * the page/object limits (`pdf_too_large`) and damaged files (`broken_pdf`).
 */
export async function pdfToText(
  bytes: Uint8Array,
  fileName: string,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<{ text: string; pages: number }> {
  const objects = declaredObjectCount(bytes);
  if (objects > limits.maxObjects) {
    throw tooLarge(fileName, `${objects} objects`, `包含 ${objects} 个对象`, { objects });
  }
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: bytes.slice(),
    cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    if (document.numPages > limits.maxPages) {
      throw tooLarge(fileName, `${document.numPages} pages`, `共 ${document.numPages} 页`, {
        pages: document.numPages,
      });
    }
    const pages: PlacedPage[] = [];
    let items = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      items += content.items.length;
      if (items > limits.maxTextItems) {
        throw tooLarge(
          fileName,
          `over ${limits.maxTextItems} text items`,
          `文字对象超过 ${limits.maxTextItems} 个`,
          {
            items,
          },
        );
      }
      const runs: PlacedRun[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str.length === 0) continue;
        // Page space → viewport space (top-down, rotation applied).
        const [, , c, d, x, y] = Util.transform(viewport.transform, item.transform) as number[];
        runs.push({
          text: item.str,
          x: x ?? 0,
          y: y ?? 0,
          width: item.width,
          size: Math.hypot(c ?? 0, d ?? 0),
        });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    const text = layoutToText(pages);
    const printable = text.replace(/\s+/g, '').length;
    if (printable < Math.max(20, MIN_CHARACTERS_PER_PAGE * pages.length) || unreadableShare(text) > 0.3) {
      throw badInput(
        'no_text_layer',
        `${fileName} has no text layer (a scan or pictures of pages); provide a PDF whose text can be copied, or the .docx`,
        'PDF 无文字层，请提供可复制文字的版本',
        { file: fileName, pages: pages.length, characters: printable },
      );
    }
    return { text, pages: pages.length };
  } catch (error) {
    if (isLuoshiError(error)) throw error;
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw badInput(
        'pdf_encrypted',
        `${fileName} is password-protected; remove the password (or print it to a new PDF) and upload again`,
        `${fileName} 已加密（需要密码才能打开），请解除密码后重新上传`,
        { file: fileName },
      );
    }
    throw badInput(
      'broken_pdf',
      `${fileName} is not a readable PDF (${(error as Error).message}); open it and save or print it as a new PDF`,
      `${fileName} 不是可读取的 PDF 文件，请打开后重新保存或打印为新的 PDF`,
      { file: fileName },
    );
  } finally {
    await task.destroy();
  }
}
