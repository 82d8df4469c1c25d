import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CORPUS_FILES } from '../src/ingest/testing/corpus.js';
import { DIALECTS, openTestDatabase } from '../src/store/testing.js';
import { type BenchResult, median } from './bench-result.js';
import { benchScale } from './support/bench-scale.js';
import { importFile } from './support/import-pipeline.js';

const RUNS = 5;

/**
 * 导入 — per-report import latency end to end (bytes → decode → parse → extract → committed rows),
 * each corpus report on both backends, median of several imports after a warm-up.
 */
export async function benchImportLatency(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const dialect of DIALECTS) {
    const database = await openTestDatabase(dialect);
    try {
      for (const name of CORPUS_FILES) {
        const bytes = new Uint8Array(readFileSync(new URL(`../test-data/corpus/${name}`, import.meta.url)));
        await importFile(database.db, bytes, name); // warm-up
        const runs = [];
        for (let run = 0; run < RUNS; run++) runs.push(await importFile(database.db, bytes, name));
        const chars = new TextDecoder().decode(bytes).length;
        rows.push({
          backend: dialect,
          report: name,
          characters: chars,
          tasks: runs[0]?.tasks ?? 0,
          'decode+parse+extract ms': median(runs.map((r) => r.decodeParseExtractMs)).toFixed(1),
          'store (one transaction) ms': median(runs.map((r) => r.storeMs)).toFixed(1),
          'total ms': median(runs.map((r) => r.totalMs)).toFixed(1),
          'ms per 30k chars': ((median(runs.map((r) => r.totalMs)) * 30_000) / chars).toFixed(1),
        });
      }
    } finally {
      await database.close();
    }
  }
  return {
    name: 'Report import, end to end (file → committed rows)',
    rows,
    notes: [
      'Reproduce with `npm run bench -- import`.',
      `The steps of \`luoshi import FILE\`: decodeReportBytes, parseReport, analyzeTask for every task, importReport (report, revision with source bytes, nodes, targets, search index and audit event in one transaction). Median of ${RUNS} imports after one warm-up, each a new report in a database that grows during the run.`,
      'tasks: every task stored, the 主要预期目标 indicators included, so more than the tasks column of the parser table, which counts the areas’ tasks only.',
      'Goal: a 30k-character report imported end to end in under 100 ms (column "ms per 30k chars").',
      'That column scales each report linearly, fixed per-transaction costs (commit, fsync, round trips) included, so it overstates short reports (the 3,340-character summary ×9); guangdong-2025 (34k characters) is the one nearest the goal size.',
      'SQLite commits with synchronous=FULL (fsync per transaction); PostgreSQL is the shared local server.',
      `Machine load (1-minute load average, ${os.cpus().length} cores) ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after the run: on a shared machine wall times grow with it.`,
    ],
  };
}

/** Peak RSS of a process importing 1,000 reports one after another (100 with BENCH_SCALE=small). */
export async function benchImportMemory(): Promise<BenchResult> {
  const count = benchScale() === 'small' ? 100 : 1000;
  const child = fileURLToPath(new URL('./support/import-many-child.ts', import.meta.url));
  const rows: BenchResult['rows'] = [];
  for (const dialect of DIALECTS) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', child, String(count), dialect],
      {
        maxBuffer: 1 << 20,
        timeout: 30 * 60_000,
      },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      count: number;
      tasks: number;
      bytes: number;
      seconds: number;
      peakRssMiB: number;
    };
    rows.push({
      backend: dialect,
      reports: result.count,
      tasks: result.tasks,
      'MB of text': (result.bytes / 1e6).toFixed(1),
      seconds: result.seconds.toFixed(1),
      'reports/s': (result.count / result.seconds).toFixed(1),
      'peak RSS MiB': result.peakRssMiB,
    });
  }
  return {
    name: `Memory: importing ${count} reports in one process`,
    rows,
    notes: [
      'Reproduce with `npm run bench -- import`.',
      'The corpus reports imported in turn by one process (as a scripted `luoshi import` loop would), into a fresh database; peak RSS is the process high-water mark (VmHWM), so it shows whether memory grows with the number of imports.',
    ],
  };
}
