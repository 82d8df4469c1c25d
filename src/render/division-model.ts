import { areaHeadings, type ReportView } from './report-view.js';
import { chineseOrdinal } from './target-format.js';

/** One row of a 分工方案: 序号 / 任务 / 牵头单位 / 牵头领导 / 配合单位 / 完成时限. */
export interface DivisionRow {
  /** 序号, numbered through the whole plan. */
  seq: number;
  /** Stored task id, when the view comes from the database (used to re-import the sheet). */
  taskId?: string;
  task: string;
  leadUnit: string;
  leadOfficial: string;
  cooperatingUnits: string;
  deadline: string;
}

/** The rows of one work area, under its heading ("一、坚持以副辅主，高水平推进城市建设"). */
export interface DivisionGroup {
  heading: string;
  rows: DivisionRow[];
}

/** 重点任务分工方案 — the view model of the division-of-work plan. */
export interface DivisionPlan {
  title: string;
  /** Line under the title (issuing government, year). */
  subtitle: string;
  groups: DivisionGroup[];
}

/** The column headings, in order, as the usual form prints them. */
export const DIVISION_COLUMNS = ['序号', '任务', '牵头单位', '牵头领导', '配合单位', '完成时限'] as const;

/** "2026-06-30" → "2026年6月30日"; other text is kept as written. */
export function formatChineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** A report title without the "一图读懂" banner words. */
export function plainTitle(title: string): string {
  return title.replace(/^一图读懂[：:\s]*/u, '').trim() || '政府工作报告';
}

/** Area heading with its Chinese ordinal, whether or not the source kept a label. */
export function areaHeading(index: number, title: string): string {
  return `${chineseOrdinal(index + 1)}、${title}`;
}

/**
 * Builds the 分工方案 from a report view: one group per work area, one row per task with its
 * lead unit, lead official, cooperating units and deadline (the assignment's, else the
 * deadline the task itself states).
 */
export function buildDivisionPlan(view: ReportView): DivisionPlan {
  let seq = 0;
  const headings = areaHeadings(view.areas);
  const groups = view.areas.map((area, index) => ({
    heading: headings[index] ?? area.title,
    rows: area.measures.flatMap((measure) =>
      measure.tasks.map((task): DivisionRow => {
        seq += 1;
        const assignment = task.assignment;
        const deadline =
          assignment?.deadline ?? task.analysis.deadline?.date ?? task.analysis.deadline?.text ?? '';
        const row: DivisionRow = {
          seq,
          task: task.text,
          leadUnit: assignment?.leadUnit ?? '',
          leadOfficial: assignment?.leadOfficial ?? '',
          cooperatingUnits: (assignment?.cooperatingUnits ?? []).join('、'),
          deadline: formatChineseDate(deadline),
        };
        if (task.id !== undefined) row.taskId = task.id;
        return row;
      }),
    ),
  }));
  const year = view.meta.year === undefined ? '' : `${view.meta.year}年`;
  return {
    title: `${plainTitle(view.meta.title)}重点任务分工方案`,
    subtitle: [view.meta.place, year].filter(Boolean).join(' '),
    groups,
  };
}
