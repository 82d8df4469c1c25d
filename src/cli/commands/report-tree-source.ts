import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.js';
import type { ReportTree } from '../../core/report-tree.js';

/** A report tree to compare, and how to name it to the user. */
export interface TreeSource {
  tree: ReportTree;
  label: string;
}

/**
 * Which report a REPORT argument names, without reading it: `file:<real path>` for a file,
 * `report:<id>` for a report id or any of its revisions, null for an argument that is neither
 * (loadTreeSource says why).
 */
export function sourceIdentity(source: string): string | null {
  if (existsSync(source)) return `file:${realpathSync(source)}`;
  const id = /^(\d+)(?:@\d+)?$/.exec(source);
  return id ? `report:${Number(id[1])}` : null;
}

/**
 * Resolves a REPORT argument of `luoshi diff`: a report file (read by src/ingest: text in UTF-8,
 * UTF-16 or GBK/GB18030, or Word .docx) is parsed;
 * `ID` is a report in the configured database (its current revision) and `ID@N` its revision N.
 */
export async function loadTreeSource(
  source: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TreeSource> {
  if (existsSync(source)) {
    const [{ parseReport }, { readReportFile }] = await Promise.all([
      import('../../core/parse/index.js'),
      import('../../ingest/index.js'),
    ]);
    const tree = parseReport((await readReportFile(source)).text);
    return { tree, label: path.basename(source) };
  }
  const id = /^(\d+)(?:@(\d+))?$/.exec(source);
  if (!id) {
    throw badInput(
      'report_not_found',
      `${source} is neither a report file nor a report id: give a .md/.txt/.docx path, a report id (12) or a revision (12@2)`,
      `${source} 既不是报告文件也不是报告编号：请给出 .md/.txt/.docx 文件路径、报告编号（12）或修订版本（12@2）`,
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
