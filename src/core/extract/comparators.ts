import type { Comparator } from '../target.js';

/**
 * Comparators come from the words around a number: a suffix right after the unit (以上, 以内,
 * 左右) or a cue right before the number (不少于, 超过, 约). A suffix wins over a prefix because
 * it is the more specific of the two ("力争达到30%以上" is ">=").
 */

/** Suffixes, longest first. 多/余 after the unit ("1300场多") read as "more than". */
const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', '>='],
  ['及以下', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['左右', '~'],
  ['上下', '~'],
  ['多', '>'],
  ['余', '>'],
  ['内', '<='],
];

export interface SuffixMatch {
  comparator: Comparator;
  text: string;
  end: number;
}

/** Characters after 上下, 多/余 and 内 that make them part of a word (上下游, 多元, 内容). */
const NOT_AFTER_SHANGXIA = /[肢游级层班楼联功]/;
const NOT_AFTER_DUO = /[元样种次个彩方家年额量数项渠措举点式层功媒边赢重维部]/;
const NOT_AFTER_NEI = /[容部涵在外陆地蒙河江]/;

/** Reads a comparator suffix starting at `pos` ("以上" → ">="), or null. */
export function readComparatorSuffix(text: string, pos: number): SuffixMatch | null {
  for (const [surface, comparator] of SUFFIXES) {
    if (text.startsWith(surface, pos)) {
      // 上下 is also a noun ("上下肢", "上下游"); 多 and 余 start words too ("多元", "余额").
      const after = pos + surface.length;
      const next = after < text.length ? (text[after] as string) : '';
      if (surface === '上下' && NOT_AFTER_SHANGXIA.test(next)) return null;
      if ((surface === '多' || surface === '余') && NOT_AFTER_DUO.test(next)) {
        return null;
      }
      if (surface === '内' && NOT_AFTER_NEI.test(next)) return null;
      return { comparator: surface === '内' ? '<=' : comparator, text: surface, end: pos + surface.length };
    }
  }
  return null;
}

/** Cues right before a number, longest first, with the characters that may not precede them. */
const PREFIXES: ReadonlyArray<readonly [string, Comparator, string?]> = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['力争达到', '>='],
  ['力争超过', '>'],
  ['达到', '>=', '未'],
  ['至少', '>='],
  ['最少', '>='],
  ['超过', '>'],
  ['超出', '>'],
  ['突破', '>', '新'],
  ['多于', '>'],
  ['高于', '>'],
  ['大于', '>'],
  ['最多', '<='],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['控制在', '<='],
  ['接近', '~'],
  ['将近', '~'],
  ['大约', '~'],
  ['约为', '~'],
  ['逾', '>'],
  ['超', '>', '赶高'],
  ['达', '>=', '下到表传送发通抵直高转雷'],
  ['约', '~', '制节公条签预契规相'],
  ['近', '~', '最接靠附将邻临就新'],
];

export interface PrefixMatch {
  comparator: Comparator;
  text: string;
  start: number;
}

/**
 * Reads a comparator cue that ends exactly at `pos` ("不少于|1.5万人" → ">="), or null.
 */
export function readComparatorPrefix(text: string, pos: number): PrefixMatch | null {
  if (pos <= 0 || pos > text.length) return null;
  const candidates = PREFIXES_BY_LAST.get(text.charCodeAt(pos - 1));
  if (candidates === undefined) return null;
  for (const [surface, comparator, notAfter] of candidates) {
    const start = pos - surface.length;
    if (start < 0 || !text.startsWith(surface, start)) continue;
    const before = start > 0 ? text[start - 1] : undefined;
    if (notAfter !== undefined && before !== undefined && notAfter.includes(before)) continue;
    return { comparator, text: surface, start };
  }
  return null;
}

/** PREFIXES grouped by their last character, longest first within a group. */
const PREFIXES_BY_LAST = new Map<number, Array<(typeof PREFIXES)[number]>>();
for (const entry of PREFIXES) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  PREFIXES_BY_LAST.set(last, [...(PREFIXES_BY_LAST.get(last) ?? []), entry]);
}
for (const list of PREFIXES_BY_LAST.values()) list.sort((a, b) => b[0].length - a[0].length);

/** Cues strong enough to reach over a short phrase: "不低于当地最低生活保障标准的1.6倍". */
const DISTANT = /(不少于|不低于|不超过|不高于|至少|控制在)[^，。；：,;:！？!?0-9]{1,20}$/;

/** A strong comparator cue earlier in the clause, separated from the number by a short phrase. */
export function readDistantComparator(clauseBefore: string): Comparator | null {
  const match = DISTANT.exec(clauseBefore);
  if (match === null) return null;
  const cue = match[1];
  return cue === '不少于' || cue === '不低于' || cue === '至少' ? '>=' : '<=';
}
