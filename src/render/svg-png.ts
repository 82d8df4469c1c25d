import { Resvg } from '@resvg/resvg-js';
import { findCjkFont } from './cjk-font.js';

export interface PngOptions {
  /** Output width in px; the height follows the SVG's aspect ratio. */
  width?: number;
  /** Background painted under transparent areas. */
  background?: string;
}

/**
 * Rasterises one of our SVGs to PNG with resvg and the CJK font found by `findCjkFont`. Any
 * font-family the SVG names falls back to that font, so Chinese text never renders as boxes.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const font = findCjkFont();
  const resvg = new Resvg(svg, {
    background: options.background ?? '#FFFFFF',
    font: {
      fontFiles: font.files,
      loadSystemFonts: false,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
    ...(options.width === undefined ? {} : { fitTo: { mode: 'width' as const, value: options.width } }),
  });
  return resvg.render().asPng();
}
