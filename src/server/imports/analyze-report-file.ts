import { badInput } from '../../core/errors.js';
import { parseReport } from '../../core/parse/index.js';
import { normalizeReportText } from '../../core/parse/normalize.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';

export interface AnalyzedReport {
  tree: ReportTree;
  analyze: (task: TaskNode) => TaskAnalysis;
}

const NO_ANALYSIS: TaskAnalysis = { targets: [], deadline: null, commitment: null };

/** Decodes an uploaded Markdown/text file as UTF-8 (a BOM is dropped); refuses invalid bytes. */
function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badInput(
      'bad_encoding',
      `${fileName} is not valid UTF-8 text`,
      `${fileName} 不是有效的 UTF-8 文本`,
    );
  }
}

/**
 * Bytes of a report file → its tree and the analysis of each task. Both the first-start
 * sample import and the upload preview go through here.
 */
export async function analyzeReportFile(bytes: Uint8Array, fileName: string): Promise<AnalyzedReport> {
  const text = normalizeReportText(decodeUtf8(bytes, fileName));
  const tree = parseReport(text);
  return { tree, analyze: () => NO_ANALYSIS };
}
