import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { DivisionParse, MatchTask, RowMatch } from '../../core/division/index.js';

interface DivisionParseOptions {
  report?: string;
  year?: number;
  json?: boolean;
}

/** `luoshi division parse PLAN` — read a 分工方案 and match its rows to a report's tasks. */
export function registerDivision(program: Command): Command {
  const division = program
    .command('division')
    .description('read a 重点任务分工方案 (task-division plan) of the government office');
  division
    .command('parse')
    .description('print the rows of a 分工方案: task, lead and cooperating units, leaders, deadline')
    .argument('<plan>', 'the plan: .docx, .xlsx, or text (.txt/.md in UTF-8, UTF-16 or GB18030)')
    .option('--report <report>', 'match rows to the tasks of this report (a file, or a stored report id)')
    .option('--year <year>', 'the year of 年底前 / 三季度末 when the plan title names none', parseYear)
    .option('--json', 'print JSON instead of one line per row')
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi division parse 分工方案.docx --json\n  luoshi division parse plan.xlsx --report examples/beijing-subcenter-2026-summary.md --json',
    )
    .action(async (plan: string, options: DivisionParseOptions) => {
      const result = await parseDivisionFile(plan, options);
      const output = options.json ? `${JSON.stringify(result, null, 2)}\n` : outline(result);
      if (!process.stdout.write(output)) await once(process.stdout, 'drain');
      const withProblems = result.rows.filter((row) => row.problems.length > 0);
      for (const row of withProblems) {
        for (const problem of row.problems) process.stderr.write(`luoshi: ${problem.message}\n`);
      }
    });
  return division;
}

function parseYear(year: string): number {
  if (!/^\d{4}$/.test(year)) throw new InvalidArgumentError('give a four-digit year such as 2026.');
  return Number(year);
}

/** The JSON the command prints: the rows in document order, with their matches when a report is given. */
export interface DivisionParseJson {
  title: string;
  year: number;
  rows: {
    seq: string | null;
    line: number;
    area: string | null;
    text: string;
    lead: string[];
    cooperating: string[];
    leaders: string[];
    deadline_text: string | null;
    deadline: string | null;
    status?: RowMatch['status'];
    matches: string[];
    candidates: RowMatch['candidates'];
    problems: { code: string; message: string }[];
  }[];
}

async function parseDivisionFile(plan: string, options: DivisionParseOptions): Promise<DivisionParseJson> {
  const [{ readFile }, { readDivisionBytes }, { parseDivisionPlan, buildTaskMatcher }] = await Promise.all([
    import('node:fs/promises'),
    import('../../ingest/division.js'),
    import('../../core/division/index.js'),
  ]);
  const { badInput } = await import('../../core/errors.js');
  if (!existsSync(plan)) {
    throw badInput('file_not_found', `${plan}: no such file`, `${plan}：文件不存在，请检查路径`);
  }
  const lines = await readDivisionBytes(new Uint8Array(await readFile(plan)), basename(plan));
  const tasks = options.report === undefined ? null : await reportTasks(options.report, options.year);
  const parsed: DivisionParse = parseDivisionPlan(lines, {
    year: options.year ?? tasks?.year ?? new Date().getFullYear(),
  });
  const matcher = tasks === null ? null : buildTaskMatcher(tasks.tasks);
  return {
    title: parsed.title,
    year: parsed.year,
    rows: parsed.rows.map((row) => {
      const match = matcher?.match(row.text);
      return {
        seq: row.seq,
        line: row.line,
        area: row.area,
        text: row.text,
        lead: row.lead,
        cooperating: row.cooperating,
        leaders: row.leaders,
        deadline_text: row.deadlineText,
        deadline: row.deadline,
        ...(match ? { status: match.status } : {}),
        matches: match?.matches ?? [],
        candidates: match?.candidates ?? [],
        problems: row.problems.map((problem) => ({ code: problem.code, message: problem.zh })),
      };
    }),
  };
}

/** The tasks of REPORT (a file, or a stored report id) with their `luoshi extract` index. */
async function reportTasks(
  report: string,
  year: number | undefined,
): Promise<{ tasks: MatchTask[]; year: number | undefined }> {
  const { listIndexedTasks } = await import('../../core/division/index.js');
  if (existsSync(report)) {
    const [{ readReportFile }, { parseReport }] = await Promise.all([
      import('../../ingest/index.js'),
      import('../../core/parse/index.js'),
    ]);
    const tree = parseReport((await readReportFile(report)).text);
    const tasks = listIndexedTasks(tree).map(({ index, task }) => ({ index, text: task.text }));
    return { tasks, year: year ?? tree.meta.year };
  }
  if (!/^\d+$/.test(report)) {
    const { badInput } = await import('../../core/errors.js');
    throw badInput(
      'file_not_found',
      `${report}: no such file, and not a report id`,
      `${report}：既不是文件也不是报告编号`,
    );
  }
  const [{ withDatabase }, { getReportTree }] = await Promise.all([
    import('./with-database.js'),
    import('../../store/reports/get-report-tree.js'),
  ]);
  return withDatabase(async ({ db }) => {
    const tree = await getReportTree(db, Number(report));
    const tasks = listIndexedTasks(tree).map(({ index, task }) => ({ index, text: task.text }));
    return { tasks, year: year ?? tree.report.year ?? undefined };
  });
}

function outline(result: DivisionParseJson): string {
  const lines = [`${result.title} (${result.rows.length} rows)`];
  for (const row of result.rows) {
    const who = [row.lead.join('、'), row.cooperating.join('、')].filter(Boolean).join(' / ');
    const match = row.status ? ` → ${row.status} ${row.matches.join(',')}` : '';
    lines.push(`${row.seq ?? '-'}. ${row.text} [${who}] ${row.deadline ?? row.deadline_text ?? ''}${match}`);
  }
  return `${lines.join('\n')}\n`;
}
