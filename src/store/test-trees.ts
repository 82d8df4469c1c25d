import type { ReportTree, TaskNode } from '../core/report-tree.js';
import { ReportTreeWriter } from '../core/report-tree-writer.js';
import type { TaskAnalysis } from '../core/target.js';

/** A compact outline for tests: areas with measures (title + task sentences) and direct tasks. */
export interface OutlineArea {
  title: string;
  measures?: { title: string; tasks: string[] }[];
  tasks?: string[];
}

/**
 * Builds a ReportTree with consistent text and spans from an outline, the way the parser
 * would: one tasks section, areas "一、…", measures "（一）…", task sentences.
 */
export function makeTree(title: string, outline: OutlineArea[], year = 2026): ReportTree {
  const out = new ReportTreeWriter(title);
  const numerals = '一二三四五六七八九十';
  const areas = outline.map((spec, a) => {
    const areaStart = out.offset;
    const label = `${numerals[a % 10]}、`;
    const titleSpan = out.append(`${label}${spec.title}\n`);
    const measures = (spec.measures ?? []).map((m, k) => {
      const measureStart = out.offset;
      const measureLabel = `（${numerals[k % 10]}）`;
      const measureTitleSpan = out.append(`${measureLabel}${m.title}。`);
      const tasks = m.tasks.map((t) => out.task(t));
      out.append('\n');
      return out.measure(
        measureStart,
        { label: measureLabel, title: m.title, titleSpan: measureTitleSpan },
        tasks,
      );
    });
    const tasks = (spec.tasks ?? []).map((t) => out.task(t));
    out.append('\n');
    return out.area(areaStart, { label, title: spec.title, titleSpan }, measures, tasks);
  });
  return out.finish({ title, year, place: '北京市' }, '政府工作任务', areas);
}

/** A stand-in analysis for tests: a target when the sentence carries "<number>个", else none. */
export function analyseForTest(task: TaskNode): TaskAnalysis {
  const match = /(\d+)个/.exec(task.text);
  if (!match) return { targets: [], deadline: null, commitment: null };
  return {
    targets: [
      {
        value: Number(match[1]),
        unit: '个',
        comparator: '=',
        change: 'increase',
        subject: task.text.slice(0, Math.min(4, match.index)),
        text: match[0],
        span: [match.index, match.index + match[0].length],
      },
    ],
    deadline: null,
    commitment: 'complete',
  };
}
