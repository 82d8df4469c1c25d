import { readFileSync } from 'node:fs';

/**
 * Test and benchmark access to the shipped corpus (test-data/corpus) and the sample report.
 * Core tests cannot read files themselves (src/core does no I/O), so they read through here.
 */
const REPO_ROOT = new URL('../../../', import.meta.url);

/** The UTF-8 corpus reports, by file name. */
export const CORPUS_FILES = [
  'national-2018-work-report.txt',
  'national-2019-work-report.txt',
  'national-2023-work-report.txt',
  'national-2024-work-report.txt',
  'national-2025-work-report.txt',
  'beijing-2025-work-report.txt',
  'beijing-2026-work-report.txt',
  'guangdong-2025-work-report.txt',
  'zhejiang-2026-work-report.txt',
  'beijing-subcenter-2026-summary.md',
] as const;

export type CorpusFile = (typeof CORPUS_FILES)[number];

/** Read a corpus file as text. */
export function readCorpusText(name: CorpusFile): string {
  return readFileSync(new URL(`test-data/corpus/${name}`, REPO_ROOT), 'utf8');
}

/** Read a byte-exact original from test-data/corpus/raw. */
export function readRawCorpusBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`test-data/corpus/raw/${name}`, REPO_ROOT)));
}

/** Read a file relative to the repository root (examples/, test-data/gold/). */
export function readRepoText(path: string): string {
  return readFileSync(new URL(path, REPO_ROOT), 'utf8');
}
