import type { Command } from 'commander';
import type { FlatTree } from '../../core/merge/flatten-tree.js';
import type { ReportTree } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';
import type { MergePreview } from '../../store/merge/preview-merge.js';

interface ImportOptions {
  organisation?: string;
  issuer?: string;
  into?: string;
  dryRun?: boolean;
  asPlan?: boolean;
  year?: string;
}

/** Analyses every task of a tree in flat order, with its year, section and area as context. */
export async function analyzeTreeTasks(tree: ReportTree, flat: FlatTree): Promise<TaskAnalysis[]> {
  const { analyzeTask } = await import('../../core/extract/index.js');
  return flat.tasks.map((index) => {
    let areaTitle: string | undefined;
    let sectionKind: string | undefined;
    for (let at = flat.nodes[index]!.parent; at >= 0; at = flat.nodes[at]!.parent) {
      const node = flat.nodes[at]!;
      if (node.kind === 'area') areaTitle ??= node.title;
      if (node.kind === 'section') sectionKind = node.sectionKind ?? undefined;
    }
    return analyzeTask(flat.nodes[index]!.title, {
      // A report that states no year is read as this year's.
      year: tree.meta.year ?? new Date().getFullYear(),
      ...(areaTitle !== undefined ? { areaTitle } : {}),
      ...(sectionKind !== undefined ? { sectionKind } : {}),
    });
  });
}

/** `luoshi import FILE` — parse, extract and store a report; prints the new report id. */
function printPreview(preview: MergePreview): void {
  const { kept, changed, added, archived, moved } = preview.summary;
  process.stdout.write(
    `merge into report ${preview.reportId}: ${kept} kept (${moved} moved), ${changed} changed, ${added} added, ${archived} archived\n`,
  );
  for (const c of preview.changed) process.stdout.write(`~ [${c.id}] ${c.before}\n    → ${c.after}\n`);
  for (const a of preview.added) process.stdout.write(`+ ${a.text}\n`);
  for (const a of preview.archived) process.stdout.write(`- [${a.id}] ${a.text}\n`);
}

/** `luoshi import FILE` — parse, extract and store a report (or merge a revision); prints the report id. */
export function registerImport(program: Command): Command {
  return program
    .command('import')
    .description('import a report file (parse, extract targets, store) and print the report id')
    .argument(
      '<file>',
      'the report: Word .docx/.doc, WPS .wps, PDF, OFD, web page .html/.mhtml, Markdown or text (UTF-8 or GBK)',
    )
    .option(
      '-o, --organisation <name>',
      'the government that owns the report (its office tracks it), e.g. 北京市通州区人民政府; created under the root organisation when new (default: the root)',
    )
    .option(
      '--issuer <name>',
      'the issuing government (发文机关) as shown, when not the owning one (default: --organisation)',
    )
    .option(
      '--into <reportId>',
      're-import a revised report into a stored one, merging (tasks keep their history)',
    )
    .option(
      '--dry-run',
      'with --into: print the merge preview (kept/changed/added/archived) and write nothing',
    )
    .option(
      '--as-plan',
      'the file is a 分工方案 (.docx/.xlsx/text): store it as the tracked plan — headings become areas, rows tasks, units assignments',
    )
    .option('--year <year>', 'with --as-plan: the year of 年底前 / 三季度末 when the plan title names none')
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi import examples/beijing-subcenter-2026-summary.md\n  luoshi import 通州区2026年政府工作报告.docx --organisation 北京市通州区人民政府\n  luoshi import revised.docx --into 1 --dry-run\n  luoshi import 分工方案.xlsx --as-plan',
    )
    .action(async (file: string, options: ImportOptions) => {
      const [path, { badInput }, { readReportFile }] = await Promise.all([
        import('node:path'),
        import('../../core/errors.js'),
        import('../../ingest/index.js'),
      ]);
      const into = options.into === undefined ? undefined : Number(options.into);
      if (into !== undefined && !(Number.isInteger(into) && into > 0)) {
        throw badInput(
          'bad_usage',
          `--into ${options.into}: give a report id (a positive number)`,
          '--into 需要报告编号（正整数）',
        );
      }
      if (options.dryRun && into === undefined) {
        throw badInput(
          'bad_usage',
          '--dry-run previews a merge: use it with --into REPORT_ID',
          '--dry-run 需与 --into 一起使用',
        );
      }
      const started = performance.now();
      const log = (message: string) =>
        process.stderr.write(`luoshi import: ${message} (${Math.round(performance.now() - started)} ms)\n`);
      if (options.asPlan) {
        if (into !== undefined) {
          throw badInput(
            'bad_usage',
            '--as-plan stores a new plan: drop --into',
            '--as-plan 会新建台账，不能与 --into 同用',
          );
        }
        await importAsPlan(file, options, log);
        return;
      }
      const { loadConfig } = await import('../../config/config.js');
      const config = loadConfig(process.env);
      const decoded = await readReportFile(file, { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 });
      const { readFile } = await import('node:fs/promises');
      const bytes = new Uint8Array(await readFile(file));
      log(`read ${bytes.byteLength} bytes from ${file} (${decoded.format}, ${decoded.encoding})`);
      const { parseReport } = await import('../../core/parse/index.js');
      const { flattenTree } = await import('../../core/merge/flatten-tree.js');
      const tree = parseReport(decoded.text);
      const flat = flattenTree(tree);
      if (flat.tasks.length === 0) {
        throw badInput(
          'no_tasks',
          `${file}: no tasks found — is it a government work report with numbered work areas (一、…)?`,
          `${file}：未识别出任何任务——请确认是带有“一、”等编号工作领域的政府工作报告`,
          { file },
        );
      }
      log(`parsed "${tree.meta.title}": ${tree.areas.length} areas, ${flat.tasks.length} tasks`);
      const analyses = await analyzeTreeTasks(tree, flat);
      log(`extracted ${analyses.reduce((n, a) => n + a.targets.length, 0)} targets`);
      const { withDatabase } = await import('./with-database.js');
      const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
      const fileName = path.basename(file);
      if (into !== undefined) {
        const { previewMerge } = await import('../../store/merge/preview-merge.js');
        const { commitMerge } = await import('../../store/merge/commit-merge.js');
        await withDatabase(async ({ db }) => {
          const preview = await previewMerge(db, into, tree);
          if (options.dryRun) {
            printPreview(preview);
            log('dry run: nothing written');
            return;
          }
          const result = await commitMerge(db, {
            reportId: into,
            expectedVersion: preview.reportVersion,
            bytes,
            fileName,
            tree,
            analyses,
            actor: CLI_ACTOR,
          });
          const { kept, changed, added, archived } = result.summary;
          log(
            `merged as revision ${result.revisionNumber}: ${kept} kept, ${changed} changed, ${added} added, ${archived} archived`,
          );
          process.stdout.write(`${into}\n`);
        });
        return;
      }
      const { importReport } = await import('../../store/import-report.js');
      const result = await withDatabase(({ db }) =>
        importReport(db, {
          bytes,
          fileName,
          tree,
          analyses,
          actor: CLI_ACTOR,
          ...(options.organisation ? { organisation: options.organisation } : {}),
          ...(options.issuer ? { issuer: options.issuer } : {}),
        }),
      );
      log(`stored report ${result.reportId} (revision ${result.revisionId})`);
      process.stdout.write(`${result.reportId}\n`);
    });
}

/** --as-plan: a 分工方案 stored as the tracked plan, its units as the tasks' assignments. */
async function importAsPlan(
  file: string,
  options: ImportOptions,
  log: (message: string) => void,
): Promise<void> {
  const [path, { readFile }, { readDivisionBytes }, { parseDivisionPlan }, { analyzeTask }] =
    await Promise.all([
      import('node:path'),
      import('node:fs/promises'),
      import('../../ingest/division.js'),
      import('../../core/division/index.js'),
      import('../../core/extract/index.js'),
    ]);
  const { badInput } = await import('../../core/errors.js');
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
    throw badInput(
      'bad_usage',
      '--year: give a four-digit year such as 2026',
      '--year 需为四位年份，如 2026',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw badInput(
      'file_not_found',
      `${file}: cannot read it (${(error as Error).message})`,
      `${file}：无法读取该文件`,
    );
  }
  const fileName = path.basename(file);
  const plan = parseDivisionPlan(await readDivisionBytes(bytes, fileName), {
    year: options.year ? Number(options.year) : new Date().getFullYear(),
  });
  for (const row of plan.rows) for (const problem of row.problems) log(problem.en);
  log(`read "${plan.title}": ${plan.rows.length} rows (${plan.layout})`);
  const [{ withDatabase }, { CLI_ACTOR }, { importPlanAsReport }] = await Promise.all([
    import('./with-database.js'),
    import('../../store/audit/append-audit-event.js'),
    import('../../store/division/import-plan-as-report.js'),
  ]);
  const result = await withDatabase(({ db }) =>
    importPlanAsReport(db, {
      bytes,
      fileName,
      plan,
      analyze: (text) => analyzeTask(text, { year: plan.year }),
      actor: CLI_ACTOR,
      ...(options.organisation ? { organisation: options.organisation } : {}),
      ...(options.issuer ? { issuer: options.issuer } : {}),
    }),
  );
  const { created, unitsCreated } = result.assignments;
  log(
    `stored plan as report ${result.reportId}: ${result.tasks} tasks, ${created} assignments, ${unitsCreated.length} units created`,
  );
  process.stdout.write(`${result.reportId}\n`);
}
