import { badInput } from '../../core/errors.js';
import { analyzeTask } from '../../core/extract/index.js';
import { parseReport } from '../../core/parse/index.js';
import { normalizeReportText } from '../../core/parse/normalize.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';

export interface AnalyzedReport {
  tree: ReportTree;
  analyze: (task: TaskNode) => TaskAnalysis;
}

/** The file kinds an upload may be, by extension. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'] as const;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
}

/** Text files: UTF-8 (BOM dropped), else GB18030 (which covers GBK); anything else is refused. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.includes(0)) {
    throw badInput('not_text', `${fileName} is not a text file`, `${fileName} 不是文本文件`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw badInput(
        'bad_encoding',
        `${fileName} is neither UTF-8 nor GBK/GB18030 text`,
        `${fileName} 既不是 UTF-8 也不是 GBK/GB18030 编码的文本`,
      );
    }
  }
}

async function decodeDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw badInput(
      'bad_docx',
      `${fileName} is not a readable Word .docx file (${(error as Error).message})`,
      `${fileName} 不是可读取的 Word .docx 文件`,
    );
  }
}

/**
 * Bytes of a report file → its tree and the analysis of each task (targets, deadline,
 * commitment). The first-start sample import and the upload preview both go through here.
 */
export async function analyzeReportFile(bytes: Uint8Array, fileName: string): Promise<AnalyzedReport> {
  const extension = extensionOf(fileName);
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw badInput(
      'unsupported_file',
      `${fileName}: upload a .md, .txt or .docx file`,
      `${fileName}：请上传 .md、.txt 或 .docx 文件`,
    );
  }
  const raw = extension === '.docx' ? await decodeDocx(bytes, fileName) : decodeText(bytes, fileName);
  const tree = parseReport(normalizeReportText(raw));
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
  return {
    tree,
    analyze: (task) =>
      analyzeTask(task.text, { year, sectionKind: 'tasks', areaTitle: areaOf.get(task) ?? '' }),
  };
}
