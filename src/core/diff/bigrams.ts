/**
 * Character-bigram similarity for Chinese text. Chinese has no spaces, and word segmentation
 * disagrees with itself across editions; overlapping character pairs are robust to both
 * rewording and segmentation, and cost nothing to compute.
 */

/** Punctuation, whitespace and symbols carry no meaning for similarity. */
const NOISE = /[\s\p{P}\p{S}]+/gu;
/** Numbers change year to year while the task stays the same, so they compare as one symbol. */
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

/** Reduce a sentence to the characters that carry its meaning. */
export function normalizeForSimilarity(text: string): string {
  return text.replace(NUMBER, '#').replace(NOISE, '');
}

/** The distinct character bigrams of a text (a single character counts as its own gram). */
export function bigramSet(text: string): Set<string> {
  const chars = Array.from(normalizeForSimilarity(text));
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Number of grams the two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared;
}

/** Sørensen–Dice coefficient of two bigram sets: 1 for the same text, 0 for nothing shared. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * overlap(a, b)) / (a.size + b.size);
}

/** Share of `part`'s grams found in `whole` — how well a short phrase is contained in a longer text. */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  return overlap(part, whole) / part.size;
}

/** Dice similarity of two texts. */
export function textSimilarity(a: string, b: string): number {
  return dice(bigramSet(a), bigramSet(b));
}
