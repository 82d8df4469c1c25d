/**
 * Writes the committed fixtures of test-data/formats (run by hand, never by tests):
 *   npx tsx src/ingest/testing/make-format-fixtures.ts
 * needs /usr/bin/chromium, LibreOffice (`soffice`, Debian libreoffice-writer-nogui) and a
 * TrueType Chinese font (REPORT_FONT, below).
 * The report is a shortened corpus report: its header and the first three measures of its
 * 2026 work section (test-data/formats/beijing-2026-short.txt).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { governmentPage } from './government-page.js';

const OUT = new URL('../../../test-data/formats/', import.meta.url).pathname;
const CORPUS = new URL('../../../test-data/corpus/beijing-2026-work-report.txt', import.meta.url);
/**
 * A TrueType-outline Chinese font for the printed PDF: Chromium embeds TrueType as a small
 * CID subset, but CFF fonts (such as the Noto fonts in node_modules) as large Type3 glyph
 * programs. Debian's
 * fonts-wqy-microhei, unpacked without installing: `apt-get download fonts-wqy-microhei &&
 * dpkg-deb -x fonts-wqy-microhei_*.deb /tmp/wqy`.
 */
const REPORT_FONT = process.env.REPORT_FONT ?? '/tmp/wqy/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** The report's header (title … greeting) and its 2026 section up to the third measure. */
export function shortReport(full: string): string {
  const lines = full.split('\n');
  const section = lines.findIndex((line) => line.startsWith('三、'));
  const fourth = lines.findIndex((line) => line.startsWith('（四）'));
  const greeting = lines.indexOf('各位代表：');
  return `${[...lines.slice(0, greeting + 1), ...lines.slice(section, fourth)].join('\n')}\n`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, timeout: 180_000 });
}

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'luoshi-fixtures-'));
try {
  const text = shortReport(readFileSync(CORPUS, 'utf8'));
  writeFileSync(join(OUT, 'beijing-2026-short.txt'), text);
  const html = governmentPage(text, 'gb2312');
  writeFileSync(join(OUT, 'beijing-2026-short.gbk.html'), iconv.encode(html, 'gb18030'));

  // Chromium finds the font through its own fontconfig file; the system's fonts stay as they are.
  const fontsConf = join(work, 'fonts.conf');
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dirname(REPORT_FONT)}</dir><dir>/usr/share/fonts</dir><cachedir>${work}/cache</cachedir></fontconfig>`,
  );
  const page = join(work, 'report.html');
  writeFileSync(
    page,
    html
      .replace('charset=gb2312', 'charset=utf-8')
      .replace(
        '<style type="text/css">',
        '<style type="text/css">\nbody { font-family: "WenQuanYi Micro Hei" !important; }',
      ),
  );
  // Chromium prints its running header (date, title) and footer (address, "1/4") by default.
  const chromium = (pdf: string, source: string, ...flags: string[]): void =>
    run(
      '/usr/bin/chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', ...flags, `--print-to-pdf=${pdf}`, `file://${source}`],
      { FONTCONFIG_FILE: fontsConf },
    );
  chromium(join(OUT, 'beijing-2026-short.pdf'), page);

  // A scan: the same page as a picture only (a canvas drawn with text shapes, no text layer).
  const scan = join(work, 'scan.html');
  writeFileSync(
    scan,
    `<!DOCTYPE html><html><body><canvas id="c" width="600" height="800"></canvas><script>
const c = document.getElementById('c').getContext('2d');
c.fillStyle = '#fff'; c.fillRect(0, 0, 600, 800); c.fillStyle = '#000';
for (let y = 40; y < 780; y += 28) for (let x = 40; x < 560; x += 18) c.fillRect(x, y, 14, 14);
</script></body></html>`,
  );
  chromium(join(OUT, 'scanned-no-text.pdf'), scan, '--no-pdf-header-footer');

  // Word 97 (.doc) through LibreOffice from the plain text; .wps is the same binary (renamed).
  const source = join(work, 'beijing-2026-short.txt');
  copyFileSync(join(OUT, 'beijing-2026-short.txt'), source);
  run(
    'soffice',
    [
      '--headless',
      '--infilter=Text (encoded):UTF8,LF,,,',
      '--convert-to',
      'doc:MS Word 97',
      '--outdir',
      work,
      source,
    ],
    {
      HOME: work,
    },
  );
  copyFileSync(join(work, 'beijing-2026-short.doc'), join(OUT, 'beijing-2026-short.doc'));
  copyFileSync(join(work, 'beijing-2026-short.doc'), join(OUT, 'beijing-2026-short.wps'));

  // An encrypted PDF (a password is needed to open it), exported by LibreOffice.
  const filter = JSON.stringify({
    EncryptFile: { type: 'boolean', value: 'true' },
    DocumentOpenPassword: { type: 'string', value: 'luoshi' },
  });
  const tiny = join(work, 'encrypted.txt');
  writeFileSync(tiny, `${text.split('\n').slice(0, 12).join('\n')}\n`);
  run(
    'soffice',
    [
      '--headless',
      '--infilter=Text (encoded):UTF8,LF,,,',
      '--convert-to',
      `pdf:writer_pdf_Export:${filter}`,
      '--outdir',
      work,
      tiny,
    ],
    {
      HOME: work,
    },
  );
  copyFileSync(join(work, 'encrypted.pdf'), join(OUT, 'encrypted.pdf'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
