import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';

const KINDS = ['division', 'ledger'] as const;
type ExportKind = (typeof KINDS)[number];

/** `luoshi export REPORT --kind division|ledger --out FILE.xlsx|.docx` — 分工方案 and 台账 files. */
export function registerExport(program: Command): Command {
  return program
    .command('export')
    .description(
      'export the 分工方案 (.xlsx/.docx) or the 台账 ledger (.xlsx) of a report file or stored report id',
    )
    .argument('<report>', 'a report file (.md/.txt) or the id of a report in the database')
    .requiredOption('-k, --kind <kind>', `what to export: ${KINDS.join(' | ')} (分工方案 | 台账)`)
    .requiredOption('-o, --out <file>', 'output file: .xlsx, or .docx for the division plan')
    .option('--at <date>', 'judge progress as of this ISO date (default today)')
    .action(async (report: string, options: { kind: string; out: string; at?: string }) => {
      if (!(KINDS as readonly string[]).includes(options.kind)) {
        throw badInput(
          'bad_kind',
          `--kind ${options.kind}: use one of ${KINDS.join(', ')}`,
          `--kind ${options.kind}：须为 ${KINDS.join('、')} 之一`,
        );
      }
      const kind = options.kind as ExportKind;
      const format = /\.(xlsx|docx)$/i.exec(options.out)?.[1]?.toLowerCase();
      if (!format || (kind === 'ledger' && format !== 'xlsx')) {
        throw badInput(
          'bad_output',
          `--out ${options.out}: ${kind === 'ledger' ? 'the ledger is written as .xlsx' : 'use a .xlsx or .docx file name'}`,
          `--out ${options.out}：${kind === 'ledger' ? '台账须导出为 .xlsx' : '文件名须以 .xlsx 或 .docx 结尾'}`,
        );
      }
      const { cliToday, loadReportSource } = await import('./report-source.js');
      const at = options.at ?? (await cliToday());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) {
        throw badInput('bad_date', `--at ${at}: use YYYY-MM-DD`, `--at ${at}：日期格式须为 YYYY-MM-DD`);
      }
      const { writeFile } = await import('node:fs/promises');
      const view = await loadReportSource(report, { at });
      let bytes: Buffer;
      if (kind === 'ledger') {
        const { buildLedger } = await import('../../render/ledger-model.js');
        const { renderLedgerXlsx } = await import('../../render/ledger-xlsx.js');
        bytes = await renderLedgerXlsx(buildLedger(view, at));
      } else {
        const { buildDivisionPlan } = await import('../../render/division-model.js');
        const plan = buildDivisionPlan(view);
        if (format === 'docx') {
          const { renderDivisionDocx } = await import('../../render/division-docx.js');
          bytes = await renderDivisionDocx(plan);
        } else {
          const { renderDivisionXlsx } = await import('../../render/division-xlsx.js');
          bytes = await renderDivisionXlsx(plan);
        }
      }
      await writeFile(options.out, bytes);
      process.stderr.write(`luoshi: wrote ${options.out} (${bytes.length} bytes)\n`);
    });
}
