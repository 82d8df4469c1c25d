import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * The 19 provincial 2026 reports in test-data/corpus/provinces-2026, exactly as copied from web
 * pages (page controls, captions, joined or split paragraphs): held out from parser development.
 */
export const PROVINCE_2026_FILES = [
  'provinces-2026/anhui-2026-work-report.txt',
  'provinces-2026/chongqing-2026-work-report.txt',
  'provinces-2026/gansu-2026-work-report.txt',
  'provinces-2026/guangdong-2026-work-report.txt',
  'provinces-2026/guangxi-2026-work-report.txt',
  'provinces-2026/guizhou-2026-work-report.txt',
  'provinces-2026/hebei-2026-work-report.txt',
  'provinces-2026/heilongjiang-2026-work-report.txt',
  'provinces-2026/henan-2026-work-report.txt',
  'provinces-2026/hubei-2026-work-report.txt',
  'provinces-2026/jiangsu-2026-work-report.txt',
  'provinces-2026/jiangxi-2026-work-report.txt',
  'provinces-2026/jilin-2026-work-report.txt',
  'provinces-2026/liaoning-2026-work-report.txt',
  'provinces-2026/ningxia-2026-work-report.txt',
  'provinces-2026/qinghai-2026-work-report.txt',
  'provinces-2026/shaanxi-2026-work-report.txt',
  'provinces-2026/tianjin-2026-work-report.txt',
  'provinces-2026/xizang-2026-work-report.txt',
] as const;

/** Every corpus report: the developed-on ten and the held-out provinces. */
export const ALL_CORPUS_FILES = [...CORPUS_FILES, ...PROVINCE_2026_FILES] as const;

export type CorpusFile = (typeof ALL_CORPUS_FILES)[number];

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

/** The hand-read corpus trees present in test-data/corpus-trees (see its README), by report file. */
export function readCorpusTrees(): { name: string; json: unknown }[] {
  const folder = new URL('test-data/corpus-trees/', REPO_ROOT);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as unknown }));
}
