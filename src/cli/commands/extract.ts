import { once } from 'node:events';
import { type Command, InvalidArgumentError } from 'commander';
import type { Target } from '../../core/target.js';

interface ExtractOptions {
  lines?: boolean;
  year?: number;
}

/** `luoshi extract` — quantitative targets, deadlines and commitments of task sentences or a report. */
export function registerExtract(program: Command): Command {
  return program
    .command('extract')
    .description('print the quantitative targets and deadlines of each task, one JSON object per line')
    .argument('[file]', 'a report file (.md/.txt), or - for standard input', '-')
    .option('--lines', 'read every non-empty line as one task sentence instead of parsing a report')
    .option(
      '--year <year>',
      'the year that 年底前 / 6月底前 refer to (default: the report year, else this year)',
      parseYear,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi extract --lines < tasks.txt\n  luoshi extract examples/beijing-subcenter-2026-summary.md',
    )
    .action(async (file: string, options: ExtractOptions) => {
      if (options.lines) await extractLines(file, options.year);
      else await extractReport(file, options.year);
    });
}

function parseYear(year: string): number {
  if (!/^\d{4}$/.test(year)) throw new InvalidArgumentError('give a four-digit year such as 2026.');
  return Number(year);
}

/**
 * The JSON shape of a target on the command line (keys in a stable order). Every object has the
 * same keys, so the objects share one hidden class; JSON.stringify leaves out an undefined `max`.
 */
function targetJson(target: Target): Record<string, unknown> {
  return {
    value: target.value,
    max: target.max,
    unit: target.unit,
    comparator: target.comparator,
    change: target.change,
    subject: target.subject,
    text: target.text,
    span: target.span,
  };
}

/** Output chunk size: lines are encoded into a buffer of this size and written when it fills. */
const CHUNK_BYTES = 1 << 18;

/**
 * Buffers stdout writes (one write per line is the slowest part of printing many small objects):
 * `line` encodes the line as UTF-8 straight into a chunk buffer (no joined string to copy and
 * encode again), and returns a promise to wait for when a full chunk went out and the pipe is
 * full ('drain'). A closed pipe (`| head`) ends the command quietly.
 */
function createWriter(): { line: (json: string) => Promise<void> | undefined; flush: () => Promise<void> } {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const write = (bytes: Buffer): Promise<void> | undefined =>
    process.stdout.write(bytes) ? undefined : once(process.stdout, 'drain').then(() => {});
  /** Writes what the chunk holds and starts a new one (the stream keeps the old one until written). */
  const send = (): Promise<void> | undefined => {
    const full = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
    return write(full);
  };
  return {
    line(json: string) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8; a line that may not fit goes out first.
      const most = json.length * 3 + 1;
      let sent: Promise<void> | undefined;
      if (used + most > CHUNK_BYTES && used > 0) sent = send();
      if (most > CHUNK_BYTES) {
        const bytes = Buffer.from(`${json}\n`);
        return sent === undefined ? write(bytes) : sent.then(() => write(bytes));
      }
      used += chunk.write(json, used, 'utf8');
      chunk[used++] = 0x0a;
      return sent;
    },
    async flush() {
      if (used > 0) await send();
    },
  };
}

/** Standard input, streamed: --lines output starts before the input ends. */
async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  yield* createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
}

/** A file's lines, decoded like an import (UTF-8, UTF-16 or GB18030 text, or .docx paragraphs). */
async function fileLines(file: string): Promise<string[]> {
  const { readReportFile } = await import('../../ingest/index.js');
  const decoded = await readReportFile(file);
  return decoded.text.split(/\r?\n/);
}

/** --lines: one JSON object per non-empty input line, in order. */
async function extractLines(file: string, year: number | undefined): Promise<void> {
  const { findTargetsAndDeadline } = await import('../../core/extract/index.js');
  const out = createWriter();
  // Without --year, deadlines such as 年底前 are read as this year's.
  const context = { year: year ?? new Date().getFullYear() };
  let lineNumber = 0;
  // A file's lines are all in memory already: a plain loop, not one promise per line.
  const lines = file === '-' ? stdinLines() : await fileLines(file);
  const print = (raw: string): Promise<void> | undefined => {
    lineNumber++;
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') return undefined;
    const analysis = findTargetsAndDeadline(text, context);
    return out.line(
      JSON.stringify({
        line: lineNumber,
        text,
        targets: analysis.targets.map(targetJson),
        deadline: analysis.deadline,
      }),
    );
  };
  if (Array.isArray(lines)) {
    for (const raw of lines) {
      const full = print(raw);
      if (full) await full;
    }
  } else {
    for await (const raw of lines) {
      const full = print(raw);
      if (full) await full;
    }
  }
  await out.flush();
}

/** The whole input as report text: a file is decoded like an import; standard input must be UTF-8. */
async function readReportText(file: string): Promise<string> {
  const { decodeReportBytes, readReportFile } = await import('../../ingest/index.js');
  if (file !== '-') return (await readReportFile(file)).text;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return (await decodeReportBytes(new Uint8Array(Buffer.concat(chunks)), 'standard input')).text;
}

/** Without --lines: parse the report and print every task with its place in the tree. */
async function extractReport(file: string, year: number | undefined): Promise<void> {
  const [{ normalizeReportText, parseReport }, { analyzeTask }] = await Promise.all([
    import('../../core/parse/index.js'),
    import('../../core/extract/index.js'),
  ]);
  const tree = parseReport(normalizeReportText(await readReportText(file)));
  const context = { year: year ?? tree.meta.year ?? new Date().getFullYear() };
  const out = createWriter();
  let count = 0;
  // The year's 主要预期目标 first, then each area's tasks: the same places 分工方案 matching uses.
  const { listIndexedTasks } = await import('../../core/division/report-tasks.js');
  for (const { index, path, task, areaTitle } of listIndexedTasks(tree)) {
    const analysis = analyzeTask(task.text, areaTitle === undefined ? context : { ...context, areaTitle });
    count++;
    await out.line(
      JSON.stringify({
        index,
        path,
        text: task.text,
        span: task.span,
        targets: analysis.targets.map(targetJson),
        deadline: analysis.deadline,
        commitment: analysis.commitment,
      }),
    );
  }
  await out.flush();
  process.stderr.write(`luoshi: ${count} tasks in ${tree.areas.length} work areas\n`);
}
