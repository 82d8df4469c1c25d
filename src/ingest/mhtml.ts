import { badInput } from '../core/errors.js';

/** The HTML document inside a saved web archive (.mhtml/.mht) and the charset its part declares. */
export interface MhtmlPage {
  html: Uint8Array;
  charset: string | undefined;
}

/** Does the file start like a MIME web archive (Chromium's "Save as MHTML", IE/Edge .mht)? */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^mime-version:/im.test(headers) && /^content-type:\s*multipart\/related/im.test(headers);
}

function headerValue(headers: string, name: string): string | undefined {
  // Header lines may be folded: a continuation line starts with white space.
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim();
}

function parameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  return new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1).find(Boolean);
}

/** Quoted-printable (RFC 2045) → bytes: `=XX` escapes and soft line breaks (`=` at a line end). */
export function decodeQuotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let length = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x3d) {
      const next = body.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(next)) {
        out[length++] = Number.parseInt(next, 16);
        i += 2;
        continue;
      }
      const soft = /^\r?\n/.exec(body.slice(i + 1, i + 3));
      if (soft) {
        i += soft[0].length;
        continue;
      }
    }
    out[length++] = code & 0xff;
  }
  return out.subarray(0, length);
}

function broken(fileName: string, why: string, whyZh: string): ReturnType<typeof badInput> {
  return badInput(
    'broken_mhtml',
    `${fileName} is a web archive (.mhtml) that cannot be read (${why}); open it in a browser and save the page as HTML`,
    `${fileName} 是无法读取的网页归档（.mhtml）文件（${whyZh}），请用浏览器打开后另存为 HTML`,
    { file: fileName },
  );
}

/**
 * The first text/html part of a MIME web archive, its transfer encoding (quoted-printable or
 * base64) undone. The bytes are decoded as latin1 first so every byte survives the split.
 */
export function mhtmlHtmlPart(bytes: Uint8Array, fileName: string): MhtmlPage {
  const text = new TextDecoder('latin1').decode(bytes);
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) throw broken(fileName, 'no end of the headers', '缺少头部结束标记');
  const boundary = parameter(headerValue(text.slice(0, split.index), 'content-type'), 'boundary');
  if (!boundary) throw broken(fileName, 'no part boundary', '缺少分段边界');
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const end = /\r?\n\r?\n/.exec(part);
    if (!end) continue;
    const headers = part.slice(0, end.index);
    const type = headerValue(headers, 'content-type') ?? '';
    if (!/^text\/html\b/i.test(type)) continue;
    const body = part.slice(end.index + end[0].length).replace(/\r?\n$/, '');
    const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '').toLowerCase();
    let html: Uint8Array;
    if (encoding === 'quoted-printable') html = decodeQuotedPrintable(body);
    else if (encoding === 'base64') html = new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    else html = new Uint8Array(Buffer.from(body, 'latin1'));
    return { html, charset: parameter(type, 'charset') };
  }
  throw broken(fileName, 'no HTML part', '没有 HTML 部分');
}
