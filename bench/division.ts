/**
 * 分工方案 in: how well rows of the fixture plans (test-data/division, every shape) are matched to
 * the sample report's tasks against the hand-read gold, and how long a 300-row plan takes to read
 * and match against a 300-task report (goal < 1 s).
 */
import { readFileSync } from 'node:fs';
import {
  buildTaskMatcher,
  type DivisionSourceLine,
  listIndexedTasks,
  parseDivisionPlan,
} from '../src/core/division/index.js';
import { resolveUnitNames } from '../src/core/division/unit-names.js';
import { normalizeReportText, parseReport } from '../src/core/parse/index.js';
import { readDivisionBytes } from '../src/ingest/division.js';
import { PROVINCE_2026_FILES, readCorpusText, readRepoText } from '../src/ingest/testing/corpus.js';
import { PLAN_AREAS } from '../test-data/division/plan-rows.js';
import { type BenchResult, median } from './bench-result.js';

const SHAPES = [
  'plan-labelled.txt',
  'plan-short.gb18030.txt',
  'plan-paragraphs.docx',
  'plan-table.docx',
  'plan-sheet.xlsx',
];

async function accuracyRows(): Promise<Record<string, string | number>[]> {
  const sample = parseReport(normalizeReportText(readRepoText('examples/beijing-subcenter-2026-summary.md')));
  const matcher = buildTaskMatcher(
    listIndexedTasks(sample).map(({ index, task }) => ({ index, text: task.text })),
  );
  const gold = PLAN_AREAS.flatMap((area) => area.rows);
  const rows: Record<string, string | number>[] = [];
  for (const name of SHAPES) {
    const bytes = new Uint8Array(readFileSync(new URL(`../test-data/division/${name}`, import.meta.url)));
    const plan = parseDivisionPlan(await readDivisionBytes(bytes, name), { year: 2026 });
    let parsedRight = 0;
    let autoMatched = 0;
    let autoRight = 0;
    let correct = 0;
    plan.rows.forEach((row, i) => {
      const expected = gold[i];
      if (!expected) return;
      if (
        row.text === expected.text &&
        row.lead.join() === expected.lead.join() &&
        row.cooperating.join() === expected.cooperating.join()
      )
        parsedRight += 1;
      const match = matcher.match(row.text);
      const right = match.matches.join() === expected.gold.join();
      if (match.status === 'matched') {
        autoMatched += 1;
        if (right) autoRight += 1;
      }
      if (expected.gold.length > 0 ? match.status === 'matched' && right : match.status !== 'matched')
        correct += 1;
    });
    rows.push({
      plan: name,
      rows: plan.rows.length,
      'rows parsed right': `${parsedRight}/${gold.length}`,
      'matched automatically': autoMatched,
      'precision of automatic matches': autoMatched === 0 ? '-' : (autoRight / autoMatched).toFixed(3),
      'rows right (matched as gold, or left to the office when no task fits)': `${correct}/${gold.length}`,
    });
  }
  return rows;
}

/** The first 300 tasks of the provincial reports, and a plan that paraphrases each in a numbered row. */
function scaleInputs(): { tasks: { index: string; text: string }[]; lines: DivisionSourceLine[] } {
  const tasks: { index: string; text: string }[] = [];
  for (const file of PROVINCE_2026_FILES) {
    const tree = parseReport(normalizeReportText(readCorpusText(file)));
    for (const { index, task } of listIndexedTasks(tree)) {
      if (tasks.length < 300) tasks.push({ index: `${file}:${index}`, text: task.text });
    }
    if (tasks.length >= 300) break;
  }
  const units = [
    '省发展改革委',
    '省财政厅',
    '省教育厅',
    '省人力资源社会保障厅',
    '省住房城乡建设厅',
    '各市人民政府',
  ];
  const lines: DivisionSourceLine[] = [{ line: 1, cells: ['××省2026年政府工作报告重点任务分工方案'] }];
  tasks.forEach((task, i) => {
    // A paraphrase: the task's second half first, its opening words dropped.
    const text = task.text.replace(/[。；]$/u, '');
    const cut = Math.floor(text.length / 3);
    const paraphrase = `${text.slice(cut)}，${text.slice(2, cut)}`;
    const lead = units[i % units.length];
    const cooperating = units[(i + 1) % units.length];
    lines.push({
      line: i + 2,
      cells: [`${i + 1}.${paraphrase}。（牵头单位：${lead}；配合单位：${cooperating}；完成时限：年底前）`],
    });
  });
  return { tasks, lines };
}

export async function benchDivision(): Promise<BenchResult> {
  const rows = await accuracyRows();
  const { tasks, lines } = scaleInputs();
  const directory = Array.from({ length: 150 }, (_, i) => ({
    id: i + 1,
    name: `省第${i + 1}委员会`,
    shortName: null,
    aliases: [],
  }));
  const timings: number[] = [];
  let matched = 0;
  for (let run = 0; run < 7; run += 1) {
    const started = process.hrtime.bigint();
    const plan = parseDivisionPlan(lines, { year: 2026 });
    const matcher = buildTaskMatcher(tasks);
    const results = plan.rows.map((row) => matcher.match(row.text));
    resolveUnitNames(
      plan.rows.flatMap((row) => [...row.lead, ...row.cooperating]),
      directory,
    );
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    matched = results.filter(
      (result, i) => result.status === 'matched' && result.matches.join() === (tasks[i]?.index ?? ''),
    ).length;
  }
  rows.push({
    plan: '300 paraphrased rows vs 300 tasks (first 300 tasks of the provincial 2026 reports)',
    rows: lines.length - 1,
    'rows parsed right': '-',
    'matched automatically': matched,
    'precision of automatic matches': '-',
    'rows right (matched as gold, or left to the office when no task fits)': `parse + match + units: ${median(timings).toFixed(1)} ms median of 7 (goal < 1000 ms)`,
  });
  return {
    name: '分工方案 matching (luoshi division parse)',
    rows,
    notes: [
      'Fixture rows paraphrase the sample report (examples/beijing-subcenter-2026-summary.md); the gold tasks of each row are hand-read in test-data/division/plan-rows.ts. A row counts as right when it is matched to exactly its gold tasks, or, for a row that belongs to no task or is too vague, when it is left to the office (ambiguous or unmatched).',
      'The 300-row line: each row rewrites one task (its last two thirds first, its opening two characters dropped); "matched automatically" counts rows matched to exactly their own task and nothing else. Time is one core, in process, median of 7 runs, reading the plan text, building the task index, matching every row and resolving its units against a 150-unit directory.',
    ],
  };
}
