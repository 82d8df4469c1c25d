import type { Command } from 'commander';
import type { FlatTree } from '../../core/merge/flatten-tree.js';
import type { ReportTree } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';

interface ImportOptions {
  organisation?: string;
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
      ...(tree.meta.year !== undefined ? { year: tree.meta.year } : {}),
      ...(areaTitle !== undefined ? { areaTitle } : {}),
      ...(sectionKind !== undefined ? { sectionKind } : {}),
    });
  });
}

/** Decodes report bytes to text: UTF-8 (with or without BOM), else a clear error. */
async function decodeReport(bytes: Uint8Array, file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { badInput } = await import('../../core/errors.js');
    throw badInput(
      'bad_encoding',
      `${file}: not valid UTF-8 text — save it as UTF-8 (GBK and .docx import follow with the ingest module)`,
      `${file}：不是有效的 UTF-8 文本——请另存为 UTF-8`,
      { file },
    );
  }
}

/** `luoshi import FILE` — parse, extract and store a report; prints the new report id. */
export function registerImport(program: Command): Command {
  return program
    .command('import')
    .description('import a report file (parse, extract targets, store) and print the new report id')
    .argument('<file>', 'the report: Markdown or plain text')
    .option('-o, --organisation <name>', 'the issuing government (发文机关), e.g. 北京市通州区人民政府')
    .addHelpText('after', '\nExample:\n  luoshi import examples/beijing-subcenter-2026-summary.md')
    .action(async (file: string, options: ImportOptions) => {
      const [{ readFile }, path, { badInput }] = await Promise.all([
        import('node:fs/promises'),
        import('node:path'),
        import('../../core/errors.js'),
      ]);
      const started = performance.now();
      const log = (message: string) =>
        process.stderr.write(`luoshi import: ${message} (${Math.round(performance.now() - started)} ms)\n`);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        throw badInput(
          'file_not_found',
          `${file}: cannot read it (${(error as Error).message})`,
          `${file}：无法读取该文件`,
          {
            file,
          },
        );
      }
      log(`read ${bytes.byteLength} bytes from ${file}`);
      const { normalizeReportText, parseReport } = await import('../../core/parse/index.js');
      const { flattenTree } = await import('../../core/merge/flatten-tree.js');
      const tree = parseReport(normalizeReportText(await decodeReport(bytes, file)));
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
      const { importReport } = await import('../../store/import-report.js');
      const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
      const result = await withDatabase(({ db }) =>
        importReport(db, {
          bytes,
          fileName: path.basename(file),
          tree,
          analyses,
          actor: CLI_ACTOR,
          ...(options.organisation ? { organisation: options.organisation } : {}),
        }),
      );
      log(`stored report ${result.reportId} (revision ${result.revisionId})`);
      process.stdout.write(`${result.reportId}\n`);
    });
}
