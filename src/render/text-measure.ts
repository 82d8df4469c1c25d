/**
 * Text width estimates and line wrapping for Chinese text in SVG, where no layout engine wraps
 * for us. Widths are in em (multiply by the font size). The table is deliberately a little wider
 * than Noto Sans SC's real advances so an estimated line never overflows its box once rendered
 * (a test checks this against resvg's own measurement).
 */

/** Characters that must not begin a line (避头点): closing punctuation and marks. */
const NO_LINE_START = new Set([...'，。、；：？！”’）》」』】〕〉…%‰·,.;:?!)]}、％']);
/** Characters that must not end a line (避尾点): opening brackets and quotes. */
const NO_LINE_END = new Set([...'“‘（《「『【〔〈([{']);

/** Width in em of one character, by character class. */
export function charWidthEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x20) return 0.28;
  if (code < 0x7f) {
    if (char >= '0' && char <= '9') return 0.58;
    if (char >= 'A' && char <= 'Z') return char === 'M' || char === 'W' ? 1 : 0.72;
    if (char >= 'a' && char <= 'z') return char === 'm' || char === 'w' ? 0.92 : 0.6;
    if (".,:;|!'`".includes(char)) return 0.3;
    if ('()[]{}'.includes(char)) return 0.36;
    if (char === '%') return 0.96;
    return 0.6;
  }
  // Latin-1 and general punctuation/symbols used in targets (≤ ≥ × ·) are narrower than ideographs.
  if (code < 0x2e80 && code !== 0x2014 && code !== 0x2026 && code !== 0x201c && code !== 0x201d) {
    return 0.86;
  }
  // Halfwidth forms in the U+FF61–FFDC range.
  if (code >= 0xff61 && code <= 0xffdc) return 0.55;
  return 1;
}

/** Estimated width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charWidthEm(char);
  return em * fontSize;
}

/** Splits text into unbreakable units: one CJK character, or one run of Latin letters/digits. */
function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.%+\-×·/]*|\s+|[\s\S]/gu) ?? [];
}

/**
 * Wraps `text` into lines no wider than `maxWidth` px at `fontSize`. Keeps Latin words and
 * numbers whole (unless one alone is too wide), never starts a line with closing punctuation and
 * never ends one with an opening bracket. With `maxLines`, the last kept line ends in "…".
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines?: number): string[] {
  const tokens = tokenize(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (line === '' && token.trim() === '') continue;
    if (textWidth(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    if (line === '') {
      // A single token wider than the line: break it by character.
      for (const char of token) {
        if (line !== '' && textWidth(line + char, fontSize) > maxWidth) push();
        line += char;
      }
      continue;
    }
    if (NO_LINE_START.has(token)) {
      // Pull the last character down with the punctuation rather than start a line with it.
      const chars = [...line];
      const last = chars.pop() ?? '';
      line = chars.join('');
      if (line.trim() === '') {
        line = last + token;
        continue;
      }
      push();
      line = last + token;
      continue;
    }
    const chars = [...line];
    const last = chars[chars.length - 1] ?? '';
    if (NO_LINE_END.has(last) && chars.length > 1) {
      chars.pop();
      line = chars.join('');
      push();
      line = last;
    } else {
      push();
    }
    if (token.trim() !== '') i -= 1;
  }
  if (line.trim() !== '') push();
  if (maxLines !== undefined && lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1] ?? '';
    while (last.length > 0 && textWidth(`${last}…`, fontSize) > maxWidth)
      last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = `${last.replace(/[，、；：,;:]$/u, '')}…`;
    return kept;
  }
  return lines;
}
