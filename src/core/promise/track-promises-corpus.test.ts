import { describe, expect, it } from 'vitest';
import { type CorpusFile, readCorpusText } from '../../ingest/testing/corpus.js';
import { analyzeTask } from '../extract/index.js';
import { normalizeReportText, parseReport } from '../parse/index.js';
import { HAND_CHECKED_PAIRS, type HandCheckedPromise } from './hand-checked-promises.js';
import { type PromiseLink, trackPromises } from './track-promises.js';

const load = (file: string) => parseReport(normalizeReportText(readCorpusText(file as CorpusFile)));
const analyze = (text: string) => analyzeTask(text, { year: 2026 });
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether luoshi's link for a hand-checked promise agrees with the hand check. */
function agrees(link: PromiseLink | undefined, check: HandCheckedPromise): boolean {
  if (!link) return false;
  if (check.expected.verdict === 'not-reported') return link.verdict === 'not-reported';
  return (
    link.verdict === check.expected.verdict &&
    link.achievement !== undefined &&
    link.achievement.sentence.includes(check.expected.achievement) &&
    same(link.achievement.target.value, check.expected.value)
  );
}

describe('promise tracking against the hand-checked sample', () => {
  const results = HAND_CHECKED_PAIRS.map((pair) => {
    const report = trackPromises(load(pair.promised), load(pair.reviewed), { analyze });
    const checks = pair.promises.map((check) => {
      // The promise is the target whose number lies inside the quoted piece of the sentence.
      const link = report.links.find((l) => {
        const at = l.promise.sentence.indexOf(check.promise.sentence);
        const start = l.promise.target.span[0];
        return (
          at >= 0 &&
          start >= at &&
          start < at + check.promise.sentence.length &&
          same(l.promise.target.value, check.promise.value)
        );
      });
      return { check, link, right: agrees(link, check) };
    });
    return { pair, report, checks };
  });

  it.each(results.map((r) => [`${r.pair.promised} → ${r.pair.reviewed}`, r] as const))(
    'links year-Y targets to year-Y+1 review statements: %s',
    (_name, { report, checks }) => {
      const pairs = report.links.filter((l) => l.achievement).length;
      const right = checks.filter((c) => c.right).length;
      // Figures for the README and the final report.
      console.info(
        `${_name}: ${report.links.length} targets, ${pairs} pairs found, hand check ${right}/${checks.length}`,
      );
      expect(pairs).toBeGreaterThanOrEqual(5);
      // Every link that luoshi makes and the hand check also made must name the same statement.
      const wrongLinks = checks.filter(
        (c) => c.link?.achievement && c.check.expected.verdict !== 'not-reported' && !c.right,
      );
      expect(wrongLinks.map((c) => c.check.promise.sentence)).toEqual([]);
    },
  );

  it('gets at least 85% of the hand-checked sample right, and never invents an achievement', () => {
    const checks = results.flatMap((r) => r.checks);
    const right = checks.filter((c) => c.right).length;
    const invented = checks.filter((c) => c.check.expected.verdict === 'not-reported' && c.link?.achievement);
    console.info(
      `hand-checked sample: ${right}/${checks.length} right (${((100 * right) / checks.length).toFixed(1)}%)`,
    );
    expect(invented.map((c) => c.check.promise.sentence)).toEqual([]);
    expect(right / checks.length).toBeGreaterThanOrEqual(0.85);
  });

  it('pairs national 2024 "城镇新增就业1200万人以上" with 2025\'s "城镇新增就业1256万人", met', () => {
    const national = results.find((r) => r.pair.reviewed === 'national-2025-work-report.txt')!;
    const jobs = national.report.links.find((l) => l.promise.sentence.includes('城镇新增就业1200万人以上'))!;
    expect(jobs.verdict).toBe('met');
    expect(jobs.achievement?.sentence).toContain('城镇新增就业1256万人');
  });
});
