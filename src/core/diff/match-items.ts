import { bigramSet } from './bigrams.js';

/** One pairing of an item of the earlier list with an item of the later list. */
export interface ItemMatch {
  before: number;
  after: number;
  /** Bigram similarity of the two texts, 0‥1 (Dice, or discounted containment for an extended sentence). */
  similarity: number;
}

export interface MatchOptions {
  /** Pairs less similar than this are not matched at all. */
  minSimilarity?: number;
  /** How much agreeing relative position (both near the start, both near the end) adds to a pair's score. */
  positionWeight?: number;
}

export const DEFAULT_MIN_SIMILARITY = 0.4;
const DEFAULT_POSITION_WEIGHT = 0.15;

/** A sentence needs this many bigrams before its containment in a longer one counts as meaning. */
const MIN_GRAMS_FOR_CONTAINMENT = 8;
/** Containment is discounted against Dice: a sentence that grew is reworded, not the same. */
const CONTAINMENT_WEIGHT = 0.85;

/**
 * Dice, or — when one sentence was extended with new clauses ("深化国际消费中心城市建设，开展…"
 * → "深化国际消费中心城市建设，优化商业载体布局，…") — the share of the shorter one found in the
 * longer, discounted. Short sentences rely on Dice alone: a short phrase is contained everywhere.
 */
function pairSimilarity(shared: number, sizeA: number, sizeB: number): number {
  const dice = (2 * shared) / (sizeA + sizeB);
  const shorter = Math.min(sizeA, sizeB);
  if (shorter < MIN_GRAMS_FOR_CONTAINMENT) return Math.min(1, dice);
  return Math.min(1, Math.max(dice, (CONTAINMENT_WEIGHT * shared) / shorter));
}

function relativePosition(index: number, length: number): number {
  return length <= 1 ? 0.5 : index / (length - 1);
}

/**
 * Pair items of two ordered lists by meaning (character-bigram Dice) and position. Each item is
 * matched at most once; the best-scoring pairs win first, so a sentence that survives almost
 * verbatim is never stolen by a merely similar one. Candidates come from an inverted gram index,
 * so long reports do not cost a full cross product of Dice computations.
 */
export function matchItems(
  before: readonly string[],
  after: readonly string[],
  options: MatchOptions = {},
): ItemMatch[] {
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const positionWeight = options.positionWeight ?? DEFAULT_POSITION_WEIGHT;
  const beforeGrams = before.map(bigramSet);
  const afterGrams = after.map(bigramSet);

  const postings = new Map<string, number[]>();
  afterGrams.forEach((grams, j) => {
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list) list.push(j);
      else postings.set(gram, [j]);
    }
  });

  const candidates: { before: number; after: number; similarity: number; score: number }[] = [];
  beforeGrams.forEach((grams, i) => {
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const j of postings.get(gram) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) {
      const other = afterGrams[j]!;
      const similarity = before[i] === after[j] ? 1 : pairSimilarity(count, grams.size, other.size);
      if (similarity < minSimilarity) continue;
      const distance = Math.abs(relativePosition(i, before.length) - relativePosition(j, after.length));
      candidates.push({
        before: i,
        after: j,
        similarity,
        score: similarity + positionWeight * (1 - distance),
      });
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.before - y.before || x.after - y.after);

  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const matches: ItemMatch[] = [];
  for (const candidate of candidates) {
    if (usedBefore.has(candidate.before) || usedAfter.has(candidate.after)) continue;
    usedBefore.add(candidate.before);
    usedAfter.add(candidate.after);
    matches.push({ before: candidate.before, after: candidate.after, similarity: candidate.similarity });
  }
  return matches.sort((x, y) => x.after - y.after);
}
