/**
 * Search tokens for Chinese text: every pair of adjacent Han characters (character bigrams), and
 * whole runs of Latin letters and digits. Bigrams need no dictionary, index every possible word,
 * and let a query match text that has extra characters inside it (养老驿站 ↔ 养老服务驿站): both
 * SQLite FTS5 and PostgreSQL store them the same way, so results agree across backends.
 */

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{Script=Han}a-z0-9]/u;

/** Full-width letters and digits fold to ASCII, letters to lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  text: string;
  han: boolean;
}

/** Character classes of the Basic Multilingual Plane, worked out once per code unit on first sight. */
const OTHER = 1;
const WORD = 2;
const HAN_WORD = 3;
const bmpClass = new Uint8Array(0x10000);

/** OTHER, WORD (Latin letter or digit run) or HAN_WORD of one character (a code point as a string). */
function classOf(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1) {
    const known = bmpClass[code]!;
    if (known !== 0) return known;
  }
  const found = !WORD_CHAR.test(char) ? OTHER : HAN.test(char) ? HAN_WORD : WORD;
  if (char.length === 1) bmpClass[code] = found;
  return found;
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const char of foldText(text)) {
    const kind = classOf(char);
    if (kind === OTHER) {
      current = undefined;
      continue;
    }
    const han = kind === HAN_WORD;
    if (current && current.han === han) current.text += char;
    else {
      current = { text: char, han };
      runs.push(current);
    }
  }
  return runs;
}

/** The tokens of a text, in order, with repeats (a single Han character stands as its own token). */
export function bigramTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    if (!run.han) {
      tokens.push(run.text);
      continue;
    }
    const chars = Array.from(run.text);
    if (chars.length === 1) tokens.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

/** The distinct tokens of a text, for the index. */
export function indexTokens(text: string): string[] {
  return [...new Set(bigramTokens(text))];
}

/** A query reduced to tokens: `terms` must all match; a lone Han character matches as a prefix. */
export interface QueryTokens {
  terms: string[];
  /** A one-character Han query ("水") searches the bigrams that start with it. */
  prefix: string | null;
}

/** Tokens of what a user typed into the search box. */
export function queryTokens(query: string): QueryTokens {
  const runs = runsOf(query);
  if (runs.length === 1 && runs[0]!.han && Array.from(runs[0]!.text).length === 1) {
    return { terms: [], prefix: runs[0]!.text };
  }
  return { terms: [...new Set(bigramTokens(query))], prefix: null };
}

/**
 * The relaxed forms of a query for typo tolerance: every way to leave out `drop` of its terms.
 * An inserted word in the text breaks one bigram of the query, a changed character two, so
 * short queries may miss one term and longer ones two. Bounded so a long query stays cheap.
 */
export function relaxedTermSets(terms: readonly string[], maxSets = 40): string[][] {
  const drop = terms.length <= 2 ? 0 : terms.length <= 4 ? 1 : 2;
  if (drop === 0) return [];
  const sets: string[][] = [];
  const choose = (start: number, left: number, kept: string[]) => {
    if (sets.length >= maxSets) return;
    if (left === 0) {
      sets.push([...kept, ...terms.slice(start)]);
      return;
    }
    for (let i = start; i < terms.length && sets.length < maxSets; i++) {
      choose(i + 1, left - 1, [...kept, ...terms.slice(start, i)]);
    }
  };
  choose(0, drop, []);
  return sets;
}
