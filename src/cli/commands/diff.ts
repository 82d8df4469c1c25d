import type { Command } from 'commander';

interface DiffOptions {
  json?: boolean;
  all?: boolean;
  promises?: boolean;
}

/** `luoshi diff A B` — what changed between two reports or two revisions; `--promises`: what was delivered. */
export function registerDiff(program: Command): Command {
  return program
    .command('diff')
    .description(
      'compare two reports or revisions: continued/reworded/new/dropped tasks and changed targets, per area',
    )
    .argument('<before>', 'the earlier report: a .md/.txt file, a report id (12) or a revision (12@1)')
    .argument('<after>', 'the later report, in the same forms')
    .option('--json', 'print the comparison as JSON')
    .option('--all', 'also list tasks and targets that did not change')
    .option(
      '--promises',
      "link the earlier report's targets to what the later report's review says was achieved",
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  luoshi diff test-data/corpus/national-2024-work-report.txt test-data/corpus/national-2025-work-report.txt',
        '  luoshi diff 3@1 3@2 --json',
        '  luoshi diff beijing-2025.txt beijing-2026.txt --promises',
      ].join('\n'),
    )
    .action(async (before: string, after: string, options: DiffOptions, command: Command) => {
      const { loadTreeSource, sourceIdentity } = await import('./report-tree-source.js');
      // As GET /api/promises (400 same_report): a report's review looks back on the year before,
      // so one report (or two revisions of it) on both sides tracks nothing.
      const identity = sourceIdentity(before);
      if (options.promises && identity !== null && identity === sourceIdentity(after)) {
        command.error(
          [
            `luoshi: --promises needs two different reports, but ${before} and ${after} are the same report:`,
            "       give year Y's report as <before> and year Y+1's report as <after>",
            '       --promises 需要两份不同的报告：请把第Y年的报告作为 <before>，第Y+1年的报告作为 <after>',
          ].join('\n'),
          { exitCode: 2, code: 'luoshi.sameReport' },
        );
      }
      const { analyzeTask } = await import('../../core/extract/index.js');
      const [a, b] = [await loadTreeSource(before), await loadTreeSource(after)];
      const labels: [string, string] = [a.label, b.label];
      // Only the targets are compared, and they do not depend on the report year.
      const year = new Date().getFullYear();
      const analyze = (text: string) => analyzeTask(text, { year });
      if (options.promises) {
        const { trackPromises } = await import('../../core/promise/track-promises.js');
        const { formatPromiseReport } = await import('./diff-format.js');
        const report = trackPromises(a.tree, b.tree, { analyze });
        process.stdout.write(
          options.json ? `${JSON.stringify(report, null, 2)}\n` : formatPromiseReport(report, labels),
        );
        return;
      }
      const { diffReports } = await import('../../core/diff/diff-reports.js');
      const { formatReportDiff } = await import('./diff-format.js');
      const diff = diffReports(a.tree, b.tree, { analyze });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(diff, null, 2)}\n`
          : formatReportDiff(diff, labels, options.all ?? false),
      );
    });
}
