import { bigramSet, containment, dice } from '../diff/bigrams.js';
import type { AnalyzeSentence } from '../diff/diff-reports.js';
import { collectItems } from '../diff/report-items.js';
import type { ReportTree, Span } from '../report-tree.js';
import type { Target } from '../target.js';
import { collectReviewSentences } from './collect-achievements.js';
import { judgePromise, type PromiseVerdict } from './judge-promise.js';

/** One side of a link: the sentence, where it is, and the number in it. */
export interface PromiseSide {
  sentence: string;
  /** Offsets of the sentence in its report's normalised text. */
  span: Span;
  target: Target;
}

/** 承诺 ↔ 兑现: a target of year Y and what year Y+1's review says about it. */
export interface PromiseLink {
  promise: PromiseSide;
  achievement?: PromiseSide;
  verdict: PromiseVerdict;
  /** How sure the link is, 0‥1 (subject agreement). */
  confidence: number;
}

export interface PromiseReport {
  promised: { title: string; year?: number };
  reviewed: { title: string; year?: number };
  links: PromiseLink[];
  counts: Record<PromiseVerdict, number>;
}

export interface TrackOptions {
  analyze: AnalyzeSentence;
  /** Links less sure than this are not made; the promise is then "not reported". */
  minConfidence?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.6;
/** How many characters before a reported number may name what it measures. */
const CONTEXT_CHARS = 20;
/** A subject may also follow the number inside its clause ("97%门诊量", "为380个老旧小区引入物业服务"). */
const TRAILING_CHARS = 8;
/**
 * Review sections also announce goals (the next five-year plan's 主要指标, 年均增速4.5%-5%):
 * a number preceded in its sentence by talk of goals, plans or striving states no achievement.
 */
const FORWARD_LOOKING = /目标|预期|指标|规划|纲要|力争|年均|到20\d\d年/;

/** Weight of the surrounding words when several statements fit the subject equally well. */
const SURROUNDING_WEIGHT = 0.05;

interface Candidate extends PromiseSide {
  /** Grams of the extractor's subject, of the words around the number, and of the clause it sits in. */
  subjectGrams: Set<string>;
  contextGrams: Set<string>;
  surroundingGrams: Set<string>;
}

/** The words just before a number and the rest of its clause after it. */
function contextOf(sentence: string, span: readonly [number, number]): string {
  const before = sentence.slice(Math.max(0, span[0] - CONTEXT_CHARS), span[0]);
  const after = sentence.slice(span[1], span[1] + TRAILING_CHARS).split(/[，。；、！？,;]/)[0] ?? '';
  return `${before}|${after}`;
}

/** A tighter window than `contextOf`, to tell apart statements that all name the subject. */
function surroundingOf(sentence: string, span: readonly [number, number]): string {
  const after = sentence.slice(span[1], span[1] + TRAILING_CHARS * 2).split(/[，。；！？,;]/)[0] ?? '';
  return `${sentence.slice(Math.max(0, span[0] - 12), span[0])}|${after}`;
}

function subjectOrContext(side: PromiseSide): string {
  if (side.target.subject) return side.target.subject;
  return side.sentence.slice(Math.max(0, side.target.span[0] - CONTEXT_CHARS), side.target.span[0]);
}

/**
 * How surely a reported number speaks of the promised one: the units must agree, and the
 * promise's subject must be the subject the extractor read for the report's number, or be
 * found in the words just before that number ("国内生产总值达到134.9万亿元、增长5%").
 */
function linkConfidence(
  promise: PromiseSide,
  promiseGrams: Set<string>,
  promiseSurrounding: Set<string>,
  candidate: Candidate,
): number {
  if (promise.target.unit !== candidate.target.unit) return 0;
  const bySubject = dice(promiseGrams, candidate.subjectGrams);
  const byContext = containment(promiseGrams, candidate.contextGrams);
  const agreement = Math.max(bySubject, byContext);
  const sameKind = promise.target.change === candidate.target.change ? 1 : 0.9;
  const surrounding = dice(promiseSurrounding, candidate.surroundingGrams);
  // Not capped at 1: the surrounding words must still break ties between perfect subject matches.
  return agreement * sameKind + SURROUNDING_WEIGHT * surrounding;
}

/**
 * Link the quantitative targets of one report (year Y) to the results the next report's review
 * (year Y+1) states, and judge each one met, not met or not reported.
 */
export function trackPromises(
  promised: ReportTree,
  reviewed: ReportTree,
  options: TrackOptions,
): PromiseReport {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const promises: PromiseSide[] = [];
  for (const item of collectItems(promised)) {
    for (const target of options.analyze(item.text).targets) {
      promises.push({ sentence: item.text, span: item.span, target });
    }
  }
  const candidates: Candidate[] = [];
  for (const sentence of collectReviewSentences(reviewed)) {
    for (const target of options.analyze(sentence.text).targets) {
      if (target.comparator === 'between' || FORWARD_LOOKING.test(sentence.text.slice(0, target.span[0])))
        continue;
      candidates.push({
        sentence: sentence.text,
        span: sentence.span,
        target,
        subjectGrams: bigramSet(target.subject),
        contextGrams: bigramSet(contextOf(sentence.text, target.span)),
        surroundingGrams: bigramSet(surroundingOf(sentence.text, target.span)),
      });
    }
  }

  const links: PromiseLink[] = promises.map((promise) => {
    const grams = bigramSet(subjectOrContext(promise));
    const surrounding = bigramSet(surroundingOf(promise.sentence, promise.target.span));
    let best: Candidate | undefined;
    let bestConfidence = 0;
    for (const candidate of candidates) {
      const confidence = linkConfidence(promise, grams, surrounding, candidate);
      if (confidence > bestConfidence) {
        best = candidate;
        bestConfidence = confidence;
      }
    }
    if (!best || bestConfidence < minConfidence) {
      return { promise, verdict: 'not-reported', confidence: round(bestConfidence) };
    }
    const achievement: PromiseSide = { sentence: best.sentence, span: best.span, target: best.target };
    return {
      promise,
      achievement,
      verdict: judgePromise(promise.target, best.target),
      confidence: round(bestConfidence),
    };
  });

  const counts: Record<PromiseVerdict, number> = { met: 0, 'not-met': 0, 'not-reported': 0 };
  for (const link of links) counts[link.verdict]++;
  return { promised: metaOf(promised), reviewed: metaOf(reviewed), links, counts };
}

function metaOf(tree: ReportTree): { title: string; year?: number } {
  return { title: tree.meta.title, ...(tree.meta.year ? { year: tree.meta.year } : {}) };
}

function round(value: number): number {
  return Math.round(Math.min(1, value) * 1000) / 1000;
}
