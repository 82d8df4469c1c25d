/**
 * Report parser speed: `parseReport` on every corpus file (median of runs after warm-up) and its
 * throughput in MB/s of UTF-8 text; a linearity check on the corpus repeated to 1, 4 and 16 MB;
 * and the ingest step (GBK text and .docx originals → normalised text).
 */
import { Buffer } from 'node:buffer';
import { type CorpusTree, diffCorpusTree } from '../src/core/parse/corpus-tree-diff.js';
import { normalizeReportText, parseReport } from '../src/core/parse/index.js';
import { decodeReportBytes } from '../src/ingest/index.js';
import {
  ALL_CORPUS_FILES,
  type CorpusFile,
  readCorpusText,
  readCorpusTrees,
  readRawCorpusBytes,
} from '../src/ingest/testing/corpus.js';
import { type BenchResult, median } from './bench-result.js';

function timeRuns(run: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function timeAsyncRuns(run: () => Promise<unknown>, warmup: number, runs: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const mbPerSecond = (bytes: number, ms: number): number => Number((bytes / 1e6 / (ms / 1000)).toFixed(1));

/** Parse time per corpus file (median after warm-up) and MB/s. */
export async function benchParse(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  let largest = { file: '', chars: 0, ms: 0 };
  for (const file of ALL_CORPUS_FILES) {
    const text = normalizeReportText(readCorpusText(file));
    const bytes = Buffer.byteLength(text, 'utf8');
    const tree = parseReport(text);
    const ms = timeRuns(() => parseReport(text), 30, 100);
    if (text.length > largest.chars) largest = { file, chars: text.length, ms };
    rows.push({
      input: file,
      characters: text.length,
      'UTF-8 KB': Number((bytes / 1024).toFixed(1)),
      areas: tree.areas.filter((area) => !area.unnumbered).length,
      measures: tree.areas.reduce((n, area) => n + area.measures.length, 0),
      tasks: tree.areas.reduce(
        (n, area) => n + area.tasks.length + area.measures.reduce((k, m) => k + m.tasks.length, 0),
        0,
      ),
      'median ms': Number(ms.toFixed(3)),
      'MB/s': mbPerSecond(bytes, ms),
    });
  }
  // Linearity: the whole corpus repeated; ms per MB should stay flat as the input grows.
  const corpus = ALL_CORPUS_FILES.map((file) => normalizeReportText(readCorpusText(file))).join('\n');
  for (const targetMb of [1, 4, 16]) {
    const copies = Math.ceil((targetMb * 1e6) / Buffer.byteLength(corpus, 'utf8'));
    const text = Array.from({ length: copies }, () => corpus).join('\n');
    const bytes = Buffer.byteLength(text, 'utf8');
    const ms = timeRuns(() => parseReport(text), 2, targetMb >= 16 ? 5 : 9);
    rows.push({
      input: `corpus ×${copies} (${(bytes / 1e6).toFixed(1)} MB)`,
      characters: text.length,
      'UTF-8 KB': Number((bytes / 1024).toFixed(0)),
      'median ms': Number(ms.toFixed(1)),
      'MB/s': mbPerSecond(bytes, ms),
    });
  }
  return {
    name: 'Report parser (parseReport)',
    rows,
    notes: [
      'Reproduce with `npm run bench -- parse`.',
      `Largest corpus file: ${largest.file} (${largest.chars} characters) parses in ${largest.ms.toFixed(2)} ms (median of 100 runs after 30 warm-up runs); the target is well under 10 ms.`,
      'The corpus ×N rows check that parsing is linear: MB/s stays roughly flat from 1 MB to 16 MB. They are wall time of few runs: on a shared machine at a high load average they can differ 2–3× from run to run, so read them together, from one run.',
      'Throughput counts UTF-8 bytes of Chinese text (3 bytes per character).',
    ],
  };
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '' : `${((100 * part) / whole).toFixed(1)}%`;

/**
 * Structure accuracy of the parser against the hand-read corpus trees (test-data/corpus-trees):
 * per report, the numbered areas found with the right title, the areas whose measures match in
 * number and title, and the sentences of the tasks section held by exactly one task (or by an
 * area's own text: titles, preamble, closing).
 */
export async function benchParseStructure(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  const total = {
    reports: 0,
    passed: 0,
    areas: 0,
    areasRight: 0,
    measuresRight: 0,
    sentences: 0,
    covered: 0,
  };
  for (const { json } of readCorpusTrees()) {
    const expected = json as CorpusTree;
    const tree = parseReport(normalizeReportText(readCorpusText(expected.file as CorpusFile)));
    const { problems, figures } = diffCorpusTree(tree, expected);
    total.reports++;
    if (problems.length === 0) total.passed++;
    total.areas += figures.areasExpected;
    total.areasRight += figures.areasRight;
    total.measuresRight += figures.measuresRight;
    total.sentences += figures.sentences;
    total.covered += figures.sentencesCovered;
    rows.push({
      report: expected.file,
      result: problems.length === 0 ? 'pass' : `fail (${problems.length})`,
      areas: `${figures.areasRight}/${figures.areasExpected}`,
      'measures right': `${figures.measuresRight}/${figures.areasExpected}`,
      coverage: percent(figures.sentencesCovered, figures.sentences),
    });
  }
  rows.push({
    report: `all ${total.reports} trees`,
    result: `${total.passed} pass`,
    areas: `${total.areasRight}/${total.areas} (${percent(total.areasRight, total.areas)})`,
    'measures right': `${total.measuresRight}/${total.areas} (${percent(total.measuresRight, total.areas)})`,
    coverage: `${total.covered}/${total.sentences} (${percent(total.covered, total.sentences)})`,
  });
  return {
    name: 'Report parser structure accuracy (corpus trees)',
    rows,
    notes: [
      'Reproduce with `npm run bench -- parse`.',
      'Against the trees in test-data/corpus-trees, each read by hand from the report text (never from luoshi output); the same comparison as src/core/parse/parse-corpus-trees.test.ts.',
      'areas: numbered work areas found with the right title, in order. measures right: areas whose measures match in number and title (first 6 characters). coverage: sentences of the tasks section in exactly one task, or in an area’s title, measure titles, preamble or closing.',
      'A report passes when tasks section, plan and self-building sections, every area with its label, title and measures, other work, no area without tasks, metadata and coverage all agree.',
    ],
  };
}

/** Ingest: byte-exact originals (GBK text with \\r\\r\\n, .docx) to normalised text. */
export async function benchIngest(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  for (const file of [
    'national-2018-work-report.gbk.txt',
    'beijing-2025-work-report.docx',
    'guangdong-2025-work-report.docx',
  ]) {
    const bytes = readRawCorpusBytes(file);
    const decoded = await decodeReportBytes(bytes, file);
    const ms = await timeAsyncRuns(() => decodeReportBytes(bytes, file), 10, 50);
    const both = await timeAsyncRuns(
      async () => parseReport((await decodeReportBytes(bytes, file)).text),
      5,
      30,
    );
    rows.push({
      input: file,
      'file KB': Number((bytes.length / 1024).toFixed(1)),
      detected: `${decoded.format} / ${decoded.encoding}`,
      'decode median ms': Number(ms.toFixed(2)),
      'decode + parse median ms': Number(both.toFixed(2)),
    });
  }
  return {
    name: 'Report ingest (decodeReportBytes)',
    rows,
    notes: ['Decoding includes zip directory checks, bounded inflate and the document.xml walk for .docx.'],
  };
}
