import type { QueryTokens } from './bigram-tokens.js';

/** A piece of a hit's text to show, with the matched parts marked. */
export interface Snippet {
  text: string;
  /** Half-open [start, end) offsets of the matched parts within `text`. */
  marks: [number, number][];
  /** `text` HTML-escaped with the matched parts in <mark>…</mark>. */
  html: string;
}

const HAN = /\p{Script=Han}/u;
const ALNUM = /[a-z0-9]/;

function fold(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return folded.length === 1 ? folded : char;
}

/** Which characters of `body` the query's tokens cover (the same tokens the index matched on). */
export function coveredChars(body: string, query: QueryTokens): boolean[] {
  const chars = Array.from(body, fold);
  const covered = new Array<boolean>(chars.length).fill(false);
  const terms = new Set(query.terms);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (HAN.test(c)) {
      const next = chars[i + 1];
      if (next !== undefined && HAN.test(next) && terms.has(c + next)) covered[i] = covered[i + 1] = true;
      if (query.prefix === c || terms.has(c)) covered[i] = true;
      continue;
    }
    if (ALNUM.test(c) && (i === 0 || !ALNUM.test(chars[i - 1]!))) {
      let end = i;
      while (end < chars.length && ALNUM.test(chars[end]!)) end++;
      if (terms.has(chars.slice(i, end).join(''))) covered.fill(true, i, end);
    }
  }
  return covered;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Cut a window of about `width` characters around the densest run of matches and mark the
 * matches in it; a short text is returned whole.
 */
export function makeSnippet(body: string, query: QueryTokens, width = 90): Snippet {
  const chars = Array.from(body);
  const covered = coveredChars(body, query);
  let start = 0;
  if (chars.length > width) {
    let best = -1;
    let count = 0;
    for (let i = 0; i < chars.length; i++) {
      if (covered[i]) count++;
      if (i >= width && covered[i - width]) count--;
      if (count > best) {
        best = count;
        start = Math.max(0, i - width + 1);
      }
    }
    // Lead in a little, so the first match is not the first character shown.
    const first = covered.indexOf(true, start);
    if (first >= 0) start = Math.max(0, Math.min(start, first - 10));
  }
  const end = Math.min(chars.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < chars.length ? '…' : '';
  const marks: [number, number][] = [];
  let text = prefix;
  let html = prefix;
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && covered[j] === covered[i]) j++;
    const piece = chars.slice(i, j).join('');
    if (covered[i]) {
      marks.push([text.length, text.length + piece.length]);
      html += `<mark>${escapeHtml(piece)}</mark>`;
    } else {
      html += escapeHtml(piece);
    }
    text += piece;
    i = j;
  }
  return { text: text + suffix, marks, html: html + suffix };
}

/** Share of the query's tokens present in the text (1 when every bigram of the query is there). */
export function queryCoverage(body: string, query: QueryTokens, bodyTokens: ReadonlySet<string>): number {
  if (query.prefix) return body.includes(query.prefix) ? 1 : 0;
  if (query.terms.length === 0) return 0;
  return query.terms.filter((term) => bodyTokens.has(term)).length / query.terms.length;
}
