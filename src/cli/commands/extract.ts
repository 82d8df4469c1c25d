import { type Command, InvalidArgumentError } from 'commander';
import type { Target, TaskAnalysis } from '../../core/target.js';

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

/** The JSON shape of a target on the command line (keys in a stable order). */
function targetJson(target: Target): Record<string, unknown> {
  const json: Record<string, unknown> = { value: target.value };
  if (target.max !== undefined) json.max = target.max;
  json.unit = target.unit;
  json.comparator = target.comparator;
  json.change = target.change;
  json.subject = target.subject;
  json.text = target.text;
  json.span = target.span;
  return json;
}

/** Buffers stdout writes: one write per line is the slowest part of printing many small objects. */
function createWriter(): { line: (json: string) => void; flush: () => Promise<void> } {
  let buffer = '';
  const write = (chunk: string): Promise<void> =>
    new Promise((resolve, reject) => {
      process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  const pending: Promise<void>[] = [];
  return {
    line(json: string) {
      buffer += `${json}\n`;
      if (buffer.length >= 1 << 16) {
        pending.push(write(buffer));
        buffer = '';
      }
    },
    async flush() {
      if (buffer.length > 0) pending.push(write(buffer));
      buffer = '';
      await Promise.all(pending);
    },
  };
}

async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  if (file === '-') return process.stdin;
  const { createReadStream, existsSync } = await import('node:fs');
  if (!existsSync(file)) {
    const { badInput } = await import('../../core/errors.js');
    throw badInput(
      'file_not_found',
      `${file}: no such file — give the path of a text file, or - to read standard input`,
      `${file}：文件不存在——请给出文本文件路径，或用 - 读取标准输入`,
      { file },
    );
  }
  return createReadStream(file);
}

/** --lines: one JSON object per non-empty input line, in order, streamed. */
async function extractLines(file: string, year: number | undefined): Promise<void> {
  const [{ createInterface }, { analyzeTask }] = await Promise.all([
    import('node:readline'),
    import('../../core/extract/index.js'),
  ]);
  const input = await openInput(file);
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const out = createWriter();
  const context = year === undefined ? {} : { year };
  let lineNumber = 0;
  for await (const raw of reader) {
    lineNumber++;
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const analysis: TaskAnalysis = analyzeTask(text, context);
    out.line(
      JSON.stringify({
        line: lineNumber,
        text,
        targets: analysis.targets.map(targetJson),
        deadline: analysis.deadline,
      }),
    );
  }
  await out.flush();
}

async function readAllText(file: string): Promise<string> {
  const input = await openInput(file);
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { badInput } = await import('../../core/errors.js');
    throw badInput(
      'bad_encoding',
      `${file}: not valid UTF-8 text — save it as UTF-8 or import it with \`luoshi import\``,
      `${file}：不是有效的 UTF-8 文本——请另存为 UTF-8，或用 \`luoshi import\` 导入`,
      { file },
    );
  }
}

/** Without --lines: parse the report and print every task with its place in the tree. */
async function extractReport(file: string, year: number | undefined): Promise<void> {
  const [{ normalizeReportText, parseReport }, { analyzeTask }] = await Promise.all([
    import('../../core/parse/index.js'),
    import('../../core/extract/index.js'),
  ]);
  const raw = await readAllText(file);
  const tree = parseReport(normalizeReportText(raw));
  const context = { year: year ?? tree.meta.year ?? new Date().getFullYear() };
  const out = createWriter();
  let count = 0;
  for (const [areaIndex, area] of tree.areas.entries()) {
    const areaName = `${area.label ?? ''}${area.title}`;
    const tasks = [
      ...area.tasks.map((task, taskIndex) => ({
        task,
        path: [areaName],
        index: [areaIndex + 1, taskIndex + 1],
      })),
      ...area.measures.flatMap((measure, measureIndex) =>
        measure.tasks.map((task, taskIndex) => ({
          task,
          path: [areaName, `${measure.label ?? ''}${measure.title}`],
          index: [areaIndex + 1, measureIndex + 1, taskIndex + 1],
        })),
      ),
    ];
    for (const { task, path, index } of tasks) {
      const analysis = analyzeTask(task.text, { ...context, areaTitle: area.title });
      count++;
      out.line(
        JSON.stringify({
          index: index.join('.'),
          path,
          text: task.text,
          span: task.span,
          targets: analysis.targets.map(targetJson),
          deadline: analysis.deadline,
          commitment: analysis.commitment,
        }),
      );
    }
  }
  await out.flush();
  process.stderr.write(`luoshi: ${count} tasks in ${tree.areas.length} work areas\n`);
}
