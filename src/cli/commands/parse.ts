import { once } from 'node:events';
import type { Command } from 'commander';
import type { AreaNode, ReportTree, TaskNode } from '../../core/report-tree.js';
import type { DecodedReport } from '../../ingest/index.js';

interface ParseOptions {
  json?: boolean;
}

/** `luoshi parse FILE [--json]` — show the structure luoshi reads from a report. */
export function registerParse(program: Command): Command {
  return program
    .command('parse')
    .description('show the structure of a report: sections, work areas, measures and tasks')
    .argument(
      '<file>',
      'a report file (.docx, .doc, .wps, .pdf, .ofd, .html, .mhtml, .md or .txt), or - for standard input',
    )
    .option('--json', 'print the tree as JSON instead of an outline')
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi parse examples/beijing-subcenter-2026-summary.md\n  luoshi parse report.docx --json > tree.json\n  cat report.txt | luoshi parse -',
    )
    .action(async (file: string, options: ParseOptions) => {
      const [{ parseReport }, decoded] = await Promise.all([
        import('../../core/parse/index.js'),
        readInput(file),
      ]);
      const tree = parseReport(decoded.text);
      const targets = await countTargets(tree);
      const output = options.json
        ? `${JSON.stringify(treeJson(tree, decoded, targets), null, 2)}\n`
        : outline(tree, decoded, targets);
      if (!process.stdout.write(output)) await once(process.stdout, 'drain');
    });
}

async function readInput(file: string): Promise<DecodedReport> {
  const { decodeReportBytes, readReportFile, DEFAULT_MAX_REPORT_BYTES } = await import(
    '../../ingest/index.js'
  );
  if (file !== '-') return readReportFile(file);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    chunks.push(buffer);
    // Stop reading as soon as the input is over the limit; decodeReportBytes words the error.
    if (size > DEFAULT_MAX_REPORT_BYTES) break;
  }
  return decodeReportBytes(new Uint8Array(Buffer.concat(chunks)), 'standard input');
}

function tasksOf(area: AreaNode): TaskNode[] {
  return [...area.tasks, ...area.measures.flatMap((measure) => measure.tasks)];
}

/** Quantitative targets per task, from the extractor (src/core/extract). */
async function countTargets(tree: ReportTree): Promise<Map<TaskNode, number>> {
  const { analyzeTask } = await import('../../core/extract/index.js');
  const counts = new Map<TaskNode, number>();
  const year = tree.meta.year ?? new Date().getFullYear();
  for (const task of tree.indicators?.tasks ?? []) {
    counts.set(task, analyzeTask(task.text, { year, sectionKind: 'indicators' }).targets.length);
  }
  for (const area of tree.areas) {
    for (const task of tasksOf(area)) {
      counts.set(
        task,
        analyzeTask(task.text, { year, sectionKind: 'tasks', areaTitle: area.title }).targets.length,
      );
    }
  }
  return counts;
}

function sum(tasks: TaskNode[], targets: Map<TaskNode, number>): number {
  return tasks.reduce((total, task) => total + (targets.get(task) ?? 0), 0);
}

function treeJson(
  tree: ReportTree,
  decoded: DecodedReport,
  targets: Map<TaskNode, number>,
): Record<string, unknown> {
  const task = (node: TaskNode): Record<string, unknown> => ({
    ...(node.label === undefined ? {} : { label: node.label }),
    text: node.text,
    span: node.span,
    targets: targets.get(node) ?? 0,
  });
  const allTasks = tree.areas.flatMap(tasksOf);
  return {
    title: tree.meta.title,
    meta: tree.meta,
    input: { format: decoded.format, encoding: decoded.encoding, characters: tree.text.length },
    counts: {
      sections: tree.sections.length,
      areas: tree.areas.length,
      measures: tree.areas.reduce((n, area) => n + area.measures.length, 0),
      tasks: allTasks.length,
      targets: sum(allTasks, targets),
    },
    sections: tree.sections.map((section) => ({
      kind: section.kind,
      ...(section.label === undefined ? {} : { label: section.label }),
      title: section.title,
      span: section.span,
      areas: section.areas.length,
      paragraphs: section.paragraphs,
    })),
    indicators: tree.indicators
      ? {
          title: tree.indicators.title,
          span: tree.indicators.span,
          tasks: tree.indicators.tasks.map(task),
        }
      : null,
    areas: tree.areas.map((area) => ({
      ...(area.label === undefined ? {} : { label: area.label }),
      title: area.title,
      span: area.span,
      ...(area.selfBuilding ? { selfBuilding: true } : {}),
      ...(area.unnumbered ? { unnumbered: true } : {}),
      ...(area.preamble ? { preamble: area.preamble } : {}),
      ...(area.closing ? { closing: area.closing } : {}),
      ...(area.asides ? { asides: area.asides } : {}),
      measures: area.measures.map((measure) => ({
        ...(measure.label === undefined ? {} : { label: measure.label }),
        title: measure.title,
        span: measure.span,
        tasks: measure.tasks.map(task),
      })),
      tasks: area.tasks.map(task),
    })),
  };
}

const KIND_NAMES: Record<string, string> = {
  review: 'review 回顾',
  requirements: 'requirements 总体要求',
  plan: 'plan 五年规划目标任务',
  tasks: 'tasks 工作任务',
  'self-building': 'self-building 自身建设',
  appendix: 'appendix 附件',
  other: 'other 其他',
};

function outline(tree: ReportTree, decoded: DecodedReport, targets: Map<TaskNode, number>): string {
  const lines: string[] = [];
  const { meta } = tree;
  lines.push(meta.title || '(untitled report 无标题)');
  const facts = [
    meta.year === undefined ? undefined : String(meta.year),
    meta.place,
    meta.speaker === undefined ? undefined : `${meta.speakerTitle ?? ''} ${meta.speaker}`.trim(),
    meta.date,
    meta.attribution,
  ].filter((fact): fact is string => fact !== undefined);
  if (facts.length > 0) lines.push(`  ${facts.join(' · ')}`);
  lines.push(
    `  ${decoded.format}, ${decoded.encoding}, ${tree.text.length} characters`,
    '',
    'Sections 章节:',
  );
  for (const section of tree.sections) {
    const detail =
      section.areas.length > 0 ? `${section.areas.length} areas` : `${section.paragraphs.length} paragraphs`;
    lines.push(
      `  ${(KIND_NAMES[section.kind] ?? section.kind).padEnd(24)} ${section.label ?? ''}${section.title}  (${detail})`,
    );
  }
  if (tree.indicators) {
    const { tasks } = tree.indicators;
    lines.push(
      '',
      `${tree.indicators.title} headline indicators 主要预期目标: [${tasks.length} indicators, ${sum(tasks, targets)} targets]`,
    );
    for (const task of tasks) lines.push(`  · ${task.text}`);
  }
  lines.push('', 'Work areas 工作领域 → measures 举措 → tasks 任务:');
  for (const area of tree.areas) {
    const tasks = tasksOf(area);
    const marks = `${area.selfBuilding ? ' (self-building 自身建设)' : ''}${area.unnumbered ? ' (unnumbered 未编号)' : ''}`;
    lines.push(
      `  ${area.label ?? ''}${area.title}${marks}  [${area.measures.length} measures, ${tasks.length} tasks, ${sum(tasks, targets)} targets]`,
    );
    for (const measure of area.measures) {
      lines.push(
        `      ${measure.label ? `${measure.label} ` : '· '}${measure.title}  [${measure.tasks.length} tasks, ${sum(measure.tasks, targets)} targets]`,
      );
    }
    if (area.tasks.length > 0)
      lines.push(`      (${area.tasks.length} tasks directly under the area 领域下直接任务)`);
  }
  const allTasks = tree.areas.flatMap(tasksOf);
  const measures = tree.areas.reduce((n, area) => n + area.measures.length, 0);
  lines.push(
    '',
    `Total 合计: ${tree.areas.length} areas 领域 · ${measures} measures 举措 · ${allTasks.length} tasks 任务 · ${sum(allTasks, targets)} quantitative targets 量化指标`,
    '',
  );
  return lines.join('\n');
}
