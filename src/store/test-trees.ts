import type { AreaNode, MeasureNode, ReportTree, SectionNode, TaskNode } from '../core/report-tree.js';
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
  let text = `${title}\n`;
  const append = (s: string): [number, number] => {
    const start = text.length;
    text += s;
    return [start, text.length];
  };
  const numerals = '一二三四五六七八九十';
  const sectionStart = text.length;
  const areas: AreaNode[] = outline.map((spec, a) => {
    const areaStart = text.length;
    const titleSpan = append(`${numerals[a % 10]}、${spec.title}\n`);
    const measures: MeasureNode[] = (spec.measures ?? []).map((m, k) => {
      const measureStart = text.length;
      const mTitle = append(`（${numerals[k % 10]}）${m.title}。`);
      const tasks: TaskNode[] = m.tasks.map((t) => ({ kind: 'task', text: t, span: append(t) }));
      append('\n');
      return {
        kind: 'measure',
        label: `（${numerals[k % 10]}）`,
        title: m.title,
        span: [measureStart, text.length],
        titleSpan: mTitle,
        tasks,
      };
    });
    const tasks: TaskNode[] = (spec.tasks ?? []).map((t) => ({ kind: 'task', text: t, span: append(t) }));
    append('\n');
    return {
      kind: 'area',
      label: `${numerals[a % 10]}、`,
      title: spec.title,
      span: [areaStart, text.length],
      titleSpan,
      measures,
      tasks,
    };
  });
  const section: SectionNode = {
    kind: 'tasks',
    title: '政府工作任务',
    span: [sectionStart, text.length],
    areas,
    paragraphs: [],
  };
  return { text, meta: { title, year, place: '北京市' }, sections: [section], areas };
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
