import { textSimilarity } from '../diff/bigrams.js';
import type { Target } from '../target.js';

/** A stored target of a task that continues into the new revision. */
export interface ExistingTarget {
  id: number;
  unit: string;
  subject: string;
  /** Edited by hand, or added by hand: a person's word outranks the extractor's. */
  edited: boolean;
}

export interface TargetMergePlan {
  /** Unedited stored targets that take the new extracted values (same id: progress stays linked). */
  update: { id: number; target: Target; ordinal: number }[];
  /** New targets the task did not have. */
  insert: { target: Target; ordinal: number }[];
  /** Unedited stored targets the new text no longer states. */
  archive: number[];
  /** Stored targets left as they are (hand-edited ones). */
  keep: number[];
}

function sameQuantity(old: ExistingTarget, target: Target): number {
  if (old.unit !== target.unit) return 0;
  return 0.5 + textSimilarity(old.subject, target.subject) / 2;
}

/**
 * Merges the targets re-extracted from a reworded task into its stored targets, pure. Targets
 * are paired by unit and subject; hand-edited targets are kept as the person left them (and
 * absorb their counterpart, so nothing is doubled); unedited ones take the new values.
 */
export function mergeTargets(
  existing: readonly ExistingTarget[],
  extracted: readonly Target[],
): TargetMergePlan {
  const pairs: { old: number; next: number; score: number }[] = [];
  existing.forEach((old, i) => {
    extracted.forEach((target, j) => {
      const score = sameQuantity(old, target);
      if (score > 0) pairs.push({ old: i, next: j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.old - b.old || a.next - b.next);
  const oldUsed = new Set<number>();
  const nextUsed = new Set<number>();
  const plan: TargetMergePlan = { update: [], insert: [], archive: [], keep: [] };
  for (const pair of pairs) {
    if (oldUsed.has(pair.old) || nextUsed.has(pair.next)) continue;
    oldUsed.add(pair.old);
    nextUsed.add(pair.next);
    const old = existing[pair.old]!;
    if (old.edited) plan.keep.push(old.id);
    else plan.update.push({ id: old.id, target: extracted[pair.next]!, ordinal: pair.next });
  }
  existing.forEach((old, i) => {
    if (oldUsed.has(i)) return;
    if (old.edited) plan.keep.push(old.id);
    else plan.archive.push(old.id);
  });
  extracted.forEach((target, j) => {
    if (!nextUsed.has(j)) plan.insert.push({ target, ordinal: j });
  });
  return plan;
}
