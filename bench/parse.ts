/**
 * Report parser speed: `parseReport` on every corpus file (median of runs after warm-up) and its
 * throughput in MB/s of UTF-8 text; a linearity check on the corpus repeated to 1, 4 and 16 MB;
 * and the ingest step (GBK text and .docx originals → normalised text).
 */
import { Buffer } from 'node:buffer';
import { normalizeReportText, parseReport } from '../src/core/parse/index.js';
import { decodeReportBytes } from '../src/ingest/index.js';
import { CORPUS_FILES, readCorpusText, readRawCorpusBytes } from '../src/ingest/testing/corpus.js';
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
  for (const file of CORPUS_FILES) {
    const text = normalizeReportText(readCorpusText(file));
    const bytes = Buffer.byteLength(text, 'utf8');
    const tree = parseReport(text);
    const ms = timeRuns(() => parseReport(text), 30, 100);
    if (text.length > largest.chars) largest = { file, chars: text.length, ms };
    rows.push({
      input: file,
      characters: text.length,
      'UTF-8 KB': Number((bytes / 1024).toFixed(1)),
      areas: tree.areas.length,
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
  const corpus = CORPUS_FILES.map((file) => normalizeReportText(readCorpusText(file))).join('\n');
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
      `Largest corpus file: ${largest.file} (${largest.chars} characters) parses in ${largest.ms.toFixed(2)} ms (median of 100 runs after 30 warm-up runs); the target is well under 10 ms.`,
      'The corpus ×N rows check that parsing is linear: MB/s stays roughly flat from 1 MB to 16 MB.',
      'Throughput counts UTF-8 bytes of Chinese text (3 bytes per character).',
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
