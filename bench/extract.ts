/**
 * Target extraction: luoshi's extractor against Microsoft Recognizers-Text (Chinese number,
 * percentage, dimension and currency models) and a naive regex, on the sample gold and the dev set:
 * precision, recall and F1 (value + unit + comparator), and throughput. Also the extractor's speed
 * over the whole corpus (alone, and with the report parser) and the cold start of `luoshi extract`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTask } from '../src/core/extract/index.js';
import {
  type GoldLine,
  type PredictedTarget,
  parseGoldJsonl,
  scoreTargets,
} from '../src/core/extract/scoring.js';
import { normalizeReportText, parseReport } from '../src/core/parse/index.js';
import { CORPUS_FILES, readCorpusText, readRepoText } from '../src/ingest/testing/corpus.js';
import { type BenchResult, median } from './bench-result.js';

type Extractor = (sentence: string) => PredictedTarget[];

const DEV_FILES = ['national', 'guangdong', 'zhejiang', 'beijing'];

/** Recognizers-Text reports units in English; these are the ones report sentences use. */
const RT_UNITS: Readonly<Record<string, string>> = {
  'Square meter': '平方米',
  'Square kilometer': '平方公里',
  Hectare: '公顷',
  Mu: '亩',
  Kilometer: '公里',
  Meter: '米',
  Ton: '吨',
  Kilogram: '千克',
  Gram: '克',
  Jin: '斤',
  'Cubic meter': '立方米',
  Kilowatt: '千瓦',
  'Kilowatt hour': '千瓦时',
  'Chinese yuan': '元',
  'United States dollar': '美元',
  Euro: '欧元',
  'Hong Kong dollar': '港元',
};

interface RecognizerModule {
  recognizePercentage: (text: string, culture: string) => RecognizerResult[];
  recognizeNumber: (text: string, culture: string) => RecognizerResult[];
}
interface UnitRecognizerModule {
  recognizeDimension: (text: string, culture: string) => RecognizerResult[];
  recognizeCurrency: (text: string, culture: string) => RecognizerResult[];
}
interface RecognizerResult {
  start: number;
  end: number;
  text: string;
  resolution?: { value?: string; unit?: string };
}

async function recognizersText(): Promise<Extractor> {
  const numbers = (await import('@microsoft/recognizers-text-number')) as unknown as RecognizerModule;
  const units = (await import(
    '@microsoft/recognizers-text-number-with-unit'
  )) as unknown as UnitRecognizerModule;
  const culture = 'zh-cn';
  return (sentence) => {
    // The number model finds bare numbers; it runs for a fair time comparison, but a number without
    // a unit cannot match a target, so only percentages, dimensions and currencies are scored.
    numbers.recognizeNumber(sentence, culture);
    const found: PredictedTarget[] = [];
    for (const result of numbers.recognizePercentage(sentence, culture)) {
      const value = Number.parseFloat(result.resolution?.value ?? '');
      if (Number.isFinite(value)) found.push({ value, unit: '%', comparator: '=', text: result.text });
    }
    for (const result of [
      ...units.recognizeDimension(sentence, culture),
      ...units.recognizeCurrency(sentence, culture),
    ]) {
      const value = Number.parseFloat(result.resolution?.value ?? '');
      const unit = RT_UNITS[result.resolution?.unit ?? ''] ?? result.resolution?.unit ?? '';
      if (Number.isFinite(value)) found.push({ value, unit, comparator: '=', text: result.text });
    }
    return found;
  };
}

/** What a first attempt with one regular expression gets: digits, an optional 万/亿, a common unit. */
const NAIVE =
  /(\d+(?:\.\d+)?)(万|亿)?(平方米|平方公里|公顷|亩|公里|千瓦|吨|元|美元|个|家|处|座|所|项|条|户|人次|人|名|张|辆|部|场|套|%)/g;

const naiveRegex: Extractor = (sentence) => {
  const found: PredictedTarget[] = [];
  for (const match of sentence.matchAll(NAIVE)) {
    const multiplier = match[2] === '万' ? 1e4 : match[2] === '亿' ? 1e8 : 1;
    found.push({
      value: Number(match[1]) * multiplier,
      unit: match[3] ?? '',
      comparator: '=',
      text: match[0],
    });
  }
  return found;
};

const luoshi: Extractor = (sentence) => analyzeTask(sentence, { year: 2026 }).targets;

/**
 * Runs `pass` repeatedly for about `ms` of wall time and returns passes per CPU second of this
 * process. CPU time, not wall time: the machine is shared, and the target is per core.
 */
function passesPerCpuSecond(pass: () => void, ms: number): number {
  let passes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  do {
    pass();
    passes++;
  } while (performance.now() - started < ms);
  const used = process.cpuUsage(cpu);
  return passes / ((used.user + used.system) / 1e6);
}

/** Characters per CPU second of `extract` over `sentences`: median of `runs` measurements after a warm-up. */
function throughput(extract: Extractor, sentences: readonly string[], runs: number): number {
  const chars = sentences.reduce((sum, s) => sum + s.length, 0);
  const pass = (): void => {
    for (const s of sentences) extract(s);
  };
  for (let warm = 0; warm < 3; warm++) pass();
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) rates.push(chars * passesPerCpuSecond(pass, 400));
  return median(rates);
}

function fmt(value: number, digits = 3): string {
  return value.toFixed(digits);
}

function scoreRow(
  dataset: string,
  system: string,
  gold: readonly GoldLine[],
  extract: Extractor,
  runs: number,
) {
  const predicted = gold.map((line) => extract(line.text));
  const strict = scoreTargets(gold, predicted, true);
  const loose = scoreTargets(gold, predicted, false);
  const rate = throughput(
    extract,
    gold.map((line) => line.text),
    runs,
  );
  return {
    dataset,
    system,
    precision: fmt(strict.precision),
    recall: fmt(strict.recall),
    'strict F1': fmt(strict.f1),
    'loose F1 (value+unit)': fmt(loose.f1),
    'quantities right (value+unit)': `${loose.truePositives} / ${loose.truePositives + loose.falseNegatives}`,
    'chars per CPU second': Math.round(rate).toLocaleString('en-US'),
  };
}

/** Sentences of every corpus report, split the simple way (。；！？ and line ends). */
function corpusSentences(): string[] {
  return CORPUS_FILES.flatMap((name) =>
    readCorpusText(name)
      .split(/(?<=[。；！？\n])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
}

function utf8Bytes(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0);
}

/** MB/s (UTF-8) of parse + extract over whole reports: the import path's core work. */
function parseAndExtractRate(): number {
  const reports = CORPUS_FILES.map((name) => readCorpusText(name));
  const bytes = utf8Bytes(reports);
  const once = (): void => {
    for (const raw of reports) {
      const tree = parseReport(normalizeReportText(raw));
      const year = tree.meta.year ?? 2026;
      for (const area of tree.areas) {
        for (const task of area.tasks) analyzeTask(task.text, { year });
        for (const measure of area.measures)
          for (const task of measure.tasks) analyzeTask(task.text, { year });
      }
    }
  };
  for (let warm = 0; warm < 3; warm++) once();
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) rates.push((bytes * passesPerCpuSecond(once, 600)) / 1e6);
  return median(rates);
}

/** CPU seconds used so far by this process's finished children (Linux /proc; null elsewhere). */
function childCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}

interface StartTime {
  wallMs: number;
  cpuMs: number | null;
}

/** `luoshi extract --lines` on one line (and a bare `node -e ""`): median wall and CPU time of 10 runs. */
function coldStart(): { cli: StartTime; node: StartTime } | null {
  const bin = fileURLToPath(new URL('../bin/luoshi.js', import.meta.url));
  if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) return null;
  const measure = (args: string[]): StartTime => {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < 10; run++) {
      const cpuBefore = childCpuSeconds();
      const started = performance.now();
      const child = spawnSync(process.execPath, args, { input: '新增中小学学位6500个\n', encoding: 'utf8' });
      walls.push(performance.now() - started);
      const cpuAfter = childCpuSeconds();
      if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
      if (cpuBefore !== null && cpuAfter !== null) cpus.push((cpuAfter - cpuBefore) * 1000);
    }
    return { wallMs: median(walls), cpuMs: cpus.length > 0 ? median(cpus) : null };
  };
  return { cli: measure([bin, 'extract', '--lines']), node: measure(['-e', '']) };
}

function describeStart(time: StartTime): string {
  const cpu = time.cpuMs === null ? '' : `, ${time.cpuMs.toFixed(0)} ms CPU`;
  return `${time.wallMs.toFixed(0)} ms wall${cpu}`;
}

/** Accuracy and speed of target extraction (see the module comment). */
export async function benchExtract(): Promise<BenchResult> {
  const sample = parseGoldJsonl(readRepoText('test-data/gold/seed-targets.jsonl'));
  const dev = DEV_FILES.flatMap((name) =>
    parseGoldJsonl(readRepoText(`test-data/dev/targets-${name}.jsonl`)),
  );
  const recognizers = await recognizersText();
  const systems: Array<[string, Extractor, number]> = [
    ['luoshi', luoshi, 5],
    ['Recognizers-Text 1.3.1 (zh-cn)', recognizers, 1],
    ['naive regex', naiveRegex, 5],
  ];
  const rows: Record<string, string | number>[] = [];
  for (const [dataset, gold] of [
    [`sample gold (${sample.length} tasks)`, sample],
    [`dev set (${dev.length} sentences)`, dev],
  ] as const) {
    for (const [system, extract, runs] of systems) rows.push(scoreRow(dataset, system, gold, extract, runs));
  }

  const sentences = corpusSentences();
  const extractMBs =
    (throughput(luoshi, sentences, 5) * (utf8Bytes(sentences) / sentences.join('').length)) / 1e6;
  rows.push({
    dataset: `whole corpus (${sentences.length} sentences, ${(utf8Bytes(sentences) / 1e6).toFixed(2)} MB)`,
    system: 'luoshi extract only',
    'chars per CPU second': `${fmt(extractMBs, 1)} MB/s`,
  });
  rows.push({
    dataset: `whole corpus (${CORPUS_FILES.length} reports)`,
    system: 'luoshi parse reports + extract tasks',
    'chars per CPU second': `${fmt(parseAndExtractRate(), 1)} MB/s`,
  });
  const start = coldStart();
  const notes = [
    'Strict = value + unit + comparator (and max for ranges); loose = value + unit. Optional gold targets are neither required nor penalised. Scoring is the same as ../shared/tools/score_extract.py (src/core/extract/scoring.ts).',
    'Recognizers-Text has no comparators, so its targets are all "="; its units are mapped from English (Square meter → 平方米, Chinese yuan → 元); bare numbers carry no unit and cannot match. Its throughput includes the number model.',
    "Throughput is per core: characters (or UTF-8 megabytes) per second of this process's CPU time, median of several runs after warm-up, so that other work on a shared machine does not distort it.",
    'The dev set was written by reading corpus sentences (test-data/dev/README.md) and the extractor was developed against it: read its figures as a regression floor, not as held-out accuracy.',
    start === null
      ? 'CLI cold start not measured: run `npm run build` first.'
      : `CLI cold start (\`luoshi extract --lines\` on one line, median of 10): ${describeStart(start.cli)}; a bare \`node -e ""\`: ${describeStart(start.node)}. On a busy machine wall time includes waiting for a core; CPU time is the work itself.`,
    '"parse + extract" parses each whole report and analyses every task it finds (review and requirement paragraphs are parsed but not analysed); "extract only" analyses every sentence of the corpus.',
  ];
  return { name: 'Target extraction: luoshi vs Recognizers-Text vs a naive regex', rows, notes };
}

/**
 * The input of the whole-process bench: every corpus text (`*.txt`, `provinces-2026/*.txt`,
 * `*.md`, in that order, as the shell lists them) four times over, one line per paragraph.
 */
function corpusLinesFile(): { file: string; bytes: number; lines: number } {
  const corpus = fileURLToPath(new URL('../test-data/corpus/', import.meta.url));
  const inFolder = (folder: string, ext: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(ext))
      .sort()
      .map((name) => readFileSync(path.join(folder, name)));
  const once = Buffer.concat([
    ...inFolder(corpus, '.txt'),
    ...inFolder(path.join(corpus, 'provinces-2026'), '.txt'),
    ...inFolder(corpus, '.md'),
  ]);
  const all = Buffer.concat([once, once, once, once]);
  const file = path.join(tmpdir(), 'luoshi-bench-extract-lines.txt');
  writeFileSync(file, all);
  let lines = 0;
  for (let i = all.indexOf(10); i >= 0; i = all.indexOf(10, i + 1)) lines++;
  return { file, bytes: all.length, lines };
}

/**
 * Whole-process `luoshi extract --lines` over the corpus ×4: wall and CPU time of the process,
 * start-up included, output to /dev/null. Run with `npm run bench -- WholeProcess` after
 * `npm run build`.
 */
export async function benchWholeProcessExtraction(): Promise<BenchResult> {
  const name = 'Whole-process extraction: `luoshi extract --lines` over corpus lines';
  const bin = fileURLToPath(new URL('../bin/luoshi.js', import.meta.url));
  if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) {
    return { name, rows: [], notes: ['Not measured: run `npm run build` first.'] };
  }
  const input = corpusLinesFile();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const runs = 9;
  const measure = (env: NodeJS.ProcessEnv) => {
    const walls: number[] = [];
    const cpus: number[] = [];
    const devNull = openSync('/dev/null', 'w');
    try {
      for (let run = 0; run < runs; run++) {
        const cpuBefore = childCpuSeconds();
        const started = performance.now();
        const child = spawnSync(process.execPath, [bin, 'extract', '--lines', input.file, '--year', '2026'], {
          stdio: ['ignore', devNull, 'pipe'],
          env,
        });
        walls.push((performance.now() - started) / 1000);
        const cpuAfter = childCpuSeconds();
        if (child.status !== 0) throw new Error(`luoshi extract failed: ${child.stderr}`);
        if (cpuBefore !== null && cpuAfter !== null) cpus.push(cpuAfter - cpuBefore);
      }
    } finally {
      closeSync(devNull);
    }
    return { walls, cpus };
  };
  const mb = input.bytes / 1e6;
  const row = (environment: string, { walls, cpus }: { walls: number[]; cpus: number[] }) => ({
    code: commit,
    input: `${mb.toFixed(1)} MB (the corpus ×4, ${input.lines.toLocaleString('en-US')} lines)`,
    environment,
    'wall s (best / median)': `${Math.min(...walls).toFixed(2)} / ${median(walls).toFixed(2)}`,
    'CPU s (median)': cpus.length > 0 ? median(cpus).toFixed(2) : '',
    'MB/s by wall (best / median)': `${(mb / Math.min(...walls)).toFixed(1)} / ${(mb / median(walls)).toFixed(1)}`,
    'MB/s by CPU': cpus.length > 0 ? (mb / median(cpus)).toFixed(1) : '',
  });
  const rows = [row('as it is', measure(process.env))];
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
  if (extraCerts !== undefined) {
    const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
    rows.push(row('without NODE_EXTRA_CA_CERTS', measure(without)));
  }
  const notes = [
    `Command: \`node bin/luoshi.js extract --lines FILE --year 2026 > /dev/null\`, ${runs} runs of each row, after \`npm run build\`; FILE is every corpus text (\`test-data/corpus/*.txt\`, \`provinces-2026/*.txt\`, \`*.md\`) four times over. Start-up included. CPU is user + system time of the process and its threads (the JIT compiles on background threads), read from /proc in 10 ms ticks.`,
    'Wall time on a shared machine is mostly waiting for a core when the load is high; the CPU column is the work itself.',
  ];
  if (extraCerts !== undefined) {
    notes.push(
      'This machine sets NODE_EXTRA_CA_CERTS, which makes every node process parse a CA bundle at start (before any luoshi code runs); the second row leaves it unset to show what luoshi itself costs.',
    );
  }
  return { name, rows, notes };
}
