import { toHalfWidth } from '../extract/numerals.js';

/** A report task as matching sees it: its `index` (as `luoshi extract` prints it) and sentence. */
export interface MatchTask {
  index: string;
  text: string;
}

export interface MatchCandidate {
  index: string;
  /** 0..1: how much of the row the task carries (or of the task the row carries), plus shared numbers. */
  score: number;
}

/** matched: the row covers `matches`; ambiguous: the office must choose among `candidates`. */
export type MatchStatus = 'matched' | 'ambiguous' | 'unmatched';

export interface RowMatch {
  status: MatchStatus;
  matches: string[];
  /** Near misses and the matches themselves, best first, with scores. */
  candidates: MatchCandidate[];
}

/** A score from which a task is taken as covered by the row. */
export const MATCH_SCORE = 0.55;
/** A score from which a task is offered as a candidate. */
export const CANDIDATE_SCORE = 0.3;
/** How far ahead of the next candidate a lone best task must be to be taken without asking. */
const MARGIN = 0.12;
const MAX_CANDIDATES = 5;

interface Features {
  grams: Set<string>;
  numbers: Set<string>;
}

/** Character bigrams of the CJK and alphanumeric runs (punctuation splits runs). */
function featuresOf(text: string): Features {
  const half = toHalfWidth(text);
  const grams = new Set<string>();
  for (const run of half.match(/[\u4e00-\u9fffA-Za-z0-9.%]+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(run);
    for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  }
  const numbers = new Set<string>();
  for (const match of half.matchAll(/\d+(?:\.\d+)?(?!\d)(?!年)/gu)) numbers.add(match[0]);
  return { grams, numbers };
}

/** An inverted index of the report's tasks, built once and used for every row. */
export interface TaskMatcher {
  match(text: string): RowMatch;
}

/**
 * Builds a matcher over the report's tasks. A row is compared with every task that shares a
 * bigram: the shared bigrams, weighted by how rare they are among the tasks (IDF), over the row's
 * weight (the row is part of the task) or over the task's (the task is part of the row), plus a
 * bonus when both carry the same numbers (25万平方米 ↔ 25万平方米). Many tasks can be matched by
 * one row and one task by many rows; close calls are left to the office as `ambiguous`.
 */
export function buildTaskMatcher(tasks: readonly MatchTask[]): TaskMatcher {
  const features = tasks.map((task) => featuresOf(task.text));
  const postings = new Map<string, number[]>();
  features.forEach((feature, taskIndex) => {
    for (const gram of feature.grams) {
      const list = postings.get(gram);
      if (list) list.push(taskIndex);
      else postings.set(gram, [taskIndex]);
    }
  });
  const total = Math.max(1, tasks.length);
  const idf = (gram: string): number => Math.log(1 + total / (postings.get(gram)?.length ?? 0.5));
  const taskWeight = features.map((feature) => {
    let sum = 0;
    for (const gram of feature.grams) sum += idf(gram);
    return sum || 1;
  });

  return {
    match(text: string): RowMatch {
      const row = featuresOf(text);
      let rowWeight = 0;
      const shared = new Map<number, number>();
      for (const gram of row.grams) {
        const weight = idf(gram);
        rowWeight += weight;
        for (const taskIndex of postings.get(gram) ?? []) {
          shared.set(taskIndex, (shared.get(taskIndex) ?? 0) + weight);
        }
      }
      const scored: { index: string; score: number; taskCover: number }[] = [];
      for (const [taskIndex, weight] of shared) {
        const task = features[taskIndex] as Features;
        const rowCover = weight / (rowWeight || 1);
        const taskCover = weight / (taskWeight[taskIndex] as number);
        let score = Math.max(rowCover, taskCover * 0.95);
        if (row.numbers.size > 0 && task.numbers.size > 0) {
          const common = [...row.numbers].filter((n) => task.numbers.has(n)).length;
          score += common > 0 ? 0.25 * (common / row.numbers.size) : -0.1;
        }
        score = Math.min(1, Math.max(0, score));
        if (score >= CANDIDATE_SCORE) {
          scored.push({ index: (tasks[taskIndex] as MatchTask).index, score, taskCover });
        }
      }
      scored.sort((a, b) => b.score - a.score || compareIndex(a.index, b.index));
      const candidates = scored
        .slice(0, MAX_CANDIDATES)
        .map(({ index, score }) => ({ index, score: Math.round(score * 1000) / 1000 }));
      return decide(scored, candidates);
    },
  };
}

function decide(
  scored: readonly { index: string; score: number; taskCover: number }[],
  candidates: MatchCandidate[],
): RowMatch {
  const best = scored[0];
  if (!best) return { status: 'unmatched', matches: [], candidates };
  if (best.score < MATCH_SCORE) return { status: 'ambiguous', matches: [], candidates };
  const strong = scored.filter((s) => s.score >= MATCH_SCORE);
  // A row that spells out most of several tasks covers them all.
  const whole = strong.filter((s) => s.taskCover >= 0.6);
  if (whole.length > 1 && whole[0] === best) {
    return { status: 'matched', matches: whole.map((s) => s.index).sort(compareIndex), candidates };
  }
  const second = scored[1];
  if (second === undefined || best.score - second.score >= MARGIN) {
    return { status: 'matched', matches: [best.index], candidates };
  }
  return { status: 'ambiguous', matches: [], candidates };
}

/** "1.2.10" after "1.2.9". */
export function compareIndex(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
