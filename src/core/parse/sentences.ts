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

/** Opening and closing brackets, by pair index: “” ‘’ 「」 『』 《》 〈〉 （） () 【】 [] 〔〕. */
const OPENERS = '“‘「『《〈（(【[〔';
const CLOSERS = '”’」』》〉）)】]〕';

/**
 * Mark the offsets of [start, end) that lie inside a *matched* pair of quotes or brackets
 * (depth > 0), or return undefined when the range has no matched pair. Unmatched openers
 * protect nothing, so one stray "“" cannot swallow the rest of a paragraph. Linear: each
 * opener is pushed and popped at most once.
 */
function protectedDepth(text: string, start: number, end: number): Int32Array | undefined {
  let delta: Int32Array | undefined;
  const stackAt: number[] = [];
  const stackPair: number[] = [];
  const openCount = new Int32Array(OPENERS.length);
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Every bracket is either ASCII ( ) [ ] or above U+2000: skip plain CJK text fast.
    if (code < 0x2018 && code !== 0x28 && code !== 0x29 && code !== 0x5b && code !== 0x5d) continue;
    const ch = text[i] as string;
    const closes = CLOSERS.indexOf(ch);
    if (closes !== -1 && (openCount[closes] ?? 0) > 0) {
      // Pop to the matching opener; anything above it was never closed and protects nothing.
      while (stackAt.length > 0) {
        const at = stackAt.pop() as number;
        const pair = stackPair.pop() as number;
        openCount[pair] = (openCount[pair] ?? 1) - 1;
        if (pair === closes) {
          delta ??= new Int32Array(end - start + 1);
          delta[at - start] = (delta[at - start] ?? 0) + 1;
          delta[i - start] = (delta[i - start] ?? 0) - 1;
          break;
        }
      }
      continue;
    }
    const opens = OPENERS.indexOf(ch);
    if (opens !== -1) {
      stackAt.push(i);
      stackPair.push(opens);
      openCount[opens] = (openCount[opens] ?? 0) + 1;
    }
  }
  if (!delta) return undefined;
  // Prefix sums turn the +1/-1 marks into a depth per offset.
  let depth = 0;
  for (let k = 0; k < delta.length; k++) {
    depth += delta[k] ?? 0;
    delta[k] = depth;
  }
  return delta;
}

/**
 * Split [start, end) of `text` into sentences at 。；！？ (and ; ! ?), never inside matched
 * “” ‘’ 「」 『』 《》 （） () 【】 quotes or brackets. Each span includes its terminator and any
 * closing quote that directly follows it, and is trimmed of layout whitespace; empty pieces
 * are dropped. Linear in the length of the range.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const depth = protectedDepth(text, start, end);
  const spans: Span[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    if (!isTerminator(text.charCodeAt(i)) || (depth && (depth[i - start] ?? 0) > 0)) continue;
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

/** True when [start, end) contains a sentence terminator outside quotes/brackets. */
export function hasInnerTerminator(text: string, start: number, end: number): boolean {
  return splitSentences(text, start, end).length > 1;
}
