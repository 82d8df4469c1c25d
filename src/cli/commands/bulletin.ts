import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';

interface BulletinOptions {
  period: string;
  out: string;
  issuer: string;
  issue?: string;
  asOf?: string;
}

/** `luoshi bulletin [REPORT] --period 2026-Q2 --out FILE.docx|.md` — the 督查通报 of a period. */
export function registerBulletin(program: Command): Command {
  return program
    .command('bulletin')
    .description(
      'write the 督查通报 (supervision bulletin) of a period as .docx or Markdown with chart images',
    )
    .argument('[report]', 'report id in the database (default: the newest report) or a report file')
    .requiredOption('-p, --period <period>', 'the period: a quarter (2026-Q2) or a month (2026-05)')
    .option('-o, --out <file>', 'output file, .docx or .md (charts are written beside a .md as PNG files)')
    .option('--issuer <name>', 'issuing office printed in the header', '政府督查室')
    .option('--issue <n>', 'issue number (default: the quarter or month number)')
    .option(
      '--as-of <date>',
      "the date the figures are as of (default: the period's end, or today while it is open)",
    )
    .addHelpText('after', '\nExample:\n  luoshi bulletin --period 2026-Q2 --out 督查通报-2026Q2.docx')
    .action(async (report: string | undefined, options: BulletinOptions) => {
      const { parsePeriod, buildBulletin, bulletinAsOf } = await import('../../render/bulletin-model.js');
      const period = parsePeriod(options.period);
      const { cliToday } = await import('./report-source.js');
      const asOf = bulletinAsOf(period, await cliToday(), options.asOf);
      const out = options.out ?? `bulletin-${period.label}.docx`;
      const format = /\.(docx|md)$/i.exec(out)?.[1]?.toLowerCase();
      if (!format) {
        throw badInput(
          'bad_output',
          `--out ${out}: the file name must end in .docx or .md`,
          `--out ${out}：文件名须以 .docx 或 .md 结尾`,
        );
      }
      // Quarterly bulletins are numbered by quarter, monthly ones by month, unless --issue says otherwise.
      const issueNumber = Number(options.issue ?? period.label.replace(/^\d{4}-Q?/, ''));
      if (!Number.isInteger(issueNumber) || issueNumber < 1) {
        throw badInput('bad_issue', '--issue must be a positive whole number', '--issue 须为正整数');
      }
      const { loadReportSource } = await import('./report-source.js');
      const { bulletinCharts } = await import('../../render/bulletin-charts.js');
      const { svgToPng } = await import('../../render/svg-png.js');
      const { writeFile } = await import('node:fs/promises');
      const path = await import('node:path');
      const view = await loadReportSource(report, { at: asOf });
      const model = buildBulletin(view, period, {
        asOf,
        issuer: options.issuer,
        issueNumber,
      });
      const { loadConfig } = await import('../../config/config.js');
      const fontFile = loadConfig(process.env).CJK_FONT_FILE;
      process.stderr.write('luoshi: drawing charts\n');
      const charts = await Promise.all(
        bulletinCharts(model).map(async (chart) => ({
          ...chart,
          png: await svgToPng(chart.svg, { fontFile }),
        })),
      );
      if (format === 'docx') {
        const { renderBulletinDocx } = await import('../../render/bulletin-docx.js');
        await writeFile(out, await renderBulletinDocx(model, charts));
      } else {
        const { renderBulletinMarkdown } = await import('../../render/bulletin-md.js');
        const stem = path.basename(out, path.extname(out));
        const links = [];
        for (const chart of charts) {
          const file = `${stem}-${chart.name}.png`;
          await writeFile(path.join(path.dirname(out), file), chart.png);
          links.push({ name: chart.name, caption: chart.caption, file });
        }
        await writeFile(out, renderBulletinMarkdown(model, links));
      }
      process.stderr.write(
        `luoshi: wrote ${out} (${model.summary.total} tasks: ${model.summary.counts.completed} completed, ` +
          `${model.summary.counts.lagging} lagging, ${model.summary.counts.overdue} overdue)\n`,
      );
    });
}
