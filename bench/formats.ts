/**
 * Decode time per document format (`readDocument`): the fixtures of test-data/formats, a
 * 29-page PDF and OFD of the Guangdong 2025 report, and the size of the packages that read them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { readDocument } from '../src/ingest/index.js';
import { readCorpusText } from '../src/ingest/testing/corpus.js';
import { buildOfd } from '../src/ingest/testing/ofd-writer.js';
import { buildTextPdf } from '../src/ingest/testing/pdf-writer.js';
import { type BenchResult, median } from './bench-result.js';

const FORMATS = new URL('../test-data/formats/', import.meta.url);
/** The packages added to read these formats (as npm installed them, with their own dependencies). */
const PACKAGES: Record<string, string[]> = {
  'PDF (pdfjs-dist)': ['pdfjs-dist', 'node-readable-to-web-readable-stream'],
  'PDF rendering, optional (@napi-rs/canvas)': ['@napi-rs'],
  'HTML (@mozilla/readability, linkedom)': [
    '@mozilla/readability',
    'linkedom',
    'htmlparser2',
    'css-select',
    'css-what',
    'cssomnom',
    'dom-serializer',
    'domelementtype',
    'domhandler',
    'domutils',
    'entities',
    'boolbase',
    'nth-check',
    'uhyphen',
    'html-escaper',
  ],
  '.doc/.wps (word-extractor)': ['word-extractor', 'yauzl', 'fd-slicer', 'pend'],
};

async function timeReads(bytes: Uint8Array, name: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await readDocument(bytes, name);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Kilobytes on disk (du) of packages under node_modules; a package npm nested elsewhere counts 0. */
function packagesKb(names: string[]): number {
  const present = names.map((name) => `node_modules/${name}`).filter((path) => existsSync(path));
  if (present.length === 0) return 0;
  const output = execFileSync('du', ['-skc', ...present], { encoding: 'utf8' });
  return Number(/(\d+)\s+total/.exec(output)?.[1] ?? 0);
}

export async function benchFormats(): Promise<BenchResult> {
  const loadAverage = os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ');
  const guangdong = readCorpusText('guangdong-2025-work-report.txt');
  const inputs: [string, Uint8Array][] = [
    ['beijing-2026-short.txt', new Uint8Array(readFileSync(new URL('beijing-2026-short.txt', FORMATS)))],
    [
      'beijing-2026-short.gbk.html',
      new Uint8Array(readFileSync(new URL('beijing-2026-short.gbk.html', FORMATS))),
    ],
    ['beijing-2026-short.doc', new Uint8Array(readFileSync(new URL('beijing-2026-short.doc', FORMATS)))],
    [
      'beijing-2026-short.pdf (Chromium)',
      new Uint8Array(readFileSync(new URL('beijing-2026-short.pdf', FORMATS))),
    ],
    ['guangdong-2025 (29-page PDF)', buildTextPdf(guangdong, { header: '2025年广东省政府工作报告' })],
    ['guangdong-2025 (OFD, object per line)', buildOfd(guangdong, { objects: 'line' })],
    ['guangdong-2025 (OFD, object per character)', buildOfd(guangdong, { objects: 'character' })],
  ];
  const rows: BenchResult['rows'] = [];
  for (const [name, bytes] of inputs) {
    const started = performance.now();
    const decoded = await readDocument(bytes, name);
    const first = performance.now() - started;
    rows.push({
      input: name,
      format: decoded.format,
      'file KB': Number((bytes.length / 1024).toFixed(1)),
      pages: decoded.pages ?? '',
      characters: decoded.text.length,
      'first read ms': Number(first.toFixed(1)),
      'median ms': Number((await timeReads(bytes, name, 5)).toFixed(1)),
    });
  }
  const sizes = Object.entries(PACKAGES).map(
    ([what, names]) => `${what} ${(packagesKb(names) / 1024).toFixed(1)} MB`,
  );
  const total = packagesKb(Object.values(PACKAGES).flat());
  return {
    name: 'Document formats (readDocument)',
    rows,
    notes: [
      `Load average when the run started: ${loadAverage} (a 1-minute load above the core count slows every figure in proportion).`,
      '"first read" is the first call in the process: it includes loading the reader (pdf.js alone is ~1.8 MB of minified code); "median" is of 5 reads after it.',
      'The 29-page PDF is written by src/ingest/testing/pdf-writer.ts like Word with a non-embedded Chinese font (STSong-Light, UniGB-UCS2-H CMap); the Chromium PDF embeds a TrueType subset.',
      `Extra dependency size on disk (du): ${sizes.join(', ')}; ${(total / 1024).toFixed(1)} MB in all. @napi-rs/canvas is an optional dependency of pdfjs-dist (used for rendering, not text); npm installs it where a prebuilt binary exists.`,
    ],
  };
}
