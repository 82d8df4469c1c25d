import type { Span } from '../report-tree.js';
import { trimSpan } from './lines.js';

/** Sentence terminators: 。；！？ and their ASCII forms. */
function isTerminator(code: number): boolean {
  return (
    code === 0x3002 || // 。
    code === 0xff1b || // ；
    code === 0xff01 || // ！
    code === 0xff1f || // ？
    code === 0x3b || // ;
    code === 0x21 || // !
    code === 0x3f // ?
  );
}

/**
 * Quote/bracket pairs, by index: “” ‘’ 「」 『』 《》 〈〉 （） () 【】 [] 〔〕. Returns the pair
 * index for an opener, -(index + 1) for a closer, and 0x7fff for anything else.
 */
const NOT_A_BRACKET = 0x7fff;
function bracketOf(code: number): number {
  switch (code) {
    case 0x201c:
      return 0;
    case 0x201d:
      return -1;
    case 0x2018:
      return 1;
    case 0x2019:
      return -2;
    case 0x300c:
      return 2;
    case 0x300d:
      return -3;
    case 0x300e:
      return 3;
    case 0x300f:
      return -4;
    case 0x300a:
      return 4;
    case 0x300b:
      return -5;
    case 0x3008:
      return 5;
    case 0x3009:
      return -6;
    case 0xff08:
      return 6;
    case 0xff09:
      return -7;
    case 0x28:
      return 7;
    case 0x29:
      return -8;
    case 0x3010:
      return 8;
    case 0x3011:
      return -9;
    case 0x5b:
      return 9;
    case 0x5d:
      return -10;
    case 0x3014:
      return 10;
    case 0x3015:
      return -11;
    default:
      return NOT_A_BRACKET;
  }
}
const PAIRS = 11;

/**
 * The outermost *matched* quote/bracket pairs in [start, end), as a flat sorted list
 * [open0, close0, open1, close1, …] of disjoint ranges, or undefined when there are none.
 * Unmatched openers protect nothing, so one stray "“" cannot swallow the rest of a paragraph.
 * Linear: each opener is pushed and popped at most once; nothing is allocated for plain text.
 */
function protectedRanges(text: string, start: number, end: number): number[] | undefined {
  let stackAt: number[] | undefined;
  let stackPair: number[] | undefined;
  let openCount: number[] | undefined;
  let ranges: number[] | undefined;
  for (let i = start; i < end; i++) {
    const bracket = bracketOf(text.charCodeAt(i));
    if (bracket === NOT_A_BRACKET) continue;
    const closes = -bracket - 1;
    if (bracket < 0 && stackAt && stackPair && openCount && (openCount[closes] ?? 0) > 0) {
      // Pop to the matching opener; anything above it was never closed and protects nothing.
      while (stackAt.length > 0) {
        const at = stackAt.pop() as number;
        const pair = stackPair.pop() as number;
        openCount[pair] = (openCount[pair] ?? 1) - 1;
        if (pair === closes) {
          ranges ??= [];
          // Ranges found earlier that start after `at` are nested inside this one.
          while (ranges.length > 0 && (ranges[ranges.length - 2] ?? -1) > at) ranges.length -= 2;
          ranges.push(at, i);
          break;
        }
      }
    } else if (bracket >= 0) {
      stackAt ??= [];
      stackPair ??= [];
      openCount ??= new Array<number>(PAIRS).fill(0);
      stackAt.push(i);
      stackPair.push(bracket);
      openCount[bracket] = (openCount[bracket] ?? 0) + 1;
    }
  }
  return ranges;
}

/**
 * Split [start, end) of `text` into sentences at 。；！？ (and ; ! ?), never inside matched
 * “” ‘’ 「」 『』 《》 （） () 【】 quotes or brackets. Each span includes its terminator and any
 * closing quote that directly follows it, and is trimmed of layout whitespace; empty pieces
 * are dropped. Linear in the length of the range.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const ranges = protectedRanges(text, start, end);
  const spans: Span[] = [];
  let sentenceStart = start;
  let range = 0;
  for (let i = start; i < end; i++) {
    if (!isTerminator(text.charCodeAt(i))) continue;
    if (ranges) {
      while (range < ranges.length && (ranges[range + 1] ?? 0) < i) range += 2;
      if (range < ranges.length && (ranges[range] ?? 0) < i) continue;
    }
    let stop = i + 1;
    // A run of terminators ("！？") ends one sentence, not several.
    while (stop < end && isTerminator(text.charCodeAt(stop))) stop++;
    pushTrimmed(text, sentenceStart, stop, spans);
    sentenceStart = stop;
    i = stop - 1;
  }
  pushTrimmed(text, sentenceStart, end, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  const [s, e] = trimSpan(text, start, end);
  if (e <= s) return;
  // A piece that is only punctuation (a stray "。") is not a sentence.
  let hasWord = false;
  for (let i = s; i < e; i++) {
    if (!isTerminator(text.charCodeAt(i))) {
      hasWord = true;
      break;
    }
  }
  if (hasWord) spans.push([s, e]);
}

/**
 * The span of a sentence's words without its final punctuation (。；！？，、： and ASCII forms),
 * for titles and task texts: the terminator carries nothing a tracker needs.
 */
export function withoutTerminator(text: string, span: Span): Span {
  let e = span[1];
  while (e > span[0]) {
    const c = text.charCodeAt(e - 1);
    if (isTerminator(c) || c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a || c === 0x3001) e--;
    else break;
  }
  const [s, trimmedEnd] = trimSpan(text, span[0], e);
  return [s, trimmedEnd];
}
