/**
 * `npm run bench`: runs every bench/*.ts module's exported `bench…` functions in turn and writes
 * BENCHMARKS.md with the machine, the command and each result table.
 * `npm run bench -- parse extract` runs only the modules whose file name (or bench functions whose
 * name, e.g. `ApiSqlite`) contains one of the words and replaces just their sections in
 * BENCHMARKS.md, keeping the others.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    .sort();
  const chosen = (file: string, name: string) =>
    only.length === 0 || only.some((word) => file.includes(word) || name.includes(word));
  const sections = new Map<string, string>();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(module)) {
      if (!name.startsWith('bench') || typeof fn !== 'function' || !chosen(file, name)) continue;
      process.stderr.write(`bench: ${file} ${name}…\n`);
      const started = Date.now();
      const result = (await (fn as () => Promise<BenchResult>)()) as BenchResult;
      process.stderr.write(
        `bench: ${file} ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      sections.set(result.name, toMarkdown(result));
    }
  }
  const out = path.join(benchDir, '..', 'BENCHMARKS.md');
  const merged =
    only.length > 0 && existsSync(out) ? keepOtherSections(readFileSync(out, 'utf8'), sections) : sections;
  writeFileSync(out, `${header()}\n${[...merged.values()].join('\n')}`);
  // Aligned tables, as `npm test`'s format check requires of every Markdown file.
  execFileSync(path.join(benchDir, '..', 'node_modules', '.bin', 'biome'), ['format', '--write', out], {
    stdio: 'ignore',
  });
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), out)}\n`);
}

/** The sections of an earlier BENCHMARKS.md, with the freshly measured ones replaced or added. */
function keepOtherSections(previous: string, fresh: Map<string, string>): Map<string, string> {
  const merged = new Map<string, string>();
  for (const block of previous.split(/^(?=## )/m).slice(1)) {
    const name = block.slice(3, block.indexOf('\n')).trim();
    merged.set(name, fresh.get(name) ?? `${block.trimEnd()}\n`);
  }
  for (const [name, block] of fresh) if (!merged.has(name)) merged.set(name, block);
  return merged;
}

function header(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# Benchmarks',
    '',
    `Last measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    '',
    'Reproduce with `npm run bench` (all) or `npm run bench -- parse extract` (only the modules whose file',
    'name, or bench functions whose name, contains a word; their sections are replaced, the others kept).',
    'Figures are medians of several runs after warm-up; where the machine is shared, compare ratios',
    'rather than absolute times.',
    '',
  ].join('\n');
}

await main();
