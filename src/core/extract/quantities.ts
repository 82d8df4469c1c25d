import type { Comparator } from '../target.js';
import { charAt } from './char-at.js';
import { readComparatorSuffix } from './comparators.js';
import { cleanNumber, parseChineseNumber } from './numerals.js';
import { readUnit, UNIT_LEXICON, type UnitKind } from './units.js';

/**
 * The scanner: one linear pass over a half-width sentence that reads every numeral followed by
 * a unit — with its range ("3至5个", "6%-6.5%"), its approximate "多/余" and its comparator
 * suffix ("以上", "左右"). Whether a quantity is a target is decided later (identifiers, qualifiers).
 */

/** A numeral with its unit as written, before it is judged to be a target or not. */
export interface Quantity {
  /** Offset of the numeral. */
  numStart: number;
  /** Offset just after the first numeral (before 多/余 and the unit). */
  numEnd: number;
  /** Offset just after the unit (and the range's second numeral and unit). */
  unitEnd: number;
  /** Offset just after the comparator suffix, or `unitEnd`. */
  end: number;
  /** The first numeral as written. */
  numeral: string;
  value: number;
  /** The upper bound of a range; present (undefined) on every quantity so all share one shape. */
  max: number | undefined;
  unit: string;
  kind: UnitKind;
  /** From a range, a suffix (以上) or 多/余. */
  comparator: Comparator | null;
  /** The suffix text ("以上") when there is one. */
  suffix: string | null;
  /** Written with Arabic digits. */
  arabic: boolean;
  /** Only multipliers (百, 千亿, 万): 突破万亿元, 百场. */
  bare: boolean;
  /** Only small Chinese numerals (两, 三, 十二): 两个, 三项. */
  small: boolean;
}

const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
const SMALL_DIGITS = /[零〇一二两三四五六七八九]/;
const BIG_MULTIPLIERS = /[百千万亿]/;
const RANGE_SEPARATORS = '至到-—–―~〜';
const LIST_SEPARATORS = '、和及';
/** 成 as "tenths" must not be the start of 成为, 成效, 建成 … */
const CHENG_NOT_BEFORE = '为立效果本员功交绩都熟长就型品套片年份了规批群';

/** Some Arabic digit. */
const ARABIC_DIGIT = /[0-9]/;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** `ch` is one character or '' (outside the text). */
function isNumeralStart(ch: string): boolean {
  return ch !== '' && (isDigit(ch) || NUMERAL_CHARS.includes(ch));
}

/** True when `pos` holds a digit (一…九, 两, 0-9 run) that no multiplier follows. */
function isLoneDigitAfter(text: string, pos: number): boolean {
  const ch = charAt(text, pos);
  if (ch === '' || !(isDigit(ch) || '一二两三四五六七八九'.includes(ch))) return false;
  let j = pos + 1;
  while (isDigit(charAt(text, j)) || charAt(text, j) === '.') j++;
  const next = charAt(text, j);
  return next === '' || !'十百千万亿'.includes(next);
}

/** End of the numeral run starting at `start`: digits, Chinese numerals, a decimal point, 1,000 groups. */
export function readNumeralRun(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isDigit(ch) || NUMERAL_CHARS.includes(ch)) {
      // "5万亿|两个台阶": after 万/亿, a lone digit that no multiplier follows starts a new number.
      if ((ch === '万' || ch === '亿') && isLoneDigitAfter(text, i + 1)) return i + 1;
      i++;
    } else if (ch === '.' && isDigit(charAt(text, i - 1)) && isDigit(charAt(text, i + 1))) {
      i++;
    } else if (
      ch === ',' &&
      isDigit(charAt(text, i - 1)) &&
      isDigit(charAt(text, i + 1)) &&
      isDigit(charAt(text, i + 2)) &&
      isDigit(charAt(text, i + 3)) &&
      !isDigit(charAt(text, i + 4))
    ) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/** Reads "分之N" after a denominator: 百分之六 → 6 %, 三分之二 → 66.67 %, 千分之八 → 8 ‰. */
function readFraction(
  text: string,
  denominator: number,
  pos: number,
): { value: number; unit: string; end: number } | null {
  if (!text.startsWith('分之', pos)) return null;
  const numStart = pos + 2;
  const numEnd = readNumeralRun(text, numStart);
  if (numEnd === numStart) return null;
  const numerator = parseChineseNumber(text.slice(numStart, numEnd));
  if (numerator === null || denominator === 0) return null;
  if (denominator === 1000) return { value: numerator, unit: '‰', end: numEnd };
  return { value: (numerator * 100) / denominator, unit: '%', end: numEnd };
}

/** Reads one quantity whose numeral starts at `start`, or null when no unit follows. */
export function readQuantity(text: string, start: number): Quantity | null {
  let numEnd = readNumeralRun(text, start);
  // A unit may itself start with a multiplier: 3000万|千瓦, 400亿|千瓦时, 5|千米, 2|百分点.
  const last = charAt(text, numEnd - 1);
  if (numEnd - start > 1 && (last === '千' || last === '百') && readUnit(text, numEnd - 1, true) !== null) {
    numEnd--;
  }
  const numeral = text.slice(start, numEnd);
  const arabic = ARABIC_DIGIT.test(numeral);
  const bare = !arabic && !SMALL_DIGITS.test(numeral) && BIG_MULTIPLIERS.test(numeral);
  const small = !arabic && !BIG_MULTIPLIERS.test(numeral);

  // Fractions: 百分之六, 三分之二.
  if (text.startsWith('分之', numEnd)) {
    const denominator = parseChineseNumber(numeral);
    const fraction = denominator === null ? null : readFraction(text, denominator, numEnd);
    if (fraction === null) return null;
    return finish(text, {
      numStart: start,
      numEnd,
      unitEnd: fraction.end,
      end: fraction.end,
      numeral,
      value: fraction.value,
      max: undefined,
      unit: fraction.unit,
      kind: 'percent',
      comparator: null,
      suffix: null,
      arabic,
      bare: false,
      small: false,
    });
  }

  let value = parseChineseNumber(numeral);
  if (value === null) return null;
  let pos = numEnd;
  let comparator: Comparator | null = null;

  // 2100多条, 3.2万余处, 8000多亿元 (the multiplier after 多 scales the whole number).
  if ((charAt(text, pos) === '多' || charAt(text, pos) === '余') && pos + 1 < text.length) {
    let after = pos + 1;
    let scaled = numeral;
    while (charAt(text, after) === '万' || charAt(text, after) === '亿') scaled += charAt(text, after++);
    const rescaled = scaled === numeral ? value : parseChineseNumber(scaled);
    if (rescaled !== null && readUnit(text, after, arabic) !== null) {
      value = rescaled;
      comparator = '>';
      pos = after;
    }
  }

  // 1/4, 1/3以上.
  if (arabic && charAt(text, pos) === '/' && isDigit(charAt(text, pos + 1))) {
    const denEnd = readNumeralRun(text, pos + 1);
    const denominator = Number(text.slice(pos + 1, denEnd));
    if (
      charAt(text, denEnd) !== '/' &&
      !isDigit(charAt(text, denEnd)) &&
      denominator > value &&
      denominator <= 100
    ) {
      return finish(text, {
        numStart: start,
        numEnd,
        unitEnd: denEnd,
        end: denEnd,
        numeral,
        value: (value * 100) / denominator,
        max: undefined,
        unit: '%',
        kind: 'percent',
        comparator: null,
        suffix: null,
        arabic,
        bare: false,
        small: false,
      });
    }
    return null;
  }

  // 九成, 超五成, 八成以上: tenths.
  if (
    charAt(text, pos) === '成' &&
    value > 0 &&
    value <= 10 &&
    !CHENG_NOT_BEFORE.includes(charAt(text, pos + 1))
  ) {
    return finish(text, {
      numStart: start,
      numEnd,
      unitEnd: pos + 1,
      end: pos + 1,
      numeral,
      value: cleanNumber(value * 10),
      max: undefined,
      unit: '%',
      kind: 'percent',
      comparator,
      suffix: null,
      arabic,
      bare: false,
      small: false,
    });
  }

  let unit = readUnit(text, pos, arabic);
  let max: number | undefined;
  let unitEnd = unit?.end ?? pos;

  // Ranges: 3至5个 (unit after the second numeral), 6%-6.5% (unit after both).
  const separator = charAt(text, unitEnd);
  if (separator !== '' && RANGE_SEPARATORS.includes(separator) && isNumeralStart(charAt(text, unitEnd + 1))) {
    const secondEnd = readNumeralRun(text, unitEnd + 1);
    const second = parseChineseNumber(text.slice(unitEnd + 1, secondEnd));
    const secondUnit = readUnit(text, secondEnd, ARABIC_DIGIT.test(text.slice(unitEnd + 1, secondEnd)));
    if (
      second !== null &&
      second > value &&
      secondUnit !== null &&
      (unit === null || unit.unit === secondUnit.unit)
    ) {
      max = second;
      unit = secondUnit;
      unitEnd = secondUnit.end;
      comparator = 'between';
    }
  }
  if (unit === null) return null;

  const quantity: Quantity = {
    numStart: start,
    numEnd,
    unitEnd,
    end: unitEnd,
    numeral,
    value,
    max,
    unit: unit.unit,
    kind: unit.kind,
    comparator,
    suffix: null,
    arabic,
    bare,
    small,
  };
  return finish(text, quantity);
}

/** Adds the comparator suffix (以上, 以内, 左右 …) after the unit. */
function finish(text: string, quantity: Quantity): Quantity {
  const suffix = readComparatorSuffix(text, quantity.unitEnd);
  if (suffix !== null && quantity.comparator !== 'between') {
    quantity.comparator = suffix.comparator;
    quantity.suffix = suffix.text;
    quantity.end = suffix.end;
  }
  return quantity;
}

/**
 * A list whose items share the last item's unit: "分别减少10.6万、3.8万、3.3万平方公里".
 * Only Arabic numerals are read this way ("1、2号机组" has no unit and yields nothing).
 */
function readSharedUnitList(text: string, start: number): Quantity[] {
  const runs: Array<[number, number]> = [];
  let pos = start;
  for (let guard = 0; guard < 12; guard++) {
    const end = readNumeralRun(text, pos);
    if (end === pos || !isDigit(charAt(text, pos))) return [];
    const separator = charAt(text, end);
    if (separator !== '' && LIST_SEPARATORS.includes(separator) && isDigit(charAt(text, end + 1))) {
      runs.push([pos, end]);
      pos = end + 1;
      continue;
    }
    if (runs.length === 0) return [];
    const last = readQuantity(text, pos);
    if (last === null || last.comparator === 'between') return [];
    const items: Quantity[] = [];
    for (const [runStart, runEnd] of runs) {
      const numeral = text.slice(runStart, runEnd);
      const value = parseChineseNumber(numeral);
      if (value === null) return [];
      items.push({
        ...last,
        numStart: runStart,
        numEnd: runEnd,
        unitEnd: runEnd,
        end: runEnd,
        numeral,
        value,
        comparator: null,
        suffix: null,
      });
    }
    items.push(last);
    return items;
  }
  return [];
}

/** Every quantity in `text` (half-width), left to right, without overlaps. */
/** Char-code tables so the scan touches most characters once, without allocating. */
const NUMERAL_TABLE = new Uint8Array(65536);
for (const ch of `0123456789${NUMERAL_CHARS}`) NUMERAL_TABLE[ch.charCodeAt(0)] = 1;

/** Characters that can follow a numeral run in a quantity: a unit's first character, 成, 分之, 多/余, a range or list. */
const FOLLOW_TABLE = new Uint8Array(65536);
for (const entry of UNIT_LEXICON) FOLLOW_TABLE[entry.surface.charCodeAt(0)] = 1;
for (const ch of `成分多余/${RANGE_SEPARATORS}${LIST_SEPARATORS}`) FOLLOW_TABLE[ch.charCodeAt(0)] = 1;

/** Every quantity in `text` (half-width), left to right, without overlaps. */
export function scanQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (NUMERAL_TABLE[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && (NUMERAL_TABLE[text.charCodeAt(runEnd)] === 1 || text.charCodeAt(runEnd) === 46))
      runEnd++;
    // Most numeral characters (一, 十, 大…) are followed by no unit at all: skip them cheaply.
    const last = text.charCodeAt(runEnd - 1);
    const unitInRun = (last === 0x5343 || last === 0x767e) && runEnd - i > 1; // 千 百 may start a unit
    if (runEnd < n && FOLLOW_TABLE[text.charCodeAt(runEnd)] !== 1 && !unitInRun) {
      i = runEnd;
      continue;
    }
    if (runEnd >= n && !unitInRun) break;
    const quantity = readQuantity(text, i);
    if (quantity === null) {
      const list = readSharedUnitList(text, i);
      if (list.length > 0) {
        found.push(...list);
        i = (list[list.length - 1] as Quantity).end;
        continue;
      }
      i = Math.max(i + 1, readNumeralRun(text, i));
      continue;
    }
    found.push(quantity);
    i = quantity.end;
  }
  return found;
}
