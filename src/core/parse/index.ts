import type { AreaNode, ReportTree, SectionKind, SectionNode, Span } from '../report-tree.js';
import { buildSectionBody, dropExhortation, findAreaStarts } from './areas.js';
import { type Block, blockContent, readBlocks } from './blocks.js';
import { isSelfBuildingTitle } from './classify.js';
import { findIndicators } from './indicators.js';
import { buildMeta, isCaption, isPageControl, isTrailerLine, splitHeader } from './metadata.js';
import { type RawSection, segmentSections } from './sections.js';
import { otherWorkAtEnd, otherWorkBetween, tailSections } from './tail.js';
import { joinBrokenLines, unwrapLines } from './unwrap.js';

export { classifySectionTitle } from './classify.js';
export { normalizeReportText } from './normalize.js';
export { splitSentences } from './sentences.js';

/** A paragraph stating the year's general requirements or main expected targets. */
const REQUIREMENTS_PARAGRAPH = /总的要求|总体要求|预期目标|政策取向/;

/** How many closing lines may be credits ("(陈施君/整理)", "责任编辑：…"). */
const MAX_TRAILER_LINES = 4;

function paragraphsOf(text: string, blocks: readonly Block[]): { text: string; span: Span }[] {
  return blocks.map((block) => ({ text: blockContent(text, block), span: [block.start, block.end] as Span }));
}

function sectionEnd(raw: RawSection, blocks: readonly Block[]): number {
  const last = blocks[blocks.length - 1];
  return Math.max(last ? last.end : raw.start, raw.titleSpan ? raw.titleSpan[1] : raw.start);
}

function plainSection(
  text: string,
  raw: RawSection,
  kind: SectionKind,
  blocks: readonly Block[],
): SectionNode {
  const section: SectionNode = {
    kind,
    title: raw.title,
    span: [raw.start, sectionEnd(raw, blocks)],
    areas: [],
    paragraphs: paragraphsOf(text, blocks),
  };
  if (raw.label !== undefined) section.label = raw.label;
  return section;
}

function buildSections(text: string, raws: RawSection[]): SectionNode[] {
  if (!raws.some((raw) => raw.kind === 'tasks')) promoteTasksSection(text, raws);
  const sections: SectionNode[] = [];
  for (const raw of raws) {
    if (raw.kind !== 'tasks' && raw.kind !== 'self-building') {
      sections.push(plainSection(text, raw, raw.kind, raw.blocks));
      continue;
    }
    if (raw.kind === 'self-building' && findAreaStarts(raw.blocks).size === 0) {
      sections.push(plainSection(text, raw, raw.kind, raw.blocks));
      continue;
    }
    const implicit =
      raw.kind === 'tasks'
        ? { title: raw.title, titleSpan: raw.titleSpan ?? ([raw.start, raw.start] as Span), start: raw.start }
        : undefined;
    const body = buildSectionBody(text, raw.blocks, implicit);
    const kept = raw.blocks.slice(0, body.tailIndex);
    const section: SectionNode = {
      kind: raw.kind,
      title: raw.title,
      span: [raw.start, sectionEnd(raw, kept)],
      areas: body.areas,
      paragraphs: body.paragraphs,
    };
    if (raw.label !== undefined) section.label = raw.label;
    const firstArea = body.areas[0];
    const requirements = section.paragraphs.filter(
      (paragraph) =>
        firstArea && paragraph.span[1] <= firstArea.span[0] && REQUIREMENTS_PARAGRAPH.test(paragraph.text),
    );
    if (requirements.length > 0) section.requirements = requirements;
    const lastArea = body.areas[body.areas.length - 1];
    // Self-building written as the last numbered area stays an area, marked as such.
    if (raw.kind === 'tasks' && lastArea && body.areas.length > 1 && isSelfBuildingTitle(lastArea.title)) {
      lastArea.selfBuilding = true;
    }
    const tail = tailSections(text, raw.blocks.slice(body.tailIndex));
    const atEnd = raw.kind === 'tasks' && lastArea ? otherWorkAtEnd(text, lastArea) : undefined;
    if (atEnd) section.areas.push(atEnd);
    const between = otherWorkBetween(text, body.between);
    if (between.length > 0) {
      const moved = (span: Span): boolean =>
        between.some((area) => area.span[0] <= span[0] && span[1] <= area.span[1]);
      section.paragraphs = section.paragraphs.filter((paragraph) => !moved(paragraph.span));
      section.areas = [...section.areas, ...between].sort((a, b) => a.span[0] - b.span[0]);
    }
    if (tail.otherWork) section.areas.push(tail.otherWork);
    for (const area of section.areas) dropExhortation(text, area);
    sections.push(section);
    sections.push(...tail.sections);
  }
  return sections;
}

/** Words of this year's plan: "今年", "2026年是…开局之年", "要…", "将…". */
const THIS_YEARS_PLAN = /今年|本年|\d{4}\s*年是|开局之年|总体要求|预期目标/;

/**
 * No section is titled as this year's tasks (a slogan heading): take, among the sections after the
 * review (never a review, plan or appendix), the one that opens on this year's plan and has
 * numbered work areas — the most areas if several do; or, for a text with no sections at all, the
 * whole text.
 */
function promoteTasksSection(text: string, raws: RawSection[]): void {
  const lastReview = raws.findLastIndex((raw) => raw.kind === 'review');
  let best: RawSection | undefined;
  let bestScore = 0;
  raws.forEach((raw, index) => {
    if (raw.kind !== 'other' && raw.kind !== 'requirements') return;
    if (index < lastReview) return;
    const count = findAreaStarts(raw.blocks).size;
    if (count === 0) return;
    const opening = raw.blocks
      .slice(0, 3)
      .map((block) => blockContent(text, block))
      .join('');
    // Opening on this year's plan weighs more than any number of areas.
    const score = count + (THIS_YEARS_PLAN.test(opening) ? 1000 : 0);
    if (score > bestScore) {
      best = raw;
      bestScore = score;
    }
  });
  if (best) {
    best.kind = 'tasks';
    return;
  }
  const only = raws.length === 1 ? raws[0] : undefined;
  if (only?.blocks.some((block) => block.kind === 'bullet' || block.kind === 'labelled')) only.kind = 'tasks';
}

/**
 * Parse normalised report text (see `normalizeReportText`) into the tree luoshi tracks: metadata,
 * classified top-level sections, and inside the tasks part work areas → measures → tasks, each
 * with its exact span into `text` and its original numbering label. Pure and deterministic;
 * linear in the length of the text. Never throws on any string.
 */
export function parseReport(text: string): ReportTree {
  const blocks = unwrapLines(text, readBlocks(text));
  const { headerEnd, header } = splitHeader(text, blocks);
  let bodyEnd = blocks.length;
  const trailer: string[] = [];
  let credits = 0;
  while (bodyEnd > headerEnd && credits < MAX_TRAILER_LINES) {
    const block = blocks[bodyEnd - 1] as Block;
    const content = blockContent(text, block);
    if (block.kind === 'heading') break;
    if (!isPageControl(content)) {
      if (!isTrailerLine(content)) break;
      trailer.unshift(content);
      credits++;
    }
    bodyEnd--;
  }
  // Photo captions inside the body are layout noise, not report text.
  const body = joinBrokenLines(
    text,
    blocks.slice(headerEnd, bodyEnd).filter((block) => !isCaption(blockContent(text, block))),
  );
  const sections = buildSections(text, segmentSections(text, body));
  const opening = body.slice(0, 3).find((block) => /我代表/.test(blockContent(text, block)));
  const requirementsText = sections
    .flatMap((section) => [
      ...(section.kind === 'requirements' ? section.paragraphs : []),
      ...(section.requirements ?? []),
    ])
    .map((paragraph) => paragraph.text)
    .join('\n');
  const meta = buildMeta({
    header,
    trailer,
    sectionTitles: sections.map((section) => section.title),
    ...(opening ? { openingParagraph: blockContent(text, opening) } : {}),
    ...(requirementsText ? { requirementsText } : {}),
  });
  const areas: AreaNode[] = sections
    .filter((section) => section.kind === 'tasks')
    .flatMap((section) => section.areas);
  const indicators = findIndicators(text, sections);
  return { text, meta, sections, areas, ...(indicators ? { indicators } : {}) };
}
