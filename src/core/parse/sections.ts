import type { SectionKind, Span } from '../report-tree.js';
import { type Block, blockBody, blockContent } from './blocks.js';
import { classifySectionTitle, GREETING, isAppendixHeading } from './classify.js';
import { textOf } from './lines.js';
import { splitSentences, withoutTerminator } from './sentences.js';

/** A top-level section before its inside is built. */
export interface RawSection {
  kind: SectionKind;
  label?: string;
  title: string;
  titleSpan?: Span;
  /** First offset of the section (its heading, or its first block). */
  start: number;
  /** Markdown level of the section heading (0 for plain-text headings). */
  headingLevel: number;
  /** Opened by a numbered or Markdown section heading (not a greeting or untitled preface). */
  headed: boolean;
  /** The blocks after the heading. */
  blocks: Block[];
}

/** Longest plain-text line still read as a section title ("二、2025年经济社会发展总体要求和政策取向"). */
const MAX_SECTION_TITLE = 50;

function isPlainSectionHeading(text: string, block: Block, expected: number): boolean {
  if (block.kind !== 'labelled' || block.label?.style !== 'cn-dun') return false;
  if (block.label.ordinal !== expected) return false;
  if (block.bodyEnd - block.bodyStart > MAX_SECTION_TITLE) return false;
  // A heading is one phrase; "一、为老年人提供…。为超2.5万名…" is an item, not a heading.
  return splitSentences(text, block.bodyStart, block.bodyEnd).length === 1;
}

/** Longest bare (unnumbered) line read as a section heading ("“十四五”时期工作回顾"). */
const MAX_BARE_TITLE = 30;

/**
 * Reports that number no top-level section put each section title on a line of its own, with no
 * label and no closing punctuation ("“十四五”时期工作回顾", "2026年重点工作"). Such a line opens a
 * section only when its words say which kind of section it is and a paragraph follows it. Numbered
 * "一、…二、…" parts after such a heading are inside it (a two-level tasks section).
 */
function bareSectionHeadings(text: string, body: readonly Block[]): Set<number> {
  const headings = new Set<number>();
  // Where numbered top-level sections start ("一、…" followed later by "二、…"), if they do.
  let numberedFrom = -1;
  let first = -1;
  for (let index = 0; index < body.length && numberedFrom < 0; index++) {
    const block = body[index] as Block;
    if (first < 0) {
      if (isPlainSectionHeading(text, block, 1)) first = index;
    } else if (isPlainSectionHeading(text, block, 2)) numberedFrom = first;
  }
  body.forEach((block, index) => {
    if (block.kind !== 'plain' || block.end - block.start > MAX_BARE_TITLE) return;
    const content = blockContent(text, block);
    if (/[。！？；：:!?;，,]$/.test(content) || /^[—-]/.test(content)) return;
    if (splitSentences(text, block.start, block.end).length !== 1) return;
    const next = body[index + 1];
    if (next?.kind !== 'plain' || next.end - next.start <= MAX_BARE_TITLE) return;
    const kind = classifySectionTitle(content);
    if (kind !== 'other' && kind !== 'appendix') headings.add(index);
  });
  // A report that numbers its sections has no bare ones, unless a bare heading comes first: then the
  // numbered parts are the inside of a bare section ("2026年工作安排" over "一、…二、…").
  if (numberedFrom >= 0 && !Array.from(headings).some((index) => index < numberedFrom)) headings.clear();
  return headings;
}

/**
 * Cut the body into top-level sections: Markdown headings of the outermost level if the text
 * uses them, else plain "一、…" headings numbered in sequence, plus appendix headings (after
 * which restarting numbers such as the 十件民生实事 "一、…十、" never open a new section).
 */
export function segmentSections(text: string, body: readonly Block[]): RawSection[] {
  let sectionLevel = 0;
  for (const block of body) {
    if (block.kind === 'heading' && (sectionLevel === 0 || block.headingLevel < sectionLevel)) {
      sectionLevel = block.headingLevel;
    }
  }
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  let expectedOrdinal = 1;
  // Numbering restarted inside a section ("三、重点工作" then "一、…二、…"): those are its areas,
  // and a heading continuing that inner run is never taken for the next top-level section.
  let innerExpected = 0;
  let inAppendix = false;
  const bare = sectionLevel === 0 ? bareSectionHeadings(text, body) : new Set<number>();
  for (let index = 0; index < body.length; index++) {
    const block = body[index] as Block;
    const content = blockContent(text, block);
    const appendix =
      block.kind !== 'bullet' &&
      isAppendixHeading(block.kind === 'heading' ? blockBody(text, block) : content);
    const isMarkdownSection =
      sectionLevel > 0 && block.kind === 'heading' && block.headingLevel === sectionLevel;
    const continuesInner =
      current?.headed === true &&
      block.kind === 'labelled' &&
      block.label?.style === 'cn-dun' &&
      (block.label.ordinal === innerExpected || block.label.ordinal === 1);
    const isBareSection = bare.has(index) && !inAppendix;
    const isPlainSection =
      isBareSection ||
      (sectionLevel === 0 &&
        !inAppendix &&
        !continuesInner &&
        isPlainSectionHeading(text, block, expectedOrdinal));
    if (continuesInner && block.label) innerExpected = block.label.ordinal + 1;
    if (appendix) {
      inAppendix = true;
      const { section, consumedNext } = appendixSection(text, block, body[index + 1]);
      current = section;
      if (consumedNext) index++;
      sections.push(current);
      continue;
    }
    if (isMarkdownSection || isPlainSection) {
      if (isPlainSection && !isBareSection) expectedOrdinal++;
      innerExpected = 0;
      const [titleStart, titleEnd] = withoutTerminator(text, [block.bodyStart, block.bodyEnd]);
      const title = textOf(text, titleStart, titleEnd);
      current = {
        kind: inAppendix ? 'appendix' : classifySectionTitle(title),
        title,
        titleSpan: [titleStart, titleEnd],
        start: block.start,
        headingLevel: block.headingLevel,
        headed: true,
        blocks: [],
      };
      if (block.label) current.label = block.label.text;
      sections.push(current);
      continue;
    }
    if (!current) {
      const greeting = GREETING.test(content);
      current = {
        kind: 'other',
        title: greeting ? content : '',
        start: block.start,
        headingLevel: 0,
        headed: false,
        blocks: greeting ? [] : [block],
      };
      if (greeting) current.titleSpan = [block.start, block.end];
      sections.push(current);
      continue;
    }
    current.blocks.push(block);
  }
  return sections;
}

function appendixSection(
  text: string,
  heading: Block,
  next: Block | undefined,
): { section: RawSection; consumedNext: boolean } {
  const headingText = heading.kind === 'heading' ? blockBody(text, heading) : blockContent(text, heading);
  const headingStart = heading.kind === 'heading' ? heading.bodyStart : heading.start;
  const labelMatch = /^(附件|附录|附表)\s*[\d一二三四五六七八九十]*\s*[:：]?\s*/.exec(headingText);
  const label = labelMatch ? labelMatch[0].trim() : undefined;
  let titleStart = headingStart + (labelMatch ? labelMatch[0].length : 0);
  let titleEnd = heading.kind === 'heading' ? heading.bodyEnd : heading.end;
  let consumedNext = false;
  if (titleEnd <= titleStart && next?.kind === 'plain' && next.end - next.start <= 40) {
    // "附件1" on its own line, the appendix's name ("2025年省十件民生实事") on the next.
    if (splitSentences(text, next.start, next.end).length === 1) {
      titleStart = next.start;
      titleEnd = next.end;
      consumedNext = true;
    }
  }
  const section: RawSection = {
    kind: 'appendix',
    title: titleEnd > titleStart ? text.slice(titleStart, titleEnd) : (label ?? headingText),
    titleSpan: titleEnd > titleStart ? [titleStart, titleEnd] : [heading.start, heading.end],
    start: heading.start,
    headingLevel: heading.headingLevel,
    headed: true,
    blocks: [],
  };
  if (label) section.label = label;
  return { section, consumedNext };
}
