import type { ReportTree, SectionNode, TaskNode } from '../report-tree.js';

/** A small report described by its requirement paragraphs and areas → measures → task texts. */
export interface TreeSketch {
  title: string;
  year?: number;
  review?: string[];
  requirements?: string[];
  areas: { title: string; measures: { title: string; tasks: string[] }[] }[];
}

/**
 * Build a ReportTree with real spans from a sketch, so tests of the diff and promise code can run
 * on hand-made reports without the parser.
 */
export function buildTree(sketch: TreeSketch): ReportTree {
  let text = '';
  const append = (part: string): [number, number] => {
    const start = text.length;
    text += part;
    const span: [number, number] = [start, text.length];
    text += '\n';
    return span;
  };
  append(sketch.title);
  const sections: SectionNode[] = [];
  if (sketch.review) {
    const titleSpan = append('一、过去一年工作回顾');
    const paragraphs = sketch.review.map((p) => ({ text: p, span: append(p) }));
    sections.push({
      kind: 'review',
      title: '过去一年工作回顾',
      span: [titleSpan[0], text.length],
      areas: [],
      paragraphs,
    });
  }
  if (sketch.requirements) {
    const titleSpan = append('二、总体要求');
    const paragraphs = sketch.requirements.map((p) => ({ text: p, span: append(p) }));
    sections.push({
      kind: 'requirements',
      title: '总体要求',
      span: [titleSpan[0], text.length],
      areas: [],
      paragraphs,
    });
  }
  const sectionStart = append('三、今年工作任务')[0];
  const areas = sketch.areas.map((area, areaIndex) => {
    const titleSpan = append(`（${areaIndex + 1}）${area.title}`);
    const measures = area.measures.map((measure) => {
      const measureTitleSpan = append(measure.title);
      const tasks: TaskNode[] = measure.tasks.map((task) => ({
        kind: 'task',
        text: task,
        span: append(task),
      }));
      return {
        kind: 'measure' as const,
        title: measure.title,
        span: [measureTitleSpan[0], text.length] as const,
        titleSpan: measureTitleSpan,
        tasks,
      };
    });
    return {
      kind: 'area' as const,
      label: `（${areaIndex + 1}）`,
      title: area.title,
      span: [titleSpan[0], text.length] as const,
      titleSpan,
      measures,
      tasks: [],
    };
  });
  sections.push({
    kind: 'tasks',
    title: '今年工作任务',
    span: [sectionStart, text.length],
    areas,
    paragraphs: [],
  });
  return {
    text,
    meta: { title: sketch.title, ...(sketch.year ? { year: sketch.year } : {}) },
    sections,
    areas,
  };
}
