/** Types for subset-font (harfbuzz hb-subset in WebAssembly), which ships none. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** Output format; 'sfnt' keeps the TrueType/OpenType container of the input. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
  }
  /** Returns a font holding only the glyphs needed for `text`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
