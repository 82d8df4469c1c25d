/**
 * Fixed-layout text (PDF, OFD) → paragraphs. Both formats place runs of text at coordinates; this
 * module turns positioned runs back into the one-line-per-paragraph text the parser reads:
 * runs → lines by baseline, lines → paragraphs by geometry (first-line indent, a line ending
 * short of the right margin, a vertical gap, a change of font size), running headers, footers
 * and page numbers dropped. Lines are joined without a space, so a number or unit wrapped at the
 * margin ("1.5" / "万人") comes back whole.
 */

/** A run of text placed on a page; y is the baseline measured downwards from the page top. */
export interface PlacedRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (em height) in the page's units. */
  size: number;
}

export interface PlacedPage {
  width: number;
  height: number;
  runs: PlacedRun[];
}

interface Line {
  text: string;
  start: number;
  end: number;
  y: number;
  size: number;
  page: number;
}

/** Characters that never take a space between them: CJK ideographs, kana, full-width forms. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]/;

/**
 * Radical code points a font's cmap may name instead of the character they look like (PDF
 * printers pick the first code point mapped to a glyph): Kangxi radicals fold by NFKC; the
 * simplified radicals below have no compatibility mapping, so they are listed.
 */
const RADICALS: Record<string, string> = {
  '\u2ea0': '民',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
};

/** Radicals (U+2E80–U+2FDF) → the ideographs they stand for; all other text as it is. */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (char) => RADICALS[char] ?? char.normalize('NFKC'));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
}

/** The most common value after rounding to `step`: the left margin shared by most lines. */
function mode(values: number[], step: number): number {
  const counts = new Map<number, number>();
  for (const value of values) {
    const key = Math.round(value / step);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best * step;
}

/**
 * Join two pieces of one line. A gap of half an em or so is a space even between Chinese
 * characters ("市长 殷勇" placed character by character); between Latin words a smaller gap is.
 */
function joinRun(left: string, right: string, gap: number, size: number): string {
  if (left.length === 0) return right;
  const a = left.charAt(left.length - 1);
  const b = right.charAt(0);
  if (/\s/.test(a) || /\s/.test(b)) return left + right;
  const wide = WIDE.test(a) || WIDE.test(b);
  return gap > size * (wide ? 0.4 : 0.2) ? `${left} ${right}` : left + right;
}

/** Join a paragraph's next line: no space, except between two Latin words. */
function joinLine(paragraph: string, line: string): string {
  return /[A-Za-z]$/.test(paragraph) && /^[A-Za-z]/.test(line) ? `${paragraph} ${line}` : paragraph + line;
}

/** Runs of one page → lines, top to bottom; runs whose baselines are within a third of an em share a line. */
export function pageLines(page: PlacedPage, pageIndex: number): Line[] {
  const runs = page.runs.filter((run) => run.text.trim().length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PlacedRun[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(run.y - first.y) <= Math.max(run.size, first.size) / 3) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of group) {
      text = joinRun(text, run.text, run.x - end, run.size);
      end = Math.max(end, run.x + run.width);
    }
    const first = group[0] as PlacedRun;
    return {
      text: unifyRadicals(text).replace(/\s+/g, ' ').trim(),
      start: first.x,
      end,
      y: median(group.map((run) => run.y)),
      size: median(group.map((run) => run.size)),
      page: pageIndex,
    };
  });
}

/** "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12". */
const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Lines repeated at the same height on many pages (running headers and footers), and page numbers at a page's top or bottom. */
function dropPageFurniture(pages: Line[][]): Line[][] {
  const key = (line: Line): string => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#')}`;
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const line of new Set([...lines.slice(0, 3), ...lines.slice(-3)].map(key))) {
      seen.set(line, (seen.get(line) ?? 0) + 1);
    }
  }
  const repeated = (line: Line): boolean =>
    pages.length >= 3 && (seen.get(key(line)) ?? 0) >= pages.length / 2;
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const edge = index < 3 || index >= lines.length - 3;
      if (!edge) return true;
      return !repeated(line) && !PAGE_NUMBER.test(line.text);
    }),
  );
}

/**
 * Positioned text of every page → report text, one line per paragraph. A new paragraph starts
 * where a line is indented from the left margin, follows a line that ended short of the right
 * margin, follows a gap larger than the usual line pitch, or changes font size.
 */
export function layoutToText(pages: PlacedPage[]): string {
  const lines = dropPageFurniture(pages.map((page, index) => pageLines(page, index))).flat();
  if (lines.length === 0) return '';
  const size = median(lines.map((line) => line.size));
  const left = mode(
    lines.map((line) => line.start),
    size / 4,
  );
  const right = percentile(
    lines.map((line) => line.end),
    0.9,
  );
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] as Line;
    const line = lines[i] as Line;
    if (line.page === previous.page && line.y > previous.y) pitches.push(line.y - previous.y);
  }
  const pitch = median(pitches) || size * 1.5;
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous && !startsParagraph(previous, line)) {
      current = joinLine(current, line.text);
    } else {
      if (current) paragraphs.push(current);
      current = line.text;
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');

  function startsParagraph(before: Line, line: Line): boolean {
    const em = Math.max(line.size, before.size);
    if (line.start > left + em * 0.8) return true;
    if (before.end < right - em * 2.2) return true;
    if (Math.abs(line.size - before.size) > Math.min(line.size, before.size) * 0.15) return true;
    if (line.page === before.page && line.y - before.y > pitch * 1.35) return true;
    return false;
  }
}
