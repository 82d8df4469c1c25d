import { describe, expect, it } from 'vitest';
import { type CorpusFile, readCorpusText } from '../../ingest/testing/corpus.js';
import type { ReportTree } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';

/** Hard-wrap every line at `width` characters, the way text copied out of a PDF arrives. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const pieces: string[] = [];
      for (let at = 0; at < line.length; at += width) pieces.push(line.slice(at, at + width));
      return pieces.length > 0 ? pieces.join('\n') : line;
    })
    .join('\n');
}

function shape(tree: ReportTree): unknown {
  return tree.areas.map((area) => ({
    title: area.title,
    measures: area.measures.map((measure) => [measure.title, measure.tasks.map((task) => task.text)]),
    tasks: area.tasks.map((task) => task.text),
  }));
}

describe('hard-wrapped text (copied from a PDF)', () => {
  it.each([
    ['national-2024-work-report.txt', 38],
    ['guangdong-2025-work-report.txt', 42],
  ] as [CorpusFile, number][])('parses %s wrapped at %i characters like the original', (file, width) => {
    const original = normalizeReportText(readCorpusText(file));
    const wrapped = parseReport(hardWrap(original, width));
    expect(shape(wrapped)).toEqual(shape(parseReport(original)));
    expect(wrapped.meta).toEqual(parseReport(original).meta);
  });

  it('keeps every area of a report without blank lines between paragraphs (Beijing 2026)', () => {
    // Without blank lines, a paragraph that ends exactly at the wrap width cannot be told from a
    // wrapped line, so the next paragraph joins it: about one paragraph in `width`. Areas survive.
    const original = parseReport(normalizeReportText(readCorpusText('beijing-2026-work-report.txt')));
    const wrapped = parseReport(hardWrap(original.text, 38));
    expect(wrapped.areas.map((area) => area.title)).toEqual(original.areas.map((area) => area.title));
    const titles = new Set(wrapped.areas.flatMap((area) => area.measures.map((measure) => measure.title)));
    const kept = original.areas
      .flatMap((area) => area.measures)
      .filter((measure) => titles.has(measure.title));
    expect(kept.length).toBeGreaterThanOrEqual(
      original.areas.reduce((n, area) => n + area.measures.length, 0) - 2,
    );
  });

  it('leaves reports with one line per paragraph alone', () => {
    const text = normalizeReportText(readCorpusText('zhejiang-2026-work-report.txt'));
    expect(parseReport(text).areas.filter((area) => !area.unnumbered)).toHaveLength(10);
  });
});
