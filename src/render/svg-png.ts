import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import { findCjkFont } from './cjk-font.js';

export interface PngOptions {
  /** Output width in px; the height follows the SVG's aspect ratio. */
  width?: number;
  /** Background painted under transparent areas. */
  background?: string;
  /** A font file to use instead of the shipped one (the CJK_FONT_FILE setting). */
  fontFile?: string;
}

/** Printable ASCII, always kept so numbers and Latin words render whatever the text holds. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** The characters an SVG shows: the text between tags, with numeric entities decoded. */
function svgCharacters(svg: string): string {
  const text = svg
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)));
  return [...new Set(text + ASCII)].join('');
}

/**
 * Rasterises one of our SVGs to PNG with resvg and the CJK font found by `findCjkFont`; any
 * font-family the SVG names falls back to that font, so Chinese text never renders as boxes.
 *
 * The font is first cut down to the characters the SVG uses (harfbuzz hb-subset): resvg-js
 * re-reads its font files for every glyph it lays out, which with an 8 MB CJK font costs
 * seconds for a long image; with a subset of a few hundred kilobytes it costs milliseconds.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const font = findCjkFont(options.fontFile);
  const characters = svgCharacters(svg);
  const dir = await mkdtemp(path.join(tmpdir(), 'luoshi-font-'));
  try {
    const files = await Promise.all(
      font.files.map(async (file, index) => {
        const subset = await subsetFont(await readFile(file), characters, {
          targetFormat: 'sfnt',
          // Keep the typographic family (16/17) so Regular and Bold stay one family with two weights.
          preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 16, 17],
        });
        const target = path.join(dir, `${index}-${path.basename(file)}`);
        await writeFile(target, subset);
        return target;
      }),
    );
    const resvg = new Resvg(svg, {
      background: options.background ?? '#FFFFFF',
      font: {
        fontFiles: files,
        loadSystemFonts: false,
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
      ...(options.width === undefined ? {} : { fitTo: { mode: 'width' as const, value: options.width } }),
    });
    return resvg.render().asPng();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
