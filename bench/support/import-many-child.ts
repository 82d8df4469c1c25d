/**
 * Imports COUNT reports (the corpus files in turn) into a fresh database, one after another as a
 * CLI loop would, then prints its peak RSS (VmHWM) as JSON. Run by bench/import.ts in its own
 * process so the figure is this work's alone: `node --import tsx import-many-child.ts COUNT DIALECT`.
 */
import { readFileSync } from 'node:fs';
import { CORPUS_FILES } from '../../src/ingest/testing/corpus.js';
import type { DialectName } from '../../src/store/dialect-of.js';
import { openTestDatabase } from '../../src/store/testing.js';
import { importFile } from './import-pipeline.js';
import { peakRssOf } from './server-process.js';

const count = Number(process.argv[2] ?? 1000);
const dialect = (process.argv[3] ?? 'sqlite') as DialectName;
const files = CORPUS_FILES.map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../../test-data/corpus/${name}`, import.meta.url))),
}));
const database = await openTestDatabase(dialect);
const started = performance.now();
let tasks = 0;
let bytes = 0;
try {
  for (let i = 0; i < count; i++) {
    const file = files[i % files.length]!;
    tasks += (await importFile(database.db, file.bytes, file.name)).tasks;
    bytes += file.bytes.byteLength;
  }
} finally {
  await database.close();
}
process.stdout.write(
  `${JSON.stringify({ count, tasks, bytes, seconds: (performance.now() - started) / 1000, peakRssMiB: peakRssOf(process.pid) })}\n`,
);
