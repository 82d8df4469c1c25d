import { describe, expect, it } from 'vitest';
import {
  ALL_CORPUS_FILES,
  type CorpusFile,
  readCorpusText,
  readCorpusTrees,
} from '../../ingest/testing/corpus.js';
import { type CorpusTree, diffCorpusTree } from './corpus-tree-diff.js';
import { normalizeReportText, parseReport } from './index.js';

/**
 * Reports whose hand-read tree the parser does not meet yet, each with why. This is a floor, not
 * a skip list: a report listed here must still fail (so fixing one without removing it fails the
 * test too), and every report not listed must match its tree exactly.
 */
// Empty since Jiangsu's inline topic sentences are told from short tasks by the field they name
// (prose.ts, word-families.ts): every report must match its tree.
const KNOWN_GAPS: ReadonlyMap<string, string> = new Map();

const trees = readCorpusTrees().map(({ name, json }) => ({ name, tree: json as CorpusTree }));

describe('parseReport against the hand-read corpus trees', () => {
  it('has trees only for corpus files', () => {
    for (const { name, tree } of trees) {
      expect(ALL_CORPUS_FILES as readonly string[], name).toContain(tree.file);
    }
  });

  it.each(trees)('$name', ({ tree }) => {
    const parsed = parseReport(normalizeReportText(readCorpusText(tree.file as CorpusFile)));
    const diff = diffCorpusTree(parsed, tree);
    const gap = KNOWN_GAPS.get(tree.file);
    if (gap === undefined) {
      expect(diff.problems, `${tree.file} differs from its tree`).toEqual([]);
    } else {
      // Listed as a known gap: it must still differ, or the list is stale.
      expect(
        diff.problems.length,
        `${tree.file} now matches its tree: remove it from KNOWN_GAPS`,
      ).toBeGreaterThan(0);
    }
  });
});
