/**
 * Numbering labels and list markers of Chinese official documents:
 * 一、 （一） 1. （1） ① and bullets - * •, plus Markdown headings.
 */

import { isChineseDigit, parseChineseOrdinal } from '../extract/numerals.js';

/** Label families, from the usual outermost to the usual innermost. */
export type LabelStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1. 1、 1．
  | 'arabic-paren' // （1） 1）
  | 'circled' // ①
  | 'bullet'; // - * + •

export interface Label {
  style: LabelStyle;
  /** The label exactly as written, e.g. "（一）", "1.", "-". */
  text: string;
  /** 1-based ordinal (0 for bullets). */
  ordinal: number;
  /** Offset just past the label and any spaces after it (where the body starts). */
  bodyStart: number;
}

/** "12" or full-width "１２" as a number. */
function arabicOrdinal(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

const CN_NUM = '[一二三四五六七八九十百零〇两]{1,4}';
const CN_DUN = new RegExp(`^(${CN_NUM})[、．]`);
const CN_PAREN = new RegExp(`^[（(](${CN_NUM})[）)]`);
const ARABIC_PAREN = /^[（(]?([\d０-９]{1,3})[）)]/;
// "1.5万" is a number, not a label: the dot must not be followed by a digit.
const ARABIC_DOT = /^([\d０-９]{1,3})[.．、](?![\d０-９])/;
const BULLET = /^(?:[-*+](?=[ \t\u3000])|[•·●○■□▪◆◇►▶※])/;

function skipSpaces(text: string, offset: number, limit: number): number {
  let i = offset;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0xa0) break;
    i++;
  }
  return i;
}

function matchAt(re: RegExp, text: string, offset: number): RegExpExecArray | null {
  re.lastIndex = 0;
  // The regexes are anchored with ^; matching a short slice keeps this constant time per line
  // however long the line is.
  return re.exec(text.slice(offset, offset + 12));
}

/**
 * Read a numbering label or bullet at `offset` (the start of a line's content), or undefined.
 * Only a few characters are examined, so this is constant time per line.
 */
export function readLabel(text: string, offset: number, limit: number): Label | undefined {
  if (offset >= limit) return undefined;
  const first = text[offset] ?? '';
  let match: RegExpExecArray | null = null;
  let style: LabelStyle | undefined;
  let ordinal = 0;
  if (first === '（' || first === '(') {
    match = matchAt(CN_PAREN, text, offset);
    if (match) {
      style = 'cn-paren';
      ordinal = parseChineseOrdinal(match[1] ?? '');
    } else {
      match = matchAt(ARABIC_PAREN, text, offset);
      if (match) {
        style = 'arabic-paren';
        ordinal = arabicOrdinal(match[1] ?? '');
      }
    }
  } else if ((first >= '0' && first <= '9') || (first >= '０' && first <= '９')) {
    match = matchAt(ARABIC_DOT, text, offset);
    if (match) {
      style = 'arabic-dot';
      ordinal = arabicOrdinal(match[1] ?? '');
    } else {
      match = matchAt(ARABIC_PAREN, text, offset);
      if (match) {
        style = 'arabic-paren';
        ordinal = arabicOrdinal(match[1] ?? '');
      }
    }
  } else if (first >= '\u2460' && first <= '\u2473') {
    return {
      style: 'circled',
      text: first,
      ordinal: first.charCodeAt(0) - 0x2460 + 1,
      bodyStart: skipSpaces(text, offset + 1, limit),
    };
  } else if (isChineseDigit(first) || first === '十') {
    match = matchAt(CN_DUN, text, offset);
    if (match) {
      style = 'cn-dun';
      ordinal = parseChineseOrdinal(match[1] ?? '');
    }
  } else {
    match = matchAt(BULLET, text, offset);
    if (match) style = 'bullet';
  }
  if (!match || !style || Number.isNaN(ordinal)) return undefined;
  const end = offset + match[0].length;
  if (end > limit) return undefined;
  return { style, text: match[0], ordinal, bodyStart: skipSpaces(text, end, limit) };
}

/** Markdown ATX heading at `offset`: its level and where its text starts. */
export function readMarkdownHeading(
  text: string,
  offset: number,
  limit: number,
): { level: number; bodyStart: number } | undefined {
  let i = offset;
  while (i < limit && i - offset < 7 && text.charCodeAt(i) === 0x23) i++;
  const level = i - offset;
  if (level === 0 || level > 6) return undefined;
  if (i < limit && text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) return undefined;
  return { level, bodyStart: skipSpaces(text, i, limit) };
}
