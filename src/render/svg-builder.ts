import { textWidth, wrapText } from './text-measure.js';

/** The font stack every luoshi SVG uses; the PNG renderer maps it to the shipped CJK font. */
export const CJK_FONT_FAMILY =
  "'Noto Sans SC','Noto Sans S Chinese','Noto Sans CJK SC','Source Han Sans SC',sans-serif";

/** A laid-out rectangle, kept so tests can prove nothing overflows or overlaps. */
export interface LayoutBox {
  id: string;
  /** The box this one must stay inside (undefined for the canvas itself). */
  parent?: string;
  kind: 'container' | 'text' | 'figure';
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextStyle {
  size: number;
  fill: string;
  weight?: 400 | 500 | 700;
  anchor?: 'start' | 'middle' | 'end';
  /** Line height as a multiple of the size. */
  leading?: number;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Collects SVG elements and their layout boxes while a renderer walks down the page. */
export class SvgBuilder {
  readonly parts: string[] = [];
  readonly boxes: LayoutBox[] = [];

  rect(x: number, y: number, w: number, h: number, attrs: string): void {
    this.parts.push(`<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" ${attrs}/>`);
  }

  raw(svg: string): void {
    this.parts.push(svg);
  }

  box(box: LayoutBox): void {
    this.boxes.push(box);
  }

  /**
   * Writes already-wrapped lines with their top edge at `y` and records one text box of their
   * estimated extent. Returns the height used.
   */
  lines(id: string, parent: string, lines: string[], x: number, y: number, style: TextStyle): number {
    const leading = style.leading ?? 1.45;
    const lineHeight = style.size * leading;
    const anchor = style.anchor ?? 'start';
    let widest = 0;
    lines.forEach((line, index) => {
      // Baseline sits so the glyph box (≈ 0.88 em above, 0.12 em below) is centred in the line.
      const baseline = y + index * lineHeight + (lineHeight - style.size) / 2 + style.size * 0.88;
      widest = Math.max(widest, textWidth(line, style.size));
      this.parts.push(
        `<text x="${r(x)}" y="${r(baseline)}" font-size="${style.size}" fill="${style.fill}"` +
          `${style.weight && style.weight !== 400 ? ` font-weight="${style.weight}"` : ''}` +
          `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeXml(line)}</text>`,
      );
    });
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - widest / 2 : x - widest;
    const height = lines.length * lineHeight;
    if (lines.length > 0) this.box({ id, parent, kind: 'text', x: left, y, w: widest, h: height });
    return height;
  }

  /** Wraps `text` to `width` and writes it; returns the height used. */
  paragraph(
    id: string,
    parent: string,
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    maxLines?: number,
  ): number {
    return this.lines(id, parent, wrapText(text, style.size, width, maxLines), x, y, style);
  }

  /** The finished document. */
  toSvg(width: number, height: number, defs = ''): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${r(height)}" ` +
      `viewBox="0 0 ${width} ${r(height)}" font-family="${CJK_FONT_FAMILY}">` +
      `${defs ? `<defs>${defs}</defs>` : ''}${this.parts.join('')}</svg>`
    );
  }
}

/** Rounds a coordinate to 0.1 px so the SVG stays compact and deterministic. */
export function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}
