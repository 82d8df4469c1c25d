import { findDeadline } from '../extract/deadlines.js';

/** Reads the 完成时限 cell of a 分工方案 into a date, the way offices write it. */

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Words for work without a fixed end: 长期坚持, 持续推进, 常态化开展, 每年, 按季度. */
const ONGOING =
  /^((\d{4}年)?(长期|持续|常态化|经常性|动态|逐年|每年|每季度|每月|按季度|按月|按年度|全程)(坚持|推进|开展|实施|落实|完成|进行|性)*(推进|开展|实施)?)$/u;

/** Result: a date, "no date" (ongoing work), or unreadable. */
export type DeadlineCell = { ok: true; date: string | null } | { ok: false };

/**
 * Parses a 完成时限: a spreadsheet date, "2026-06-30", "2026/6/30", "2026年6月30日", "6月底前",
 * "2026年9月底", "三季度", "第二季度末", "上半年", "年底前", "年内"; "持续推进"/"长期" and an empty
 * cell mean no fixed date. Month-only and quarter forms take `year` when the text omits it.
 */
export function parseDeadlineCell(value: unknown, year: number): DeadlineCell {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false };
    return { ok: true, date: value.toISOString().slice(0, 10) };
  }
  const text = typeof value === 'string' ? value.replace(/\s+/g, '') : value == null ? '' : String(value);
  if (text === '') return { ok: true, date: null };
  if (ONGOING.test(text)) return { ok: true, date: null };
  const explicitYear = /^(\d{4})年?/u.exec(text);
  const y = explicitYear ? Number(explicitYear[1]) : year;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(前|之前)?$/u.exec(text);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? { ok: true, date } : { ok: false };
  }
  const rest = explicitYear ? text.slice(explicitYear[0].length) : text;
  match = /^(\d{1,2})月(底|末|份)?(前|之前|以前)?$/u.exec(rest);
  if (match) {
    const month = Number(match[1]);
    return month >= 1 && month <= 12 ? { ok: true, date: lastDay(y, month) } : { ok: false };
  }
  match = /^(第)?([一二三四1-4])季度(末|底)?(前|之前)?$/u.exec(rest);
  if (match) {
    const quarter = CN_DIGITS[match[2] ?? ''] ?? Number(match[2]);
    return { ok: true, date: lastDay(y, quarter * 3) };
  }
  if (/^上半年(底|末)?(前)?$/u.test(rest)) return { ok: true, date: lastDay(y, 6) };
  if (/^(下半年|全年|年内|年底|年末)(底|末)?(前|之前)?$/u.test(rest) || /^底前?$/u.test(rest)) {
    return { ok: true, date: lastDay(y, 12) };
  }
  return { ok: false };
}

/**
 * A 完成时限 as a 分工方案 words it, in a cell or in a row's parenthetical: the cell forms above,
 * also followed by 完成/完工/建成 ("年底前完成"), or a deadline the extractor finds in a phrase
 * ("2026年6月底前完成主体施工"). Ongoing work (持续推进, 长期坚持) has no date.
 */
export function parseDivisionDeadline(text: string, year: number): DeadlineCell {
  const compact = text.replace(/\s+/g, '').replace(/[。.；;，,]+$/u, '');
  const plain = compact.replace(
    /(前)?(完成|完工|建成|落实|实现|到位|见效)$/u,
    (_, before: string | undefined) => before ?? '',
  );
  for (const form of [compact, plain, plain.replace(/^(于|在|到|至)/u, '')]) {
    const cell = parseDeadlineCell(form, year);
    if (cell.ok) return cell;
  }
  if (/^(\d{4}年)?(长期|持续|常态化)/u.test(compact)) return { ok: true, date: null };
  const found = findDeadline(compact, year);
  return found?.date ? { ok: true, date: found.date } : { ok: false };
}
