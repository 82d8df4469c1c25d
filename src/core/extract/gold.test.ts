import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../ingest/testing/corpus.js';
import { analyzeTask } from './index.js';
import { parseGoldJsonl, scoreTargets } from './scoring.js';

const seed = parseGoldJsonl(readRepoText('test-data/gold/seed-targets.jsonl'));

describe('gold sample (seed-targets.jsonl)', () => {
  const predicted = seed.map((line) => analyzeTask(line.text, { year: 2026 }).targets);

  it('finds every required target with exact value, unit and comparator (strict F1 ≥ 0.97)', () => {
    const strict = scoreTargets(seed, predicted, true);
    expect(strict.misses).toEqual([]);
    expect(strict.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('reports no identifier or name as a target', () => {
    const strict = scoreTargets(seed, predicted, true);
    expect(strict.extras).toEqual([]);
  });

  it('gives every target a span that slices out its text', () => {
    seed.forEach((line, index) => {
      for (const target of predicted[index] ?? []) {
        expect(line.text.slice(target.span[0], target.span[1])).toBe(target.text);
      }
    });
  });
});
