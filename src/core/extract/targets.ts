import type { Comparator, Target } from '../target.js';
import { detectChange } from './change.js';
import { charAt } from './char-at.js';
import { type PrefixMatch, readComparatorPrefix, readDistantComparator } from './comparators.js';
import {
  hasCountCue,
  inRanges,
  isCodeOrOrdinal,
  isVagueMultiplier,
  isYearNumber,
  quotedRanges,
  startsNoun,
} from './identifiers.js';
import { type Quantity, scanQuantities } from './quantities.js';
import { findSubject } from './subject.js';

/**
 * From quantities to targets: drops names and qualifiers, then gives each target its comparator,
 * change and subject from the clause around it.
 */

const CLAUSE_BREAK = '，。；：,;:！？!?\n';
const QUOTES = /[“”「」『』‘’《》〈〉"]/;
const LIST_JOINERS = '、和及与或';

/** Nouns naming a class of units that an amount of money can qualify: 亿元以上|项目, 超百亿元|企业. */
const CLASS_NOUN =
  /^[^用支投实带完建开推促提确保增加达到惠覆落纳引安吸让使助帮服改整治升占居于为的，。；、,;]{0,4}?(企业|项目|产业|集群|园区|镇|县|村|城市|公司|工程|平台|单位|基地|商圈|街区|景区|楼宇|大户|主体)/;

/** Verbs that may follow 以上/以下 and start a predicate rather than a noun phrase. */
const VERB_START = '用支投实带完建开推促提确保增加达到惠覆落纳引安吸让使助帮服改整治升占居';

function startsNounPhrase(text: string, pos: number): boolean {
  return startsNoun(text, pos) && !VERB_START.includes(text[pos] as string);
}

/** Units that grade equipment and plants (30万千瓦以下煤电机组), unlike extents (平方米, 公里). */
const CAPACITY_UNITS = new Set([
  '千瓦',
  '兆瓦',
  '吉瓦',
  '千伏',
  '吨',
  '吨标准煤',
  '千瓦时',
  '标箱',
  '吨/日',
  '吨/年',
]);

/** Verbs that move a value from a baseline to a new level: 从 20% |降至| 16%. */
const TRANSITION =
  /提高到|提高至|提升到|提升至|增加到|增加至|增至|上升到|上升至|扩大到|扩大至|跃升到|跃升至|降至|降到|下降到|下降至|减少到|减少至|缩小到|缩小至|缩减到|缩减至|压缩到|压缩至|缩至|调整到|调整至|调整为|延长到|延长至|缩短到|缩短至/;

function clauseStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !CLAUSE_BREAK.includes(text[i - 1] as string)) i--;
  return i;
}

function atClauseEnd(text: string, pos: number): boolean {
  const next = charAt(text, pos);
  return next === '' || CLAUSE_BREAK.includes(next);
}

function clauseEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !CLAUSE_BREAK.includes(text[i] as string)) i++;
  return i;
}

/** Suffixes that bound a class (亿元以上项目). */
const BOUND_SUFFIX = /^(及?以上|及?以下|以内)$/;
/** Words before a duration that make it a circumstance: 连续9年, 时隔5年. */
const CIRCUMSTANCE_CUE = /连续|时隔|历时|提前|延长|前后/;
const ENDS_TO = /[到至]$/;
/** After a duration: 近50年来, 3年以来, 5年后. */
const SINCE = /^(来|以来|后)/;
/** A rate's denominator before a number: 每千人. */
const PER_CAPITA = /每[十百千万]?[人户]$/;
/** A character that glues a bare multiplier to a following word (百场艺术, 万元GDP). */
const GLUING = /[\u4e00-\u9fffA-Za-z0-9]/;

/**
 * A class qualifier rather than a target: 亿元以上项目, 3岁以下婴幼儿, 30万千瓦以下煤电机组,
 * 年营业收入超10亿元企业, 万吨级, 24小时活力街区, 5分钟响应覆盖率, 50米内换乘比例.
 */
function isQualifier(text: string, q: Quantity, prefix: PrefixMatch | null): boolean {
  if (charAt(text, q.unitEnd) === '级' || charAt(text, q.end) === '级') return true;
  if (q.kind === 'count' || q.kind === 'percent' || q.kind === 'ratio') return false;
  const next = charAt(text, q.end) === '的' ? q.end + 1 : q.end;
  // 50米内换乘比例, 15分钟内响应率: a distance or time limit that defines a metric.
  if (q.suffix === '内' && startsNoun(text, next)) return true;
  const bounded = q.suffix !== null && BOUND_SUFFIX.test(q.suffix);
  // 亿元以上项目, 年营业收入超10亿元企业 — but 突破2000亿元大关 and 10亿元以上用于… are amounts.
  if (q.kind === 'money') {
    const qualifying = bounded || (q.suffix === null && prefix?.comparator === '>');
    return qualifying && CLASS_NOUN.test(text.slice(next, next + 8));
  }
  // 3岁以下婴幼儿, 30万千瓦以下煤电机组 — but 900公顷以上特色花海 measures the sea of flowers.
  const graded = q.kind !== 'measure' || CAPACITY_UNITS.has(q.unit);
  if (bounded && graded && startsNounPhrase(text, next)) return true;
  // 24小时活力街区, 5分钟响应覆盖率, 0—6岁儿童.
  return (q.kind === 'age' || q.kind === 'duration') && q.suffix === null && startsNounPhrase(text, q.end);
}

/** 从 20% 降至 16%: the number before the transition verb is the baseline, not the target. */
function isBaseline(text: string, q: Quantity, from: number, to: number): boolean {
  const before = text.slice(from, q.numStart);
  const marker = Math.max(
    before.lastIndexOf('从'),
    before.lastIndexOf('由'),
    before.lastIndexOf('将'),
    before.lastIndexOf('现行'),
  );
  if (marker < 0 || TRANSITION.test(before.slice(marker))) return false;
  return TRANSITION.test(text.slice(q.end, to));
}

/** Durations and ages that are the circumstances of a fact: 连续9年, 时隔5年, 近50年来. */
function isCircumstance(text: string, q: Quantity, prefix: PrefixMatch | null): boolean {
  if (q.kind !== 'duration') return false;
  const before = text.slice(Math.max(0, q.numStart - 2), q.numStart);
  if (CIRCUMSTANCE_CUE.test(before)) return true;
  if (q.unit === '年') {
    if (isYearNumber(q.value, q.numeral) || q.value >= 150) return true;
    // A count of years is a target only as a level: 平均受教育年限提高到10.5年.
    const cue = text.slice(Math.max(0, q.numStart - 2), q.numStart);
    return !(ENDS_TO.test(cue) || prefix?.text === '达到');
  }
  return SINCE.test(text.slice(q.end, q.end + 2));
}

/** A measure right before one of these names a programme: 0.1微克攻坚行动. */
const PROGRAMME_NAME = /^(攻坚|行动|工程|计划|战略)/;

/** Set phrases built from numerals that count nothing: 千家万户, 千方百计. */
const IDIOMS =
  /千家万户|千方百计|千行百业|千军万马|成千上万|万无一失|千千万万|万众一心|万家灯火|千村万户|百县千镇万村|56个民族/g;

function idiomRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  IDIOMS.lastIndex = 0;
  for (let match = IDIOMS.exec(text); match !== null; match = IDIOMS.exec(text)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** The comparator cue before a number, looking past a rate's denominator: 超|每千人|6.5批次. */
function readPrefix(text: string, numStart: number): PrefixMatch | null {
  const direct = readComparatorPrefix(text, numStart);
  if (direct !== null) return direct;
  const per = PER_CAPITA.exec(text.slice(Math.max(0, numStart - 3), numStart));
  return per === null ? null : readComparatorPrefix(text, numStart - per[0].length);
}

interface Accepted {
  target: Target;
  clause: number;
  prefixComparator: Comparator | null;
  /** The comparator its own suffix gave (左右, 以上…), if any. */
  suffixComparator: Comparator | null;
  /** Offset just after the quantity (and its suffix). */
  end: number;
}

/** Names that hold a count: 创新创业青年50人论坛, 中国经济50人论坛, 百人会. */
const NAMED_GATHERING = /^(论坛|峰会|沙龙|联盟|大会|年会|研讨会|俱乐部)/;

/**
 * "城乡居民收入分别增长5.2%、8%左右": a closing 左右/以上 after a 分别 list applies to every
 * item of the list that has no comparator of its own.
 */
function spreadListComparator(text: string, accepted: Accepted[]): void {
  for (let i = accepted.length - 1; i > 0; i--) {
    const last = accepted[i] as Accepted;
    if (last.suffixComparator === null || last.suffixComparator === 'between') continue;
    const listStart = text.lastIndexOf('分别', last.target.span[0]);
    if (listStart < last.clause) continue;
    for (let j = i - 1; j >= 0; j--) {
      const item = accepted[j] as Accepted;
      if (item.target.span[0] < listStart || item.clause !== last.clause) break;
      if (!LIST_JOINERS.includes(charAt(text, item.end))) break;
      if (item.suffixComparator !== null || item.prefixComparator !== null) break;
      item.target.comparator = last.suffixComparator;
    }
  }
}

/**
 * The quantitative targets in `text` (the half-width copy of `original`; both have the same
 * length, so spans index either).
 */
export function extractTargets(text: string, original: string): Target[] {
  const quantities = scanQuantities(text);
  if (quantities.length === 0) return [];
  const quoted = QUOTES.test(text) ? quotedRanges(text) : [];
  const idioms = idiomRanges(text);
  const accepted: Accepted[] = [];
  for (const q of quantities) {
    if (inRanges(quoted, q.numStart) || inRanges(idioms, q.numStart)) continue;
    if (isCodeOrOrdinal(text, q.numStart, q.numEnd)) continue;
    if (charAt(text, q.numStart - 1) === '前') continue; // rankings: 前三位, 排名前万分之一
    if (q.kind !== 'count' && PROGRAMME_NAME.test(text.slice(q.end, q.end + 2))) continue;
    const prefix = readPrefix(text, q.numStart);
    if (q.kind === 'count' && prefix === null && NAMED_GATHERING.test(text.slice(q.end, q.end + 3))) continue;
    // 百场艺术精品展演, 万元GDP能耗: a bare multiplier counts only after a cue or before a boundary.
    const glued = GLUING.test(charAt(text, q.end));
    const cue = hasCountCue(text, q.numStart);
    if (
      q.bare &&
      (isVagueMultiplier(text, q.numStart) || (prefix === null && glued && q.comparator !== '>'))
    ) {
      continue;
    }
    // Small Chinese numerals name things (两个维护, 三项工程, 十件实事) unless a verb counts with
    // them (新增两个) or they close the clause (新建幼儿园两所。).
    if (q.small && isVagueMultiplier(text, q.numStart)) continue; // 几十个, 数十家
    if (q.small && q.kind !== 'percent' && !(cue && charAt(text, q.end) !== '“') && !atClauseEnd(text, q.end))
      continue;
    if (isCircumstance(text, q, prefix)) continue;
    if (isQualifier(text, q, prefix)) continue;
    const from = clauseStart(text, q.numStart);
    const to = clauseEnd(text, q.end);
    if (isBaseline(text, q, from, to)) continue;

    const start = prefix?.start ?? q.numStart;
    const clauseBefore = text.slice(from, start);
    let comparator: Comparator | null =
      q.comparator ?? prefix?.comparator ?? readDistantComparator(clauseBefore);
    const previous = accepted[accepted.length - 1];
    if (
      comparator === null &&
      previous !== undefined &&
      previous.clause === from &&
      previous.prefixComparator !== null &&
      LIST_JOINERS.includes(charAt(text, q.numStart - 1))
    ) {
      comparator = previous.prefixComparator;
    }
    let subject = findSubject(text, start, q.end);
    // 比上年增加1.6万亿元: an increment of the quantity named just before.
    if (subject === '' && previous !== undefined) subject = previous.target.subject;
    const target: Target = {
      value: q.value,
      unit: q.unit,
      comparator: comparator ?? '=',
      change: detectChange(clauseBefore, q.kind),
      subject,
      text: original.slice(start, q.end),
      span: [start, q.end],
    };
    if (q.max !== undefined) target.max = q.max;
    accepted.push({
      target,
      clause: from,
      prefixComparator: q.comparator === null ? (prefix?.comparator ?? null) : null,
      suffixComparator: q.comparator,
      end: q.end,
    });
  }
  if (text.includes('分别')) spreadListComparator(text, accepted);
  // A plain array built by push, like the `[]` returned when there is nothing: callers see two
  // array shapes rather than the three that `map` would add (empty and non-empty holey arrays).
  const targets: Target[] = [];
  for (const entry of accepted) targets.push(entry.target);
  return targets;
}
