import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LuoshiError } from '../core/errors.js';

/** Font files the PNG renderer loads, and the family name SVG text falls back to. */
export interface CjkFont {
  files: string[];
  family: string;
}

/** Debian's fonts-noto-cjk and common system locations, tried after the npm package. */
const SYSTEM_FONTS: { file: string; family: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
];

let cached: CjkFont | undefined;

/** The Noto Sans Hans OTFs shipped by the @embedpdf/fonts-sc npm dependency, when installed. */
function packagedFont(): CjkFont | undefined {
  try {
    const require = createRequire(import.meta.url);
    // The package exports only its JS entry (dist/index.*); the fonts sit beside dist/.
    const dir = join(dirname(dirname(require.resolve('@embedpdf/fonts-sc'))), 'fonts');
    // Regular and Bold are all the renderers use; loading fewer files keeps start-up fast.
    const files = readdirSync(dir)
      .filter((name) => /-(Regular|Bold)\.otf$/u.test(name))
      .map((name) => join(dir, name));
    return files.length > 0 ? { files, family: 'Noto Sans S Chinese' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a CJK font for rasterising: `fontFile` (the CJK_FONT_FILE setting) first, then the
 * shipped npm font, then Debian's fonts-noto-cjk. Fonts are never fetched at run time; without
 * one, PNG output fails with a message that says how to install one.
 */
export function findCjkFont(fontFile?: string): CjkFont {
  if (fontFile) {
    if (!existsSync(fontFile)) {
      throw new LuoshiError('cjk_font_missing', 500, {
        en: `CJK_FONT_FILE points to ${fontFile}, which does not exist`,
        zh: `CJK_FONT_FILE 指向的字体文件 ${fontFile} 不存在`,
      });
    }
    // Text falls back to the only loaded font whatever its family name.
    return { files: [fontFile], family: 'sans-serif' };
  }
  if (cached) return cached;
  const packaged = packagedFont();
  if (packaged) {
    cached = packaged;
    return packaged;
  }
  const system = SYSTEM_FONTS.filter((font) => existsSync(font.file));
  const first = system[0];
  if (first) {
    cached = {
      files: system.filter((f) => f.family === first.family).map((f) => f.file),
      family: first.family,
    };
    return cached;
  }
  throw new LuoshiError('cjk_font_missing', 500, {
    en: 'No Chinese font found for PNG output: run `npm install` (it installs @embedpdf/fonts-sc), or install Debian fonts-noto-cjk, or set CJK_FONT_FILE to a .ttf/.otf file. SVG output works without it.',
    zh: '未找到可用于生成 PNG 的中文字体：请运行 npm install（安装 @embedpdf/fonts-sc），或安装 Debian 的 fonts-noto-cjk，或将 CJK_FONT_FILE 设为 .ttf/.otf 字体文件路径。SVG 输出不需要字体。',
  });
}
