import { type Label, readLabel, readMarkdownHeading } from './labels.js';
import { type Line, splitLines, textOf } from './lines.js';

/** What a non-blank line is, structurally. */
export type BlockKind = 'heading' | 'bullet' | 'labelled' | 'plain';

/** One non-blank line, read for its structure. */
export interface Block {
  line: Line;
  kind: BlockKind;
  /** Markdown heading level (1–6), 0 for other lines. */
  headingLevel: number;
  /** Numbering label or bullet marker; for a heading, the label inside the heading text. */
  label?: Label;
  /** Content offsets (trimmed line). */
  start: number;
  end: number;
  /** The words after any heading marks, bullet and label. */
  bodyStart: number;
  bodyEnd: number;
  indent: number;
  /** Physical lines joined into this block (more than 1 only for hard-wrapped text). */
  lineCount: number;
}

/** Read every non-blank line of the normalised text as a block. Linear in the text length. */
export function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of splitLines(text)) {
    if (line.contentEnd <= line.contentStart) continue;
    blocks.push(readBlock(text, line));
  }
  return blocks;
}

function readBlock(text: string, line: Line): Block {
  const start = line.contentStart;
  const end = line.contentEnd;
  const heading = readMarkdownHeading(text, start, end);
  if (heading) {
    let bodyEnd = end;
    // Closing hashes of "## title ##" are decoration.
    while (bodyEnd > heading.bodyStart && text.charCodeAt(bodyEnd - 1) === 0x23) bodyEnd--;
    while (bodyEnd > heading.bodyStart && text.charCodeAt(bodyEnd - 1) === 0x20) bodyEnd--;
    const label = readLabel(text, heading.bodyStart, bodyEnd);
    const block: Block = {
      line,
      kind: 'heading',
      headingLevel: heading.level,
      start,
      end,
      bodyStart: label && label.style !== 'bullet' ? label.bodyStart : heading.bodyStart,
      bodyEnd,
      indent: line.indent,
      lineCount: 1,
    };
    if (label && label.style !== 'bullet') block.label = label;
    return block;
  }
  const label = readLabel(text, start, end);
  // A bare "一、" or "-" with nothing after it carries no words: plain text, like a line with no label.
  if (!label || label.bodyStart >= end) {
    return {
      line,
      kind: 'plain',
      headingLevel: 0,
      start,
      end,
      bodyStart: start,
      bodyEnd: end,
      indent: line.indent,
      lineCount: 1,
    };
  }
  return {
    line,
    kind: label.style === 'bullet' ? 'bullet' : 'labelled',
    headingLevel: 0,
    label,
    start,
    end,
    bodyStart: label.bodyStart,
    bodyEnd: end,
    indent: line.indent,
    lineCount: 1,
  };
}

/** The words of a block (after marks and label). */
export function blockBody(text: string, block: Block): string {
  return text.slice(block.bodyStart, block.bodyEnd);
}

/** The whole trimmed content of a block. */
export function blockContent(text: string, block: Block): string {
  return textOf(text, block.start, block.end);
}
