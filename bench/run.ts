/**
 * `npm run bench`: runs every bench/*.ts module's exported `bench…` functions in turn and writes
 * BENCHMARKS.md with the machine, the command and each result table.
 * `npm run bench -- parse extract` runs only the modules whose file name contains one of the words.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const skip = new Set(['run.ts', 'bench-result.ts']);

function toMarkdown(result: BenchResult): string {
  const lines = [`## ${result.name}`, ''];
  const columns = [...new Set(result.rows.flatMap((row) => Object.keys(row)))];
  if (columns.length > 0) {
    lines.push(`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
    for (const row of result.rows) lines.push(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
    lines.push('');
  }
  for (const note of result.notes ?? []) lines.push(`- ${note}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !skip.has(f))
    .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(module)) {
      if (!name.startsWith('bench') || typeof fn !== 'function') continue;
      process.stderr.write(`bench: ${file} ${name}…\n`);
      const started = Date.now();
      const result = (await (fn as () => Promise<BenchResult>)()) as BenchResult;
      process.stderr.write(
        `bench: ${file} ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      sections.push(toMarkdown(result));
    }
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    '',
    'Reproduce with `npm run bench` (all) or `npm run bench -- parse extract` (the modules whose file name',
    'contains a word). Figures are medians of several runs after warm-up; where the machine is shared,',
    'compare ratios rather than absolute times.',
    '',
  ].join('\n');
  const out = path.join(benchDir, '..', only.length ? `BENCHMARKS.partial.md` : 'BENCHMARKS.md');
  writeFileSync(out, `${header}\n${sections.join('\n')}`);
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), out)}\n`);
}

await main();
