import { normalizeReportText, parseReport, splitSentences } from '../core/parse/index.js';
import { CORPUS_FILES, readCorpusText } from '../ingest/testing/corpus.js';

/**
 * Real sentences from the shipped corpus (test-data/corpus), sorted by the role they can play in
 * a synthetic report: work-area headings, measure headings, task sentences, and review sentences
 * that read like progress narratives (工作进展) or problems (存在问题).
 */
export interface CorpusPools {
  areaTitles: string[];
  measureTitles: string[];
  tasks: string[];
  narratives: string[];
  problems: string[];
}

const PROBLEM_WORDS = /问题|困难|不足|短板|压力|挑战|滞后|薄弱|不够|不强|不高/;

/** Sentences of a paragraph, at most `limit` characters each (very long ones read badly as a field). */
function sentencesOf(text: string, limit: number): string[] {
  return splitSentences(text, 0, text.length)
    .map(([start, end]) => text.slice(start, end).trim())
    .filter((s) => s.length >= 8 && s.length <= limit);
}

/** Parses every corpus report with the real parser and collects the pools (deduplicated). */
export function loadCorpusPools(): CorpusPools {
  const areaTitles = new Set<string>();
  const measureTitles = new Set<string>();
  const tasks = new Set<string>();
  const narratives = new Set<string>();
  const problems = new Set<string>();
  for (const file of CORPUS_FILES) {
    const tree = parseReport(normalizeReportText(readCorpusText(file)));
    for (const area of tree.areas) {
      if (area.title.length <= 60) areaTitles.add(area.title);
      for (const measure of area.measures) {
        if (measure.title.length <= 80) measureTitles.add(measure.title);
        for (const task of measure.tasks) if (task.text.length <= 240) tasks.add(task.text);
      }
      for (const task of area.tasks) if (task.text.length <= 240) tasks.add(task.text);
    }
    for (const section of tree.sections) {
      if (section.kind !== 'review') continue;
      for (const paragraph of section.paragraphs) {
        for (const sentence of sentencesOf(paragraph.text, 160)) {
          (PROBLEM_WORDS.test(sentence) ? problems : narratives).add(sentence);
        }
      }
    }
  }
  const pools: CorpusPools = {
    areaTitles: [...areaTitles],
    measureTitles: [...measureTitles],
    tasks: [...tasks],
    narratives: [...narratives],
    problems: [...problems],
  };
  for (const [name, pool] of Object.entries(pools)) {
    if (pool.length === 0) throw new Error(`The corpus gave no ${name}: is test-data/corpus complete?`);
  }
  return pools;
}
