/** One physical line of the normalised text, with its content trimmed of layout whitespace. */
export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before `\n`). */
  end: number;
  /** Offsets of the content with leading/trailing whitespace removed. */
  contentStart: number;
  contentEnd: number;
  /** Visual indentation width: ASCII space 1, tab 4, full-width space 2. */
  indent: number;
  /** 0-based line number. */
  index: number;
}

/**
 * Whitespace that is layout, not content: ASCII and Unicode spaces (including the full-width
 * indentation "　" of Word documents), plus zero-width characters that scraped text carries.
 */
export function isLayoutSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x1680
  );
}

function indentWidth(code: number): number {
  if (code === 0x09) return 4;
  if (code === 0x3000) return 2;
  return 1;
}

/** Split normalised text into lines; one pass, linear in the text length. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    let contentStart = start;
    let indent = 0;
    while (contentStart < end && isLayoutSpace(text.charCodeAt(contentStart))) {
      indent += indentWidth(text.charCodeAt(contentStart));
      contentStart++;
    }
    let contentEnd = end;
    while (contentEnd > contentStart && isLayoutSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
    lines.push({ start, end, contentStart, contentEnd, indent, index });
    index++;
    if (end === length) break;
    start = end + 1;
  }
  return lines;
}

/** Trim layout whitespace from both ends of [start, end). */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isLayoutSpace(text.charCodeAt(s))) s++;
  while (e > s && isLayoutSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * The words of [start, end) as a node text: the exact slice, except that line breaks of
 * hard-wrapped text (and the layout spaces around them) are dropped — Chinese joins without a space.
 */
export function textOf(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  return slice.includes('\n') ? slice.replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '') : slice;
}
