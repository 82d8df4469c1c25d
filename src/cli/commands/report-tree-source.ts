import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import type { ReportTree } from '../../core/report-tree.js';

/** A report tree to compare, and how to name it to the user. */
export interface TreeSource {
  tree: ReportTree;
  label: string;
}

/** Report file bytes → text: UTF-8, or GB18030 (which includes GBK) when the bytes are not UTF-8. */
async function decodeReportBytes(bytes: Uint8Array, file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const iconv = await import('iconv-lite');
    const text = iconv.default.decode(Buffer.from(bytes), 'gb18030');
    if (text.includes('\uFFFD')) {
      throw badInput(
        'bad_encoding',
        `${file} is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 and try again`,
        `${file} 既不是 UTF-8 也不是 GBK/GB18030 文本，请另存为 UTF-8 后重试`,
      );
    }
    return text;
  }
}

/**
 * Resolves a REPORT argument of `luoshi diff`: a report file (.md/.txt, UTF-8 or GBK) is parsed;
 * `ID` is a report in the configured database (its current revision) and `ID@N` its revision N.
 */
export async function loadTreeSource(
  source: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TreeSource> {
  if (existsSync(source)) {
    const { normalizeReportText, parseReport } = await import('../../core/parse/index.js');
    const bytes = new Uint8Array(await readFile(source));
    const tree = parseReport(normalizeReportText(await decodeReportBytes(bytes, source)));
    return { tree, label: path.basename(source) };
  }
  const id = /^(\d+)(?:@(\d+))?$/.exec(source);
  if (!id) {
    throw badInput(
      'report_not_found',
      `${source} is neither a report file nor a report id: give a .md/.txt path, a report id (12) or a revision (12@2)`,
      `${source} 既不是报告文件也不是报告编号：请给出 .md/.txt 文件路径、报告编号（12）或修订版本（12@2）`,
    );
  }
  const { loadConfig } = await import('../../config/config.js');
  const { openDatabase } = await import('../../store/database.js');
  const { findRevisionTree } = await import('../../store/search/find-revision-tree.js');
  const handle = await openDatabase(loadConfig(env));
  try {
    const found = await findRevisionTree(handle.db, Number(id[1]), id[2] ? Number(id[2]) : undefined);
    return { tree: found.tree, label: `${found.title} #${found.reportId}@${found.revision}` };
  } finally {
    await handle.close();
  }
}
