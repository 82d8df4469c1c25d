import type { Deadline } from '../target.js';
import { parseChineseNumber, toHalfWidth } from './numerals.js';

/**
 * 完成时限 — deadlines as tasks state them: 年底前, 6月底前, 三季度, 上半年, 2027年前,
 * 到2027年, 年内. Each resolves to the last day it allows (and a quarter where it names one),
 * in the report's year unless the text names another.
 */

const NUM = '[0-9〇零一二两三四五六七八九十]';

// One pattern, alternatives tried left to right at each position; groups say which matched.
const DEADLINE = new RegExp(
  [
    // 2027年6月底前, 2027年底前, 2027年前, 2027年内
    `(?<year>(?:19|20)[0-9]{2})年(?:(?<ymonth>${NUM}{1,2})月(?:(?<yday>${NUM}{1,3})日)?(?:底|末)?前?|(?<yend>底前|底|末前|末|前(?![一二三四五六七八九十0-9两])|内))`,
    // 到2027年, 至2030年
    `(?<toword>到|至|截至)(?<toyear>(?:19|20)[0-9]{2})年`,
    // 6月底前, 6月30日前, 6月前
    `(?<month>${NUM}{1,2})月(?:(?<day>${NUM}{1,3})日前|(?<mend>底前|底|末前|末|前|份前))`,
    // 一季度, 第三季度, 三季度末
    `(?<![前0-9])(?:第)?(?<quarter>[一二三四1-4])季度(?:末|底|前)?`,
    // 上半年, 下半年
    `(?<half>上半年|下半年)`,
    // Seasons and holidays that tasks are timed by: 汛前, 春节前, 国庆前.
    '(?<season>汛期前|汛前|春节前|开学前|国庆前|供暖季前|采暖季前|入冬前)',
    // 年底前, 年底, 年内, 今年内 (not 去年底: that is the past)
    `(?<![去上前明])(?<yearword>今年年底前|今年底前|年底之前|年底前|年末前|今年内|年底|年内)`,
  ].join('|'),
  'g',
);

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthEnd(year: number, month: number): string {
  return isoDate(year, month, lastDayOfMonth(year, month));
}

function numberOf(text: string | undefined): number | null {
  return text === undefined ? null : parseChineseNumber(text);
}

type Groups = Record<string, string | undefined>;

function resolve(groups: Groups, year: number): Pick<Deadline, 'date' | 'quarter'> | null {
  if (groups.year !== undefined) {
    const y = Number(groups.year);
    const month = numberOf(groups.ymonth);
    if (month !== null) {
      if (month < 1 || month > 12) return null;
      const day = numberOf(groups.yday);
      if (day !== null)
        return day >= 1 && day <= lastDayOfMonth(y, month) ? { date: isoDate(y, month, day) } : null;
      return { date: monthEnd(y, month) };
    }
    if (groups.yend === undefined) return null;
    return { date: isoDate(y, 12, 31) };
  }
  if (groups.toyear !== undefined) return { date: isoDate(Number(groups.toyear), 12, 31) };
  if (groups.month !== undefined) {
    const month = numberOf(groups.month);
    if (month === null || month < 1 || month > 12) return null;
    const day = numberOf(groups.day);
    if (day !== null)
      return day >= 1 && day <= lastDayOfMonth(year, month) ? { date: isoDate(year, month, day) } : null;
    return { date: monthEnd(year, month) };
  }
  if (groups.quarter !== undefined) {
    const q = numberOf(groups.quarter);
    if (q === null || q < 1 || q > 4) return null;
    return { quarter: `${year}-Q${q}`, date: monthEnd(year, q * 3) };
  }
  if (groups.half !== undefined) {
    return groups.half === '上半年'
      ? { quarter: `${year}-Q2`, date: isoDate(year, 6, 30) }
      : { quarter: `${year}-Q4`, date: isoDate(year, 12, 31) };
  }
  if (groups.season !== undefined) {
    // Only 国庆前 names a fixed day; the others depend on the place and the year's calendar.
    return groups.season === '国庆前' ? { date: isoDate(year, 9, 30) } : {};
  }
  if (groups.yearword !== undefined) {
    return { date: isoDate(year, 12, 31) };
  }
  return null;
}

/** How a dated deadline ends: 2026年底, 2027年6月末, 2026年前. */
const ENDS_BY = /[底末前]$/;

/**
 * Every deadline stated in `sentence`, in order. `year` is the report's year (the year that
 * 年底前 and 6月底前 refer to).
 */
export function findDeadlines(sentence: string, year: number): Deadline[] {
  return deadlinesIn(toHalfWidth(sentence), sentence, year);
}

/** findDeadlines over `text`, the half-width copy of `sentence` (spans index both). */
function deadlinesIn(text: string, sentence: string, year: number): Deadline[] {
  const found: Deadline[] = [];
  // Every deadline contains 年, 月, 季 or a season's character; run the pattern only around them.
  for (const anchor of anchorsOf(text)) {
    const windowStart = Math.max(0, anchor - WINDOW);
    const window = text.slice(windowStart, anchor + WINDOW);
    DEADLINE.lastIndex = 0;
    for (let match = DEADLINE.exec(window); match !== null; match = DEADLINE.exec(window)) {
      const start = windowStart + match.index;
      const end = start + match[0].length;
      if (start > anchor || end <= anchor) continue;
      if (found.some((d) => d.span[0] < end && start < d.span[1])) continue;
      const groups = (match.groups ?? {}) as Groups;
      // A bare "2027年" is a date in passing, not a deadline; a past-tense "2025年6月" neither.
      if (groups.year !== undefined && groups.yend === undefined && !ENDS_BY.test(match[0])) continue;
      const resolved = resolve(groups, year);
      if (resolved === null) continue;
      const deadline: Deadline = { text: sentence.slice(start, end), span: [start, end] };
      if (resolved.date !== undefined) deadline.date = resolved.date;
      if (resolved.quarter !== undefined) deadline.quarter = resolved.quarter;
      found.push(deadline);
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/** How far before and after its 年/月/季 a deadline may reach ("2026年12月31日前" spans 12). */
const WINDOW = 12;

/** 1 for the characters anchorsOf looks for. */
const IS_ANCHOR = new Uint8Array(65536);
for (const ch of '年月季汛节学庆暖冬') IS_ANCHOR[ch.charCodeAt(0)] = 1;

/** Offsets of the characters every deadline contains (年, 月, 季, or a season's), in order. */
function anchorsOf(text: string): number[] {
  const anchors: number[] = [];
  // One pass in order (no sort), each character looked up by code in a table.
  for (let i = 0; i < text.length; i++) if (IS_ANCHOR[text.charCodeAt(i)] === 1) anchors.push(i);
  return anchors;
}

/**
 * The deadline of a task: the first one it states, or null. See `findDeadlines`; `halfWidth` is
 * toHalfWidth(sentence) when the caller has it already.
 */
export function findDeadline(sentence: string, year: number, halfWidth?: string): Deadline | null {
  return deadlinesIn(halfWidth ?? toHalfWidth(sentence), sentence, year)[0] ?? null;
}
