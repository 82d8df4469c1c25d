import { splitClauses } from '../diff/report-items.js';
import type { ReportTree, Span } from '../report-tree.js';

/** A sentence of a review section (工作回顾) that may state what was achieved. */
export interface ReviewSentence {
  text: string;
  span: Span;
}

/**
 * Every sentence of the report's review sections — free paragraphs, and the headed parts
 * ("（一）…") some reports use inside their review — in reading order.
 */
export function collectReviewSentences(tree: ReportTree): ReviewSentence[] {
  const sentences: ReviewSentence[] = [];
  for (const section of tree.sections) {
    if (section.kind !== 'review') continue;
    const blocks: { text: string; span: Span }[] = [...section.paragraphs];
    for (const area of section.areas) {
      blocks.push({ text: area.title, span: area.titleSpan });
      if (area.preamble) blocks.push(area.preamble);
      for (const task of area.tasks) blocks.push(task);
      for (const measure of area.measures) {
        blocks.push({ text: measure.title, span: measure.titleSpan });
        for (const task of measure.tasks) blocks.push(task);
      }
    }
    for (const block of blocks) sentences.push(...splitClauses(block.text, block.span[0]));
  }
  return sentences.sort((a, b) => a.span[0] - b.span[0]);
}
