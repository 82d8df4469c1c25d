import type { AreaNode, ReportTree, TaskNode } from '../report-tree.js';
import { ReportTreeWriter } from '../report-tree-writer.js';
import type { DivisionParse, DivisionRow } from './parse-division.js';

/** Where a plan row's task sits in the tree built from the plan. */
export interface PlanTaskPlace {
  row: DivisionRow;
  area: number;
  /** Measure index, or -1 for a task directly under the area. */
  measure: number;
  task: number;
}

const LABEL = /^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)])/u;

function splitLabel(heading: string): { label?: string; title: string } {
  const match = LABEL.exec(heading);
  if (!match) return { title: heading };
  return { label: match[0], title: heading.slice(match[0].length).replace(/[。：:]$/u, '') || heading };
}

/**
 * The 分工方案 itself as the tracked plan (luoshi import PLAN --as-plan): its area headings become
 * work areas, its sub-headings measures, its rows tasks, in one tasks section. Rows under no
 * heading go to an area named after the plan. The text is rebuilt from headings and rows so that
 * every span points at its node's words.
 */
export function divisionPlanTree(plan: DivisionParse): { tree: ReportTree; places: PlanTaskPlace[] } {
  const out = new ReportTreeWriter(plan.title);
  const groups: {
    heading: string;
    measures: { heading: string; rows: DivisionRow[] }[];
    rows: DivisionRow[];
  }[] = [];
  for (const row of plan.rows) {
    const heading = row.area ?? plan.title ?? '重点任务';
    let group = groups.find((g) => g.heading === heading);
    if (!group) {
      group = { heading, measures: [], rows: [] };
      groups.push(group);
    }
    if (row.measure) {
      let measure = group.measures.find((m) => m.heading === row.measure);
      if (!measure) {
        measure = { heading: row.measure, rows: [] };
        group.measures.push(measure);
      }
      measure.rows.push(row);
    } else group.rows.push(row);
  }
  const places: PlanTaskPlace[] = [];
  const taskOf = (row: DivisionRow): TaskNode => {
    if (row.seq) out.append(`${row.seq}.`);
    const node = out.task(row.text);
    out.append('\n');
    if (row.seq) node.label = `${row.seq}.`;
    return node;
  };
  /** A heading line: its label and title, and the span of the whole line's words. */
  const headingLine = (heading: string) => {
    const written = { ...splitLabel(heading), titleSpan: out.append(heading) };
    out.append('\n');
    return written;
  };
  const areas = groups.map((group, areaIndex): AreaNode => {
    const areaStart = out.offset;
    const heading = headingLine(group.heading);
    const tasks = group.rows.map((row, taskIndex) => {
      places.push({ row, area: areaIndex, measure: -1, task: taskIndex });
      return taskOf(row);
    });
    const measures = group.measures.map((measure, measureIndex) => {
      const measureStart = out.offset;
      const measureHeading = headingLine(measure.heading);
      const measureTasks = measure.rows.map((row, taskIndex) => {
        places.push({ row, area: areaIndex, measure: measureIndex, task: taskIndex });
        return taskOf(row);
      });
      return out.measure(measureStart, measureHeading, measureTasks);
    });
    return out.area(areaStart, heading, measures, tasks);
  });
  return { tree: out.finish({ title: plan.title, year: plan.year }, '重点任务', areas), places };
}
