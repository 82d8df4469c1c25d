import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';
import { errorCodeOf, FORMATS_PLAIN_TEXT, formatFixture } from './testing/format-fixtures.js';
import { governmentPage } from './testing/government-page.js';
import { reportShape } from './testing/report-shape.js';

const plainText = FORMATS_PLAIN_TEXT;
const fixture = formatFixture;

const codeOf = errorCodeOf;

/** Quoted-printable as Chromium's "Save as MHTML" writes it: `=XX` escapes, soft breaks at 76. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    const piece =
      byte === 0x0a
        ? '\n'
        : byte >= 0x21 && byte <= 0x7e && byte !== 0x3d
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      out += `${line}\n`;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

function mhtml(html: Uint8Array, encoding: 'quoted-printable' | 'base64', charset: string): Uint8Array {
  const body =
    encoding === 'base64'
      ? (
          Buffer.from(html)
            .toString('base64')
            .match(/.{1,76}/g) ?? []
        ).join('\r\n')
      : quotedPrintable(html);
  const archive = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://www.beijing.gov.cn/zwgk/gzbg/2026.html',
    'Subject: =?utf-8?Q?2026?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc123----"',
    '',
    '',
    '------MultipartBoundary--abc123----',
    `Content-Type: text/html; charset=${charset}`,
    'Content-ID: <frame-1@mhtml.blink>',
    `Content-Transfer-Encoding: ${encoding}`,
    'Content-Location: https://www.beijing.gov.cn/zwgk/gzbg/2026.html',
    '',
    body,
    '',
    '------MultipartBoundary--abc123----',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://www.beijing.gov.cn/logo.png',
    '',
    'iVBORw0KGgo=',
    '',
    '------MultipartBoundary--abc123------',
    '',
  ].join('\r\n');
  return new Uint8Array(Buffer.from(archive, 'latin1'));
}

describe('web pages (.html, .htm, .mhtml)', () => {
  it('reads a GBK government page to the same tree and targets as the plain text, without site chrome', async () => {
    const decoded = await readDocument(fixture('beijing-2026-short.gbk.html'), 'report.html');
    expect(decoded).toMatchObject({ format: 'html', encoding: 'gb18030' });
    expect(reportShape(decoded.text)).toEqual(reportShape(plainText));
    for (const chrome of [
      '字体',
      '打印本页',
      '关闭窗口',
      '分享到',
      '当前位置',
      '相关链接',
      '京ICP备',
      '首都之窗',
      '搜索',
    ]) {
      expect(decoded.text).not.toContain(chrome);
    }
    expect(decoded.text.split('\n').slice(0, 3)).toEqual([
      '2026年北京市政府工作报告',
      '——2026年1月25日在北京市第十六届人民代表大会第四次会议上',
      '北京市市长 殷勇',
    ]);
  });

  it('detects the page by content whatever its name, and reads a text file named .html as text', async () => {
    expect((await readDocument(fixture('beijing-2026-short.gbk.html'), 'report.txt')).format).toBe('html');
    expect((await readDocument(fixture('beijing-2026-short.txt'), 'report.html')).format).toBe('text');
  });

  it('takes the charset from the BOM, from <meta charset>, and checks a GB2312 declaration against UTF-8 content', async () => {
    const utf8Page = governmentPage(plainText, 'utf-8');
    const expected = reportShape(plainText);
    const withBom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from(utf8Page.replace(/<meta http-equiv[^>]*>/, '')),
    ]);
    const metaCharset = Buffer.from(utf8Page.replace(/<meta http-equiv[^>]*>/, '<meta charset="utf-8">'));
    const mislabelled = Buffer.from(governmentPage(plainText, 'gb2312'));
    const undeclaredGbk = iconv.encode(utf8Page.replace(/<meta http-equiv[^>]*>/, ''), 'gbk');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(utf8Page, 'utf-16le')]);
    const cases: [Uint8Array, string][] = [
      [withBom, 'utf-8'],
      [new Uint8Array(metaCharset), 'utf-8'],
      [new Uint8Array(mislabelled), 'utf-8'],
      [new Uint8Array(undeclaredGbk), 'gb18030'],
      [new Uint8Array(utf16), 'utf-16le'],
    ];
    for (const [bytes, encoding] of cases) {
      const decoded = await readDocument(bytes, 'page.htm');
      expect(decoded.encoding).toBe(encoding);
      expect(reportShape(decoded.text)).toEqual(expected);
    }
  });

  it('keeps <br>, headings and list items as separate lines and drops scripts and styles', async () => {
    const body = '本段第一句话说明情况，内容较长以便被识别为正文段落，并且包含足够多的文字供提取器判断。';
    const html = `<!doctype html><html><head><title>某市政府工作报告</title><style>p{color:red}</style></head><body><article>
      <h2>一、总体要求</h2><p>${body}<br>第二行紧随换行符之后出现。</p><ul><li>${body}</li><li>最后一项</li></ul>
      <script>var x = "脚本内容";</script><p>${body}${body}</p></article></body></html>`;
    const { text } = await readDocument(new Uint8Array(Buffer.from(html)), 'a.html');
    expect(text.split('\n')).toEqual([
      '某市政府工作报告',
      '一、总体要求',
      body,
      '第二行紧随换行符之后出现。',
      body,
      '最后一项',
      body + body,
    ]);
  });

  it('refuses a page with no article text (navigation and links only) with no_article_text', async () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/n/${i}.html">第${i}条新闻标题示例</a></li>`,
    ).join('');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><ul>${links}</ul></div><div class="footer">主办单位：某市人民政府办公室</div></body></html>`;
    expect(await codeOf(readDocument(new Uint8Array(Buffer.from(html)), 'index.html'))).toBe(
      'no_article_text',
    );
    const empty =
      '<html><head><title>x</title></head><body><script>location.href="/a"</script></body></html>';
    expect(await codeOf(readDocument(new Uint8Array(Buffer.from(empty)), 'redirect.htm'))).toBe(
      'no_article_text',
    );
  });

  it.each([
    ['quoted-printable', 'utf-8'],
    ['base64', 'gbk'],
  ] as const)('reads a web archive (.mhtml) whose HTML part is %s in %s', async (encoding, charset) => {
    const page = governmentPage(plainText, charset);
    const html = new Uint8Array(charset === 'gbk' ? iconv.encode(page, 'gbk') : Buffer.from(page));
    const decoded = await readDocument(mhtml(html, encoding, charset), 'report.mhtml');
    expect(decoded.format).toBe('mhtml');
    expect(reportShape(decoded.text)).toEqual(reportShape(plainText));
  });

  it('refuses a web archive without an HTML part with broken_mhtml', async () => {
    const archive =
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n';
    expect(await codeOf(readDocument(new Uint8Array(Buffer.from(archive)), 'a.mht'))).toBe('broken_mhtml');
  });
});
