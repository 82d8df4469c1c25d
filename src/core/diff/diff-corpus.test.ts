import { describe, expect, it } from 'vitest';
import { type CorpusFile, readCorpusText } from '../../ingest/testing/corpus.js';
import { analyzeTask } from '../extract/index.js';
import { normalizeReportText, parseReport } from '../parse/index.js';
import type { TargetDiff } from './compare-targets.js';
import { diffReports } from './diff-reports.js';
import { collectItems } from './report-items.js';

const load = (file: CorpusFile) => parseReport(normalizeReportText(readCorpusText(file)));
const analyze = (text: string) => analyzeTask(text, { year: 2026 });

/** A target change by its numbers, independent of how the extractor words the subject. */
const numbers = (t: TargetDiff) =>
  `${t.movement} ${t.before?.value ?? '-'}→${t.after?.value ?? '-'} ${t.unit}`;

const tasks = (tree: ReturnType<typeof load>) => collectItems(tree).filter((i) => i.kind === 'task').length;

describe.each([
  ['national-2024-work-report.txt', 'national-2025-work-report.txt'],
  ['beijing-2025-work-report.txt', 'beijing-2026-work-report.txt'],
] as const)('diffReports on the corpus: %s → %s', (beforeFile, afterFile) => {
  const before = load(beforeFile);
  const after = load(afterFile);
  const diff = diffReports(before, after, { analyze });

  it('compares the later report with itself as all its tasks continued, no more', () => {
    const same = diffReports(after, after, { analyze });
    expect(same.counts).toEqual({ continued: tasks(after), reworded: 0, new: 0, dropped: 0 });
  });

  it('accounts for every item of both reports exactly once', () => {
    const items = diff.areas.flatMap((area) => area.items);
    expect(items.filter((i) => i.after).length).toBe(collectItems(after).length);
    expect(items.filter((i) => i.before).length).toBe(collectItems(before).length);
    expect(new Set(items.filter((i) => i.after).map((i) => i.after!.index)).size).toBe(
      collectItems(after).length,
    );
  });

  it('pairs every work area of the later report with one of the earlier report', () => {
    const paired = diff.areas.filter((area) => area.before && area.after && area.after.index >= 0);
    expect(paired.length).toBe(Math.min(before.areas.length, after.areas.length));
  });

  it('finds tasks carried over, reworded, new and dropped', () => {
    // The counts count tasks: the items with a task on either side, every task of both reports.
    const items = diff.areas.flatMap((area) => area.items);
    const counted = items.filter((i) => i.before?.kind === 'task' || i.after?.kind === 'task').length;
    const { continued, reworded, new: added, dropped } = diff.counts;
    expect(continued + reworded + added + dropped).toBe(counted);
    expect(counted).toBeLessThan(items.length);
    expect(continued + reworded + dropped).toBeGreaterThanOrEqual(tasks(before));
    expect(continued + reworded + added).toBeGreaterThanOrEqual(tasks(after));
    expect(diff.counts.continued + diff.counts.reworded).toBeGreaterThan(25);
    expect(diff.counts.new).toBeGreaterThan(20);
    expect(diff.counts.dropped).toBeGreaterThan(20);
  });
});

describe('target changes read by hand from the texts', () => {
  it('national 2024 → 2025: grain raised, CPI lowered, new urban jobs unchanged', () => {
    const diff = diffReports(load('national-2024-work-report.txt'), load('national-2025-work-report.txt'), {
      analyze,
    });
    const changes = diff.targets.map(numbers);
    // 粮食产量1.3万亿斤以上 → 1.4万亿斤左右; 居民消费价格涨幅3%左右 → 2%左右; 城镇新增就业1200万人以上 both years.
    expect(changes).toContain('raised 1300000000000→1400000000000 斤');
    expect(changes).toContain('lowered 3→2 %');
    expect(changes).toContain('unchanged 12000000→12000000 人');
    // 单位国内生产总值能耗降低2.5%左右 → 3%左右.
    expect(changes).toContain('raised 2.5→3 %');
  });

  it('Beijing 2025 → 2026: fewer manufacturers relocated (100 → 80 家)', () => {
    const diff = diffReports(load('beijing-2025-work-report.txt'), load('beijing-2026-work-report.txt'), {
      analyze,
    });
    const relocation = diff.targets.find(
      (t) => t.before?.value === 100 && t.after?.value === 80 && t.unit === '家',
    );
    expect(relocation?.movement).toBe('lowered');
    expect(relocation?.summary).toMatch(/100 → 80 家$/);
  });
});
