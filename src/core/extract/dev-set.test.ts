import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../ingest/testing/corpus.js';
import { analyzeTask } from './index.js';
import { type GoldLine, parseGoldJsonl, scoreTargets } from './scoring.js';

/**
 * The dev set: sentences of the corpus reports (national 2023–2025, Guangdong 2025 with its
 * 十件民生实事, Zhejiang 2026 with its 十方面民生实事, Beijing 2025/2026) whose expected targets
 * were written by reading the text. A floor on strict F1 makes regressions fail.
 */
const FILES = ['national', 'guangdong', 'zhejiang', 'beijing'] as const;

function load(name: string): GoldLine[] {
  return parseGoldJsonl(readRepoText(`test-data/dev/targets-${name}.jsonl`));
}

describe('dev set (test-data/dev/targets-*.jsonl)', () => {
  const all = FILES.flatMap((name) => load(name));

  it('holds at least 200 sentences, many of them without any target', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(all.filter((line) => line.targets.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  for (const name of FILES) {
    it(`scores strict F1 ≥ 0.95 on ${name}`, () => {
      const gold = load(name);
      const predicted = gold.map((line) => analyzeTask(line.text, { year: 2026 }).targets);
      const strict = scoreTargets(gold, predicted, true);
      expect(
        strict.f1,
        JSON.stringify({ misses: strict.misses, extras: strict.extras }, null, 1),
      ).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('scores strict precision and recall ≥ 0.97 over the whole set', () => {
    const predicted = all.map((line) => analyzeTask(line.text, { year: 2026 }).targets);
    const strict = scoreTargets(all, predicted, true);
    expect(strict.precision).toBeGreaterThanOrEqual(0.97);
    expect(strict.recall).toBeGreaterThanOrEqual(0.97);
  });
});
