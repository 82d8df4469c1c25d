/**
 * Number grammar of Chinese government prose: Arabic digits (half- or full-width), Chinese
 * numerals (三千, 一万二千, 两百, 四十五), mixes (1万6千, 1.5万, 3.9万亿) and the big multipliers
 * 十 百 千 万 亿.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * DIGITS by UTF-16 unit, -1 for any other character. Looking characters up in an object by a
 * string key costs a hash of the key each time; an array read by char code does not.
 */
const DIGIT_BY_CODE = new Int8Array(65536).fill(-1);
for (const [ch, value] of Object.entries(DIGITS)) DIGIT_BY_CODE[ch.charCodeAt(0)] = value;

/** 十 百 千 as numbers, 0 for any other character. */
function smallMultiplier(code: number): number {
  return code === 0x5341 ? 10 : code === 0x767e ? 100 : code === 0x5343 ? 1000 : 0;
}

/** Whether `ch` is one Chinese digit, 零 〇 一 … 九 or 两 (not a multiplier such as 十). */
export function isChineseDigit(ch: string): boolean {
  return ch.length === 1 && DIGIT_BY_CODE[ch.charCodeAt(0)] !== -1;
}

/** Removes binary floating-point noise (2.26 × 10¹² → 2260000000000, not 2260000000000.0002). */
export function cleanNumber(value: number): number {
  return Number.parseFloat(value.toPrecision(15));
}

const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Converts one full-width character to its ASCII twin (digits, letters, ％ ． ／ － ～ ＋).
 * Returns the input when it has none. One UTF-16 unit in, one out, so offsets stay valid.
 */
export function toHalfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    if (/[0-9A-Za-z%./\-~+]/.test(ascii)) return ascii;
  }
  return ch;
}

/** The full-width characters that have an ASCII twin here (see toHalfWidthChar). */
const FULL_WIDTH_TWIN = /[０-９Ａ-Ｚａ-ｚ％．／－～＋]/;

/**
 * Half-width copy of `text` with exactly the same length: full-width digits, letters and signs
 * become ASCII so that one set of patterns reads both, and offsets into the copy are offsets
 * into the original. Chinese prose is full of full-width punctuation (，：) that stays as it is,
 * so the text is searched for a character to convert first and copied only from there.
 */
export function toHalfWidth(text: string): string {
  const first = text.search(FULL_WIDTH_TWIN);
  if (first < 0) return text;
  let out = text.slice(0, first);
  let copied = first;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xff01 || code > 0xff5e) continue;
    const half = toHalfWidthChar(text[i] as string);
    if (half === text[i]) continue;
    out += text.slice(copied, i) + half;
    copied = i + 1;
  }
  return out + text.slice(copied);
}

/**
 * Parses a numeral written with Arabic digits, Chinese numerals or a mix of both:
 * "25万" → 250000, "1.5万" → 15000, "3.9万亿" → 3900000000000, "一万二千" → 12000, "两百" → 200,
 * "四十五" → 45, "1万6千" → 16000, "二〇二六" → 2026. Full-width digits are accepted.
 * Returns null for anything that is not one well-formed number ("十四五", "百千万", "1.2.3").
 */
export function parseChineseNumber(input: string): number | null {
  const text = toHalfWidth(input.trim());
  if (text.length === 0) return null;
  let total = 0; // whole 亿 groups already closed
  let belowYi = 0; // whole 万 groups below the current 亿
  let section = 0; // value below 万 built from 十/百/千
  let current: number | null = null; // pending digit value
  let lastSmall = Number.POSITIVE_INFINITY; // last 十/百/千 used in this section
  let sawMultiplier = false;
  let lastWasChineseDigit = false;
  let sawDigit = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      let j = i + 1;
      for (
        let c = j < text.length ? text.charCodeAt(j) : 0;
        (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c;
      ) {
        j++;
        c = j < text.length ? text.charCodeAt(j) : 0;
      }
      const token = text.slice(i, j);
      if (!ARABIC.test(token) || current !== null) return null;
      current = Number(token.includes(',') ? token.replace(/,/g, '') : token);
      sawDigit = true;
      lastWasChineseDigit = false;
      i = j;
      continue;
    }
    const digit = DIGIT_BY_CODE[code] as number;
    if (code === 0x96f6 && current === null && sawMultiplier) {
      // 一百零五: 零 only marks an empty place.
      i++;
      continue;
    }
    if (digit !== -1) {
      if (current !== null) {
        // Two digits in a row are only valid as a positional year-like numeral (二〇二六).
        if (!lastWasChineseDigit || sawMultiplier || code === 0x4e24) return null;
        current = current * 10 + digit;
      } else {
        current = digit;
      }
      sawDigit = true;
      lastWasChineseDigit = true;
      i++;
      continue;
    }
    const small = smallMultiplier(code);
    if (small !== 0) {
      if (small >= lastSmall) return null;
      if (current === null && small !== 10 && section !== 0) return null;
      section += (current ?? 1) * small;
      current = null;
      lastSmall = small;
      sawMultiplier = true;
      lastWasChineseDigit = false;
      i++;
      continue;
    }
    if (code === 0x4e07) {
      if (i > 0 && text.charCodeAt(i - 1) === 0x4e07) return null;
      const group = section + (current ?? 0);
      belowYi += (group === 0 ? 1 : group) * 1e4;
      if (belowYi >= 1e8) return null; // 万万 is not how reports write 亿
      section = 0;
      current = null;
      lastSmall = Number.POSITIVE_INFINITY;
      sawMultiplier = true;
      lastWasChineseDigit = false;
      i++;
      continue;
    }
    if (code === 0x4ebf) {
      const group = belowYi + section + (current ?? 0);
      total = (total + (group === 0 ? 1 : group)) * 1e8;
      belowYi = 0;
      section = 0;
      current = null;
      lastSmall = Number.POSITIVE_INFINITY;
      sawMultiplier = true;
      lastWasChineseDigit = false;
      i++;
      continue;
    }
    return null;
  }
  if (!sawDigit && !sawMultiplier) return null;
  const value = total + belowYi + section + (current ?? 0);
  if (!Number.isFinite(value)) return null;
  // Only a decimal scaled by a multiplier can carry binary noise (2.26万亿).
  return Number.isInteger(value) || !sawMultiplier ? value : cleanNumber(value);
}

/** The forms a small ordinal takes in list labels and dates: 一 … 九, 十, 二十, 十五, 九十九, 一百. */
const SMALL_ORDINAL =
  /^(?:[零〇一二两三四五六七八九]?十[零〇一二两三四五六七八九]?|[零〇一二两三四五六七八九]|一百)$/u;

/**
 * Value of a small Chinese ordinal (一 … 九十九, 一百) as labels such as "十二、" and dates such as
 * "一月二十七日" write it, or NaN when `numeral` is not one (larger or positional forms, "一百一").
 */
export function parseChineseOrdinal(numeral: string): number {
  return SMALL_ORDINAL.test(numeral) ? (parseChineseNumber(numeral) ?? Number.NaN) : Number.NaN;
}
