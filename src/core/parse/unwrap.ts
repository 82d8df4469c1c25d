import type { Block } from './blocks.js';
import { BREAK, GREETING } from './classify.js';

/** Fewest full-width lines that mark a text as hard-wrapped (copied from a PDF, say). */
const MIN_WRAPPED_LINES = 10;

function endsParagraph(text: string, block: Block): boolean {
  const last = text.charCodeAt(block.end - 1);
  // 。！？；：…” and their ASCII forms end a paragraph; a wrapped line ends mid-sentence.
  return (
    last === 0x3002 ||
    last === 0xff01 ||
    last === 0xff1f ||
    last === 0xff1b ||
    last === 0xff1a ||
    last === 0x2026 ||
    last === 0x201d ||
    last === 0x21 ||
    last === 0x3f ||
    last === 0x3b ||
    last === 0x3a
  );
}

/** Width of the block's (first) physical line, indentation included: that is what was wrapped. */
function physicalLength(block: Block): number {
  return block.line.end - block.line.start;
}

function isProse(block: Block): boolean {
  return block.kind === 'plain' || block.kind === 'labelled';
}

/**
 * The line width of a hard-wrapped text, or 0 when the text is not hard-wrapped: many prose lines
 * share the same (maximum) length and stop mid-sentence. Reports saved from Word or the web have
 * one line per paragraph and never trip this.
 */
export function wrapWidth(text: string, blocks: readonly Block[]): number {
  const counts = new Map<number, number>();
  let prose = 0;
  for (const block of blocks) {
    if (!isProse(block)) continue;
    prose++;
    const length = physicalLength(block);
    if (length >= 15 && !endsParagraph(text, block)) counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let width = 0;
  let widthCount = 0;
  for (const [length, count] of counts) {
    if (count > widthCount || (count === widthCount && length > width)) {
      width = length;
      widthCount = count;
    }
  }
  // Lines one or two characters short of the width are wrapped too (a wide character pushed over).
  const wrapped = (counts.get(width) ?? 0) + (counts.get(width - 1) ?? 0) + (counts.get(width - 2) ?? 0);
  return wrapped >= MIN_WRAPPED_LINES && wrapped >= prose * 0.3 ? width : 0;
}

/**
 * Whether a line of this length continues on the next one. A line of the full width wraps even
 * after a 。 (a wrap lands after 。 about once in 30 characters; a paragraph ends exactly at the
 * width only once in `width`); a line one or two characters short wraps only mid-sentence, and a
 * numbered heading short of the width is a whole heading.
 */
function wrapsOn(text: string, previous: Block, lastLength: number, width: number): boolean {
  if (lastLength >= width) return true;
  if (previous.kind === 'labelled' && previous.lineCount === 1) return false;
  return lastLength >= width - 2 && !endsParagraph(text, previous);
}

/** A block that goes on over the next line (the line break stays in the text). */
function continued(previous: Block, next: Block): Block {
  return { ...previous, end: next.end, bodyEnd: next.end, lineCount: previous.lineCount + 1 };
}

/**
 * Join the lines of a hard-wrapped text back into paragraphs: a full-width line that stops
 * mid-sentence continues on the next line unless that line starts a heading, item, bullet or
 * "各位代表". The joined block spans both lines (the line break stays in the text; node texts drop it).
 */
export function unwrapLines(text: string, blocks: Block[]): Block[] {
  const width = wrapWidth(text, blocks);
  if (width === 0) return blocks;
  const joined: Block[] = [];
  let lastLength = 0;
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    const continues =
      previous !== undefined &&
      isProse(previous) &&
      block.kind === 'plain' &&
      block.line.index === previous.line.index + previous.lineCount &&
      wrapsOn(text, previous, lastLength, width) &&
      !BREAK.test(text.slice(block.start, block.start + 8)) &&
      !GREETING.test(text.slice(block.start, block.start + 8));
    lastLength = physicalLength(block);
    if (continues && previous) joined[joined.length - 1] = continued(previous, block);
    else joined.push(block);
  }
  return joined;
}

/** Longest line read as a fragment a web page split off a sentence ("2.5", "主要预期目标"). */
const MAX_FRAGMENT = 12;
/** Shortest first line of a paragraph that may continue past a broken line. */
const MIN_PROSE_LINE = 30;

function endsSentence(text: string, block: Block): boolean {
  return (
    endsParagraph(text, block) || /[。！？；：:!?;”’）)】》…]$/.test(text.slice(block.end - 1, block.end))
  );
}

/**
 * Rejoin a sentence a web page broke over lines where it set a few words apart (bold, subscript):
 * "…细颗粒物（PM" / "2.5" / "浓度持续下降…", "今年经济社会发展的" / "主要预期目标" / "是：…". A prose
 * line that stops mid-sentence continues on the next plain line when that line is a short fragment,
 * and after a fragment the sentence goes on.
 */
export function joinBrokenLines(text: string, blocks: Block[]): Block[] {
  const joined: Block[] = [];
  let lastLength = 0;
  let firstLength = 0;
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    const length = block.end - block.start;
    const continues =
      previous !== undefined &&
      previous.kind === 'plain' &&
      block.kind === 'plain' &&
      block.line.index === previous.line.index + previous.lineCount &&
      firstLength >= MIN_PROSE_LINE &&
      !endsSentence(text, previous) &&
      (lastLength <= MAX_FRAGMENT || length <= MAX_FRAGMENT) &&
      !BREAK.test(text.slice(block.start, block.start + 8)) &&
      !GREETING.test(text.slice(block.start, block.start + 8));
    if (continues && previous) joined[joined.length - 1] = continued(previous, block);
    else {
      joined.push(block);
      firstLength = length;
    }
    lastLength = length;
  }
  return joined;
}
