import { bomCharset, decodeDeclared } from './charset.js';

// Recognising and decoding a web page, apart from html.ts: that reader loads a DOM (linkedom) and
// Readability, which only a web page needs, so reading a text file does not load them.

/** Bytes of the head searched for a charset declaration (the HTML standard says 1024; pages are sloppy). */
const CHARSET_SCAN_BYTES = 4096;

/** Does the start of the file look like HTML markup (after a BOM, blanks and comments)? */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 2048))
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '')
    .replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '')
    .toLowerCase();
  return /^<(!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>]|title>)/.test(head);
}

/** The charset declared by `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SCAN_BYTES));
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(match[0])?.[1];
    if (charset) return charset;
  }
  return undefined;
}

/**
 * Decode an HTML page: charset from the BOM, else the meta declaration (checked against the
 * content), else the content itself.
 */
export function decodeHtml(
  bytes: Uint8Array,
  fileName: string,
  charsetHint?: string,
): { text: string; charset: string } {
  const bom = bomCharset(bytes);
  if (bom) return decodeDeclared(bytes.subarray(bom.length), bom.charset, fileName);
  return decodeDeclared(bytes, charsetHint ?? declaredHtmlCharset(bytes), fileName);
}
