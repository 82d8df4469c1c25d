import { badInput } from '../../core/errors.js';
import { analyzeTask } from '../../core/extract/index.js';
import { parseReport } from '../../core/parse/index.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';
import { type DecodeOptions, readDocument } from '../../ingest/index.js';

export interface AnalyzedReport {
  tree: ReportTree;
  analyze: (task: TaskNode) => TaskAnalysis;
}

/**
 * The file kinds an upload may be, by extension (a first gate against programs and pictures;
 * src/ingest then reads each file by its content, whatever it is called).
 */
export const REPORT_EXTENSIONS = [
  '.md',
  '.markdown',
  '.txt',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.ofd',
  '.html',
  '.htm',
  '.mhtml',
  '.mht',
] as const;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
}

/**
 * Bytes of a report file → its tree and the analysis of each task (targets, deadline,
 * commitment). The first-start sample import and the upload preview both go through here; the
 * bytes are read by src/ingest's `readDocument` (every format, encodings, size and hostile-file guards), `options.maxBytes`
 * being the upload limit.
 */
export async function analyzeReportFile(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeOptions = {},
): Promise<AnalyzedReport> {
  const extension = extensionOf(fileName);
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw badInput(
      'unsupported_format',
      `${fileName}: upload a report as .docx, .doc, .wps, .pdf, .ofd, .html, .mhtml, .md or .txt`,
      `${fileName}：请上传 .docx、.doc、.wps、.pdf、.ofd、.html、.mhtml、.md 或 .txt 格式的报告`,
      { file: fileName },
    );
  }
  const { text } = await readDocument(bytes, fileName, options);
  return analyzeReportText(text, fileName);
}

/**
 * Decoded report text (see src/ingest) → its tree and task analysis; refuses text with no work
 * areas. For callers that read the file themselves, such as the CLI's `readReportFile`.
 */
export function analyzeReportText(text: string, fileName: string): AnalyzedReport {
  const tree = parseReport(text);
  if (tree.areas.length === 0) {
    throw badInput(
      'no_tasks_found',
      `${fileName}: no work areas were found; is this a government work report?`,
      `${fileName}：未找到工作任务部分，请确认是政府工作报告`,
    );
  }
  const year = tree.meta.year ?? new Date().getFullYear();
  const areaOf = new Map<TaskNode, string>();
  for (const area of tree.areas) {
    for (const task of area.tasks) areaOf.set(task, area.title);
    for (const measure of area.measures) for (const task of measure.tasks) areaOf.set(task, area.title);
  }
  const indicators = new Set(tree.indicators?.tasks ?? []);
  return {
    tree,
    analyze: (task) =>
      indicators.has(task)
        ? analyzeTask(task.text, { year, sectionKind: 'indicators' })
        : analyzeTask(task.text, { year, sectionKind: 'tasks', areaTitle: areaOf.get(task) ?? '' }),
  };
}
