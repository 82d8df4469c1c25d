import { charAt } from './char-at.js';

/**
 * Things that look like quantities but are names: numbers inside quotation marks and book titles
 * (“3个100”, “两个毫不动摇”, 《…条例》), line and model numbers (M101线, PM2.5, 5G, C919),
 * ordinals (第二批), years, and class qualifiers (亿元以上项目, 3岁以下婴幼儿).
 */

/**
 * The closing mark of an opening quotation mark or title bracket (“ 「 『 ‘ 《 〈 "), or '' for
 * any other character. By char code: prose is full of 、 and 。, which sit in the same Unicode
 * block as 「 and 《, and looking each of them up in an object by string costs a hash.
 */
function closerOf(code: number): string {
  switch (code) {
    case 0x201c:
      return '”';
    case 0x300c:
      return '」';
    case 0x300e:
      return '』';
    case 0x2018:
      return '’';
    case 0x300a:
      return '》';
    case 0x3008:
      return '〉';
    case 0x22:
      return '"';
    default:
      return '';
  }
}

/** A quoted name longer than this is prose, not a slogan or a programme name. */
const MAX_QUOTED_NAME = 24;

/**
 * Offsets whose characters sit inside a quoted name or a book title, as a sorted list of
 * half-open ranges. Numbers there name something ("3个100"市重点工程) rather than count it.
 */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Every opener is either '"' or in U+2018–U+300E; skip everything else without a lookup.
    if (code !== 0x22 && (code < 0x2018 || code > 0x300e)) continue;
    const closer = closerOf(code);
    if (closer === '') continue;
    const close = text.indexOf(closer, i + 1);
    if (close < 0) continue;
    const isBookTitle = text[i] === '《' || text[i] === '〈';
    if (isBookTitle || close - i - 1 <= MAX_QUOTED_NAME) {
      ranges.push([i + 1, close]);
      i = close;
    }
  }
  return ranges;
}

/** True when `pos` lies inside one of `ranges` (sorted, non-overlapping). */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, pos: number): boolean {
  for (const [start, end] of ranges) {
    if (pos < start) return false;
    if (pos < end) return true;
  }
  return false;
}

/** CJK ideograph (the basic block and extension A). */
export function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Characters that may follow a quantity and start a predicate or a list, not a noun. */
const NOT_A_NOUN = '的和及与或等并且而为是将在均以之左上多余内增下提达占居比同较高低实完累分';

/**
 * True when the text at `pos` starts a noun phrase that the quantity before it modifies:
 * an ideograph that is not a function word ("…以上|项目" yes, "…以上|，" no, "…以上|的" no).
 */
export function startsNoun(text: string, pos: number): boolean {
  const ch = charAt(text, pos);
  return isIdeograph(ch) && !NOT_A_NOUN.includes(ch);
}

/** True for ASCII letters, which glue a number into a code (5G, M101, PM2.5, C919). */
export function isAsciiLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True when the number starting at `numStart` is glued to a code or an ordinal. */
export function isCodeOrOrdinal(text: string, numStart: number, numEnd: number): boolean {
  const before = charAt(text, numStart - 1);
  if (before === '第' || before === '每') return true;
  if (isAsciiLetter(before) || before === '.' || before === '-' || before === '/') return true;
  if (before === '+' || charAt(text, numEnd) === '+') return true; // formulas: 1+1+4, 8+4
  if (before >= '0' && before <= '9') return true;
  return false;
}

const FOUR_DIGITS = /^[0-9]{4}$/;

/** 4-digit years (2026年, 到2030年) and year spans are dates, never quantities. */
export function isYearNumber(value: number, numeralText: string): boolean {
  return FOUR_DIGITS.test(numeralText) && value >= 1900 && value <= 2200;
}

/** Words after which a small Chinese numeral still counts something ("新增两个"). */
const COUNT_CUES =
  /(新增|新建|增加|建成|建设|开通|不少于|至少|达到|超过|突破|提供|累计|举办|完成|培育|打造|改造|创建|开工|设立|引进|实施|约|近|超|达)$/;

/** True when the text before `pos` ends with a verb that makes a small Chinese numeral a count. */
export function hasCountCue(text: string, pos: number): boolean {
  return COUNT_CUES.test(text.slice(Math.max(0, pos - 4), pos));
}

/** Vague or idiomatic uses of multipliers: 上千万家庭, 数百个, 成千上万, 千家万户. */
export function isVagueMultiplier(text: string, numStart: number): boolean {
  const before = charAt(text, numStart - 1);
  return before === '上' || before === '数' || before === '几' || before === '成' || before === '亿';
}
