import { type Light, PROGRESS_CLASS_ZH, type ProgressClass } from '../core/status/classify.js';
import { INDICATOR_VERDICT_ZH } from '../core/status/indicator.js';
import { formatChineseDate, plainTitle } from './division-model.js';
import { areaHeadings, type ReportView, type TaskView } from './report-view.js';
import { formatReportedValue, formatTarget } from './target-format.js';

/** One task line of the 台账 with its latest progress. */
export interface LedgerRow {
  /** The task's number in the plan's reading order (as in the 分工方案), also when filtered. */
  seq: number;
  /** The work area's heading ("一、…"). */
  area: string;
  measure: string;
  task: string;
  /** Targets as printed: "新增中小学学位 6500个；城镇调查失业率 ≤5%". */
  targets: string;
  leadUnit: string;
  cooperatingUnits: string;
  leadOfficial: string;
  deadline: string;
  /** Reporting period of the latest counted progress ("2026-Q2"), or "". */
  period: string;
  /** Reported values per target, printed. */
  achieved: string;
  /** 0..1, or null when nothing was reported. */
  completion: number | null;
  /** 序时进度 0..1, or null when unknown. */
  expected: number | null;
  status: ProgressClass;
  statusZh: string;
  light: Light | null;
  overdue: boolean;
  narrative: string;
}

/** Per-area (or whole-report) counts of the status classes. */
export interface LedgerCounts {
  tasks: number;
  byClass: Record<ProgressClass, number>;
  overdue: number;
  /** Mean completion over all tasks (unreported count as 0). */
  meanCompletion: number;
}

export interface LedgerArea {
  heading: string;
  rows: LedgerRow[];
  counts: LedgerCounts;
}

/** 台账 — a report's ledger: its tasks with their assignment and latest progress. */
export interface LedgerModel {
  title: string;
  /** ISO date the statuses were judged at. */
  asOf: string;
  /** Which part of the ledger the rows are ("导出范围：…"), when not the whole of it. */
  scope?: string;
  /** Every row, in the ledger's order (reading order, or the selection's). */
  rows: LedgerRow[];
  /** The rows by work area, in reading order of the areas; each area's rows in the ledger's order. */
  areas: LedgerArea[];
  totals: LedgerCounts;
}

function targetsText(task: TaskView): { targets: string; achieved: string } {
  const targets = task.analysis.targets.map((target) => {
    const shown = formatTarget(target);
    return `${target.subject ? `${target.subject} ` : ''}${shown.prefix}${shown.number}${shown.unit}`;
  });
  const achieved = task.analysis.targets.flatMap((target, i) => {
    const value = task.progress?.targetValues?.[i];
    return value === undefined || value === null ? [] : [formatReportedValue(target, value)];
  });
  return { targets: targets.join('；'), achieved: achieved.join('；') };
}

/**
 * 完成时限 as the ledger prints it: the deadline the status was judged against (the lead
 * assignment's, else the task's, else the report year's end, marked 默认), or, without a
 * status, the one the assignment or the plan states.
 */
function deadlineText(task: TaskView): string {
  const judged = task.status;
  if (judged?.deadline) {
    const date = formatChineseDate(judged.deadline);
    return judged.deadlineSource === 'year_end' ? `${date}（默认）` : date;
  }
  return formatChineseDate(
    task.assignment?.deadline ?? task.analysis.deadline?.date ?? task.analysis.deadline?.text ?? '',
  );
}

/** Counts the status classes of some rows. */
export function countRows(rows: readonly LedgerRow[]): LedgerCounts {
  const byClass: Record<ProgressClass, number> = {
    not_started: 0,
    behind: 0,
    on_track: 0,
    ahead: 0,
    completed: 0,
  };
  let overdue = 0;
  let sum = 0;
  for (const row of rows) {
    byClass[row.status] += 1;
    if (row.overdue) overdue += 1;
    sum += Math.min(1, row.completion ?? 0);
  }
  return { tasks: rows.length, byClass, overdue, meanCompletion: rows.length ? sum / rows.length : 0 };
}

/**
 * Builds the 台账 from a report view judged at `asOf`: every task, in reading order, or only
 * the tasks of `taskIds` (TaskView ids), in that order. A selection leaves out the areas it
 * has no task of; the whole ledger keeps every area.
 */
export function buildLedger(view: ReportView, asOf: string, taskIds?: readonly string[]): LedgerModel {
  let seq = 0;
  const rank = taskIds ? new Map(taskIds.map((id, i) => [id, i])) : null;
  const headings = areaHeadings(view.areas);
  const areas = view.areas.map((area, index) => {
    const heading = headings[index] ?? area.title;
    const ranked = area.measures.flatMap((measure) =>
      measure.tasks.map((task) => {
        seq += 1;
        const progress = task.progress;
        const judged = task.status;
        const status = judged?.class ?? 'not_started';
        const deadline = deadlineText(task);
        const row: LedgerRow = {
          seq,
          area: heading,
          measure: measure.title,
          task: task.text,
          ...targetsText(task),
          leadUnit: task.assignment?.leadUnit ?? '',
          cooperatingUnits: (task.assignment?.cooperatingUnits ?? []).join('、'),
          leadOfficial: task.assignment?.leadOfficial ?? '',
          deadline,
          period: progress?.periodLabel ?? '',
          completion: judged?.completion ?? progress?.ratio ?? null,
          expected: judged?.expected ?? null,
          status,
          // A 主要预期目标 reads as 达标 / 接近目标 / 未达目标 once a figure is reported.
          statusZh: judged?.verdict ? INDICATOR_VERDICT_ZH[judged.verdict] : PROGRESS_CLASS_ZH[status],
          light: judged?.light ?? null,
          overdue: judged?.overdue ?? false,
          narrative: progress?.narrative ?? '',
        };
        return { row, rank: rank ? rank.get(task.id ?? '') : seq };
      }),
    );
    const rows = ranked
      .filter((entry): entry is { row: LedgerRow; rank: number } => entry.rank !== undefined)
      .sort((a, b) => a.rank - b.rank);
    return { heading, rows, counts: countRows(rows.map((entry) => entry.row)) };
  });
  const kept = rank ? areas.filter((area) => area.rows.length > 0) : areas;
  const all = kept.flatMap((area) => area.rows).sort((a, b) => a.rank - b.rank);
  const rows = all.map((entry) => entry.row);
  return {
    title: `${plainTitle(view.meta.title)}重点任务台账`,
    asOf,
    rows,
    areas: kept.map((area) => ({ ...area, rows: area.rows.map((entry) => entry.row) })),
    totals: countRows(rows),
  };
}
