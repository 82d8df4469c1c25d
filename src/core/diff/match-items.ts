import { bigramSet } from './bigrams.js';

/** One pairing of an item of the earlier list with an item of the later list. */
export interface ItemMatch {
  before: number;
  after: number;
  /** Bigram Dice similarity of the two texts, 0‥1. */
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
      const similarity = before[i] === after[j] ? 1 : Math.min(1, (2 * count) / (grams.size + other.size));
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
