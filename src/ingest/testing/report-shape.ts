import { analyzeTask } from '../../core/extract/index.js';
import { parseReport } from '../../core/parse/index.js';
import type { Target } from '../../core/target.js';

/** What must not change between formats of one report: its tree, task texts and targets. */
export interface ReportShape {
  meta: { title: string; year?: number; place?: string; date?: string; speaker?: string };
  areas: { title: string; measures: { title: string; tasks: string[] }[]; tasks: string[] }[];
  targets: Pick<Target, 'value' | 'unit' | 'comparator'>[][];
}

/** Parse text and keep the parts every reader of the same report must agree on. */
export function reportShape(text: string): ReportShape {
  const tree = parseReport(text);
  const year = tree.meta.year ?? 2026;
  const tasks = tree.areas.flatMap((area) => [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]);
  const { title, place, date, speaker } = tree.meta;
  return {
    meta: { title, year: tree.meta.year, place, date, speaker },
    areas: tree.areas.map((area) => ({
      title: area.title,
      measures: area.measures.map((measure) => ({
        title: measure.title,
        tasks: measure.tasks.map((task) => task.text),
      })),
      tasks: area.tasks.map((task) => task.text),
    })),
    targets: tasks.map((task) =>
      analyzeTask(task.text, { year, sectionKind: 'tasks', areaTitle: '' }).targets.map(
        ({ value, unit, comparator }) => ({ value, unit, comparator }),
      ),
    ),
  };
}
