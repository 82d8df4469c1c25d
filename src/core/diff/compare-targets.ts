import { COMPARATOR_SIGN, type Target } from '../target.js';
import { bigramSet, dice } from './bigrams.js';

/** How a quantitative target moved between two documents. */
export type TargetMovement =
  | 'raised' // the number went up ("5000 → 6500 个")
  | 'lowered' // the number went down
  | 'unchanged' // same number, same comparator
  | 'changed' // same number, different comparator or range ("左右" → "以上")
  | 'new' // only in the later document
  | 'dropped'; // only in the earlier document

export interface TargetDiff {
  movement: TargetMovement;
  subject: string;
  unit: string;
  before?: Target;
  after?: Target;
  /** One line for people: "中小学学位 5000 → 6500 个". */
  summary: string;
}

/** Subjects must share at least this much (bigram Dice) for two targets to be the same target. */
export const MIN_SUBJECT_SIMILARITY = 0.5;

/** Write a number the way reports do: 12000000 → "1200万", 1.4e12 → "1.4万亿". */
export function formatQuantity(value: number): string {
  const scales: [number, string][] = [
    [1e12, '万亿'],
    [1e8, '亿'],
    [1e4, '万'],
  ];
  for (const [scale, name] of scales) {
    if (Math.abs(value) >= scale) {
      const scaled = value / scale;
      const rounded = Math.round(scaled * 10000) / 10000;
      if (Math.abs(rounded - scaled) < 1e-9 || Math.abs(value) >= scale * 10) return `${rounded}${name}`;
    }
  }
  return String(Math.round(value * 10000) / 10000);
}

/** "≥1200万", "6–6.5", "约5". */
export function formatTargetValue(target: Target): string {
  if (target.comparator === 'between' && target.max !== undefined) {
    return `${formatQuantity(target.value)}–${formatQuantity(target.max)}`;
  }
  return `${COMPARATOR_SIGN[target.comparator]}${formatQuantity(target.value)}`;
}

function movementOf(before: Target, after: Target): TargetMovement {
  const byValue = Math.sign(after.value - before.value) || Math.sign((after.max ?? 0) - (before.max ?? 0));
  if (byValue > 0) return 'raised';
  if (byValue < 0) return 'lowered';
  return before.comparator === after.comparator ? 'unchanged' : 'changed';
}

/** Compare one target with its counterpart; either side may be missing. */
export function compareTarget(before: Target | undefined, after: Target | undefined): TargetDiff {
  const reference = after ?? before;
  if (!reference) throw new TypeError('compareTarget needs at least one target');
  const subject = reference.subject || reference.text;
  const unit = reference.unit;
  const movement: TargetMovement = before && after ? movementOf(before, after) : before ? 'dropped' : 'new';
  const from = before ? formatTargetValue(before) : '—';
  const to = after ? formatTargetValue(after) : '—';
  const summary =
    movement === 'new'
      ? `${subject} 新增 ${to} ${unit}`
      : movement === 'dropped'
        ? `${subject} 不再提出（原 ${from} ${unit}）`
        : `${subject} ${from} → ${to} ${unit}`;
  return { movement, subject, unit, ...(before ? { before } : {}), ...(after ? { after } : {}), summary };
}

/** How alike two targets are as "the same promise": 0 when units differ. */
export function targetAffinity(a: Target, b: Target): number {
  if (a.unit !== b.unit) return 0;
  const subjectSimilarity =
    a.subject && b.subject
      ? dice(bigramSet(a.subject), bigramSet(b.subject))
      : a.subject === b.subject
        ? 0.5
        : 0;
  if (subjectSimilarity < MIN_SUBJECT_SIMILARITY) return 0;
  return subjectSimilarity + (a.change === b.change ? 0.1 : 0);
}

/**
 * Pair the targets of two sentences (or two whole documents) by subject and unit, best pairs
 * first. Returns the pairs and what is left on each side.
 */
export function pairTargets<T extends Target>(
  before: readonly T[],
  after: readonly T[],
): { pairs: [T, T][]; dropped: T[]; added: T[] } {
  const candidates: { i: number; j: number; score: number }[] = [];
  before.forEach((a, i) => {
    after.forEach((b, j) => {
      const score = targetAffinity(a, b);
      if (score > 0) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: [T, T][] = [];
  for (const { i, j } of candidates) {
    if (usedBefore.has(i) || usedAfter.has(j)) continue;
    usedBefore.add(i);
    usedAfter.add(j);
    pairs.push([before[i]!, after[j]!]);
  }
  return {
    pairs,
    dropped: before.filter((_, i) => !usedBefore.has(i)),
    added: after.filter((_, j) => !usedAfter.has(j)),
  };
}
