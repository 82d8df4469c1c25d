/** What every benchmark module returns: a titled table, plus notes on how to read it. */
export interface BenchResult {
  name: string;
  rows: Record<string, string | number>[];
  notes?: string[];
}

/** Median of a list of numbers (benchmarks report medians of several runs). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
