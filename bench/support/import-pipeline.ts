import type { Kysely } from 'kysely';
import { analyzeTreeTasks } from '../../src/cli/commands/import.js';
import { flattenTree } from '../../src/core/merge/flatten-tree.js';
import { parseReport } from '../../src/core/parse/index.js';
import { decodeReportBytes } from '../../src/ingest/index.js';
import { CLI_ACTOR } from '../../src/store/audit/append-audit-event.js';
import { importReport } from '../../src/store/import-report.js';
import type { Database } from '../../src/store/schema.js';

/** Milliseconds spent in each step of one import. */
export interface ImportTimings {
  decodeParseExtractMs: number;
  storeMs: number;
  totalMs: number;
  tasks: number;
}

/**
 * One report file through the same steps as `luoshi import FILE`: decode the bytes, parse the
 * tree, analyse every task, and store it all in one committed transaction.
 */
export async function importFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportTimings> {
  const started = performance.now();
  const decoded = await decodeReportBytes(bytes, fileName);
  const tree = parseReport(decoded.text);
  const analyses = await analyzeTreeTasks(tree, flattenTree(tree));
  const analysed = performance.now();
  await importReport(db, { bytes, fileName, tree, analyses, actor: CLI_ACTOR });
  const stored = performance.now();
  return {
    decodeParseExtractMs: analysed - started,
    storeMs: stored - analysed,
    totalMs: stored - started,
    tasks: analyses.length,
  };
}
