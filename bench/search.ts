/**
 * Full-text search speed (issue 9): 1,000 reports imported through the real import path (which
 * builds the search index in the same transaction) on SQLite and on PostgreSQL, then a mix of
 * queries — phrases cut from real task sentences, common policy words, typo-tolerant queries and
 * filtered ones — timed one by one after warm-up. Reports p50/p95/p99 per backend.
 */

import { sql } from 'kysely';
import { loadCorpusPools } from '../src/bench-seed/corpus-pools.js';
import { placeName } from '../src/bench-seed/places-and-units.js';
import { createRandom, type Random } from '../src/bench-seed/random.js';
import { synthesizeReport } from '../src/bench-seed/synth-report.js';
import { analyzeTask } from '../src/core/extract/index.js';
import type { TaskNode } from '../src/core/report-tree.js';
import { CLI_ACTOR } from '../src/store/audit/append-audit-event.js';
import type { DialectName } from '../src/store/dialect-of.js';
import { importReport } from '../src/store/import-report.js';
import { type SearchFilters, searchEntries } from '../src/store/search/search-entries.js';
import { DIALECTS, openTestDatabase } from '../src/store/testing.js';
import type { BenchResult } from './bench-result.js';

const REPORTS = Number(process.env.BENCH_SEARCH_REPORTS ?? 1000);
const TASKS_PER_REPORT = 120;
const QUERIES = 300;
const WARMUP = 30;

/** Queries people type: named things, common policy words, and misspelt or shortened names. */
const FIXED_QUERIES = [
  '养老驿站',
  '养老服务驿站',
  '中小学学位',
  '城镇新增就业',
  '老旧小区改造',
  '新能源汽车',
  '高质量发展',
  '营商环境',
  '5G基站',
  '城市更新',
  '乡村振兴',
  '托育服务',
  '人工智能',
  '背街小巷',
  '停车位',
];

/** A phrase of 2–6 Han characters cut from a real task sentence. */
function phraseFrom(sentence: string, random: Random): string {
  const runs = sentence.match(/\p{Script=Han}{2,}/gu) ?? ['发展'];
  const run = random.pick(runs);
  const length = Math.min(run.length, random.int(2, 6));
  const start = random.int(0, run.length - length);
  return run.slice(start, start + length);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (ms: number) => Number(ms.toFixed(2));

async function benchOne(dialect: DialectName, rows: BenchResult['rows']): Promise<void> {
  const database = await openTestDatabase(dialect);
  try {
    const pools = loadCorpusPools();
    const random = createRandom(20260301);
    const analyses = new Map<string, ReturnType<typeof analyzeTask>>();
    const analyze = (task: TaskNode) => {
      let found = analyses.get(task.text);
      if (!found) {
        found = analyzeTask(task.text, { year: 2026 });
        analyses.set(task.text, found);
      }
      return found;
    };
    const importStarted = performance.now();
    const reportIds: number[] = [];
    for (let r = 0; r < REPORTS; r++) {
      const year = 2021 + (r % 6);
      const report = synthesizeReport({ place: placeName(r), year, tasks: TASKS_PER_REPORT }, pools, random);
      const imported = await importReport(database.db, {
        bytes: report.bytes,
        fileName: report.fileName,
        tree: { ...report.tree, meta: { ...report.tree.meta, year } },
        analyses: analyze,
        actor: CLI_ACTOR,
      });
      reportIds.push(imported.reportId);
      if (r % 100 === 99) process.stderr.write(`bench search ${dialect}: imported ${r + 1}/${REPORTS}\n`);
    }
    const importMs = performance.now() - importStarted;
    // Fresh planner statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would give a live system.
    await sql`analyze`.execute(database.db);
    const entries = await database.db
      .withTables<{ search_entries: { id: number } }>()
      .selectFrom('search_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const queries: { text: string; filters: SearchFilters; mix: string }[] = [];
    for (let i = 0; i < QUERIES + WARMUP; i++) {
      const roll = random.next();
      if (roll < 0.35) queries.push({ text: random.pick(FIXED_QUERIES), filters: {}, mix: 'named' });
      else if (roll < 0.8)
        queries.push({ text: phraseFrom(random.pick(pools.tasks), random), filters: {}, mix: 'phrase' });
      else if (roll < 0.9) {
        queries.push({
          text: random.pick(FIXED_QUERIES),
          filters: { year: 2021 + random.int(0, 5) },
          mix: 'year',
        });
      } else {
        const text = phraseFrom(random.pick(pools.tasks), random);
        queries.push({ text, filters: { reportId: random.pick(reportIds) }, mix: 'report' });
      }
    }
    const times: number[] = [];
    let hits = 0;
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const result = await searchEntries(database.db, query.text, query.filters, { limit: 20 });
      const ms = performance.now() - started;
      if (i >= WARMUP) {
        times.push(ms);
        hits += result.hits.length;
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      backend: dialect,
      reports: REPORTS,
      'index entries': entries.n,
      'import + index s': round(importMs / 1000),
      queries: times.length,
      'mean hits': round(hits / times.length),
      'p50 ms': round(percentile(times, 50)),
      'p95 ms': round(percentile(times, 95)),
      'p99 ms': round(percentile(times, 99)),
      'max ms': round(times[times.length - 1] ?? Number.NaN),
    });
  } finally {
    await database.close();
  }
}

/** Search latency over 1,000 imported reports on both backends (target: p95 < 50 ms). */
export async function benchSearch(): Promise<{
  name: string;
  rows: Record<string, string | number>[];
  notes: string[];
}> {
  const rows: BenchResult['rows'] = [];
  for (const dialect of DIALECTS) await benchOne(dialect, rows);
  return {
    name: 'Full-text search (store searchEntries, 20 hits per query)',
    rows,
    notes: [
      `${REPORTS} synthetic reports of ${TASKS_PER_REPORT} real corpus task sentences each, imported with importReport (index built in the same transaction).`,
      `${QUERIES} queries after ${WARMUP} warm-up: 35% named things (养老驿站, 中小学学位…), 45% 2–6 character phrases cut from task sentences, 10% with a year filter, 10% within one report.`,
      'Timed in-process, one query at a time, including ranking, typo-tolerant fallback and snippet highlighting.',
    ],
  };
}
