import { badInput } from '../core/errors.js';
import { checkUtf8 } from './decode.js';
import { iconv } from './iconv.js';

/** GB2312 and GBK are subsets of GB18030; decoding with the superset reads all three. */
const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

/** A charset label as declared (`GB2312`, `"utf-8"`) → the iconv name we decode with. */
export function canonicalCharset(label: string): string {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (GB_FAMILY.has(name)) return 'gb18030';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return name;
}

/** The charset a byte-order mark announces, if any, and the BOM's length. */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Decode bytes in a declared charset, checking the declaration against the content: pages that
 * declare GB2312 but were saved as UTF-8 are common, and valid multi-byte UTF-8 almost never
 * happens by accident in GBK text. Without a declaration the content decides (UTF-8, else GB18030).
 */
export function decodeDeclared(
  bytes: Uint8Array,
  declared: string | undefined,
  fileName: string,
): { text: string; charset: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = checkUtf8(bytes);
  let charset = declared ? canonicalCharset(declared) : undefined;
  if (!charset || charset === 'gb18030' || charset === 'utf-8') {
    if (utf8.invalidAt === -1 && (charset !== 'gb18030' || utf8.multibyteBefore > 0)) charset = 'utf-8';
    else charset = 'gb18030';
  }
  if (!iconv().encodingExists(charset)) {
    throw badInput(
      'unsupported_encoding',
      `${fileName} declares the character set ${declared}, which luoshi cannot read; save it as UTF-8`,
      `${fileName} 声明的字符集 ${declared} 无法识别，请另存为 UTF-8`,
      { file: fileName, charset: declared },
    );
  }
  return { text: iconv().decode(buffer, charset), charset };
}
