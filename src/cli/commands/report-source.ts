import { existsSync } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import type { ReportView } from '../../render/report-view.js';

export interface ReportSourceOptions {
  /** ISO date statuses are judged at; today by default. */
  at?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The CLI's "today", as the server reckons it (src/server/today.ts): LUOSHI_TODAY when set
 * (tests, demonstrations), otherwise the current date in TIME_ZONE.
 */
export async function cliToday(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { loadConfig } = await import('../../config/config.js');
  const { serverToday } = await import('../../server/today.js');
  return serverToday(loadConfig(env))();
}

/**
 * Resolves the REPORT argument of the publishing commands: a report file (Markdown or text in
 * UTF-8, UTF-16 or GBK/GB18030, or Word .docx, read by src/ingest) is parsed directly; a number
 * is a report id in the configured database (DATABASE_URL or DATA_DIR/luoshi.db), read with its
 * assignments and progress.
 */
export async function loadReportSource(
  source: string | undefined,
  options: ReportSourceOptions = {},
): Promise<ReportView> {
  const at = options.at ?? (await cliToday(options.env ?? process.env));
  if (source !== undefined && existsSync(source)) {
    process.stderr.write(`luoshi: parsing ${source}\n`);
    const { readReportFile } = await import('../../ingest/index.js');
    const { analyzeReportText } = await import('../../server/imports/analyze-report-file.js');
    const { analyzeTask } = await import('../../core/extract/index.js');
    const { reportViewFromTree } = await import('../../render/report-view.js');
    const decoded = await readReportFile(source);
    const { tree } = analyzeReportText(decoded.text, path.basename(source));
    const year = tree.meta.year ?? Number(at.slice(0, 4));
    return reportViewFromTree(tree, (text) => analyzeTask(text, { year }));
  }
  if (source === undefined || /^\d+$/.test(source)) {
    const { loadConfig } = await import('../../config/config.js');
    const { openDatabase } = await import('../../store/database.js');
    const { loadReportView } = await import('../../server/publish/load-report-view.js');
    const config = loadConfig(options.env ?? process.env);
    const handle = await openDatabase(config);
    try {
      let id = source === undefined ? undefined : Number(source);
      if (id === undefined) {
        // No REPORT given: the newest report that is not archived.
        const latest = await handle.db
          .selectFrom('reports')
          .select('id')
          .where('archived', '=', 0)
          .orderBy('id', 'desc')
          .executeTakeFirst();
        if (!latest) {
          throw badInput(
            'no_reports',
            'The database has no report yet: import one with `luoshi import FILE`, or give a report file',
            '数据库中还没有报告：请先用 luoshi import 导入，或直接给出报告文件',
          );
        }
        id = latest.id;
      }
      process.stderr.write(`luoshi: reading report ${id} from the database\n`);
      return await loadReportView(handle.db, id, { at });
    } finally {
      await handle.close();
    }
  }
  throw badInput(
    'report_not_found',
    `${source} is neither a report file nor a report id: give the path of a .md/.txt/.docx report or the id shown by the web app`,
    `${source} 既不是报告文件也不是报告编号：请给出 .md/.txt/.docx 报告文件路径，或网页中显示的报告编号`,
  );
}
