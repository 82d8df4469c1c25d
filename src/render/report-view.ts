import type { AreaNode, ReportMeta, ReportTree, TaskNode } from '../core/report-tree.js';
import type { Light, ProgressClass } from '../core/status/classify.js';
import type { IndicatorVerdict } from '../core/status/indicator.js';
import type { TaskAnalysis } from '../core/target.js';
import { chineseOrdinal } from './target-format.js';

/**
 * The one plain input every renderer starts from: a report's structure with, per task, its
 * analysis and — when the office has them — its assignment and latest progress. It is built
 * from a parsed file (`reportViewFromTree`) or from the database, so renderers never touch
 * either.
 */
export interface ReportView {
  meta: ReportMeta;
  /** 总体要求 — the general requirement paragraphs. */
  requirements: string[];
  areas: AreaView[];
}

export interface AreaView {
  label?: string;
  title: string;
  measures: MeasureView[];
  /** The block of 主要预期目标 (first when present): unnumbered, its tasks judged by value. */
  indicators?: true;
}

export interface MeasureView {
  label?: string;
  /** Empty when the area's tasks sit directly under it. */
  title: string;
  tasks: TaskView[];
}

export interface TaskView {
  /** Database id when the view comes from the store. */
  id?: string;
  label?: string;
  text: string;
  analysis: TaskAnalysis;
  assignment?: AssignmentView;
  /** Set when the view comes from the store, for every task (reported or not). */
  status?: TaskStatusView;
  progress?: TaskProgressView;
}

/** 分工 — who does a task and by when. */
export interface AssignmentView {
  /** 牵头单位 */
  leadUnit: string;
  /** 牵头领导 */
  leadOfficial?: string;
  /** 配合单位 */
  cooperatingUnits: string[];
  /** 完成时限, as written in the plan ("2026年6月底前"). */
  deadline?: string;
}

/** Where a task stands on the assessment day, judged by the 序时进度 engine (src/core/status). */
export interface TaskStatusView {
  class: ProgressClass;
  light: Light;
  /** Past its deadline and not completed. */
  overdue: boolean;
  /** Achieved share 0..1, or null when nothing was reported. */
  completion: number | null;
  /** Expected share from the time-proportional schedule (序时进度) or milestones, 0..1. */
  expected: number;
  /** For a 主要预期目标 with a reported figure: 达标 / 接近目标 / 未达目标. */
  verdict?: IndicatorVerdict;
  /** The ISO deadline the status was judged against. */
  deadline?: string;
  /** Where that deadline comes from: the lead assignment, the task's sentence, or the year's end. */
  deadlineSource?: 'assignment' | 'task' | 'year_end';
}

/** The latest counted progress report of one task. */
export interface TaskProgressView {
  /** Completion ratio 0..1. */
  ratio: number;
  /** Reported value per target, in the same order as `analysis.targets`. */
  targetValues?: (number | null)[];
  /** 工作进展 as the unit wrote it. */
  narrative?: string;
  /** Reporting period the figures come from ("2026-Q2"). */
  periodLabel?: string;
  /** ISO date the figures are as of (the period's end). */
  reportedAt?: string;
}

/** Something that returns the analysis of a task sentence (the extractor's `analyzeTask`). */
export type AnalyzeTask = (text: string) => TaskAnalysis;

function tasksOf(area: AreaNode, analyze: AnalyzeTask): MeasureView[] {
  const view = (task: TaskNode): TaskView => ({
    ...(task.label === undefined ? {} : { label: task.label }),
    text: task.text,
    analysis: analyze(task.text),
  });
  const measures: MeasureView[] = area.measures.map((measure) => ({
    ...(measure.label === undefined ? {} : { label: measure.label }),
    title: measure.title,
    // A measure with no tasks below it is itself the task ("坚持依法行政").
    tasks:
      measure.tasks.length > 0
        ? measure.tasks.map(view)
        : [{ text: measure.title, analysis: analyze(measure.title) }],
  }));
  if (area.tasks.length > 0) measures.push({ title: '', tasks: area.tasks.map(view) });
  return measures;
}

/** Builds the view of a freshly parsed report (no assignments or progress yet). */
export function reportViewFromTree(tree: ReportTree, analyze: AnalyzeTask): ReportView {
  const requirements = tree.sections
    .filter((section) => section.kind === 'requirements')
    .flatMap((section) => section.paragraphs.map((paragraph) => paragraph.text));
  return {
    meta: tree.meta,
    requirements,
    areas: [
      ...(tree.indicators && tree.indicators.tasks.length > 0
        ? [
            {
              title: INDICATORS_HEADING,
              measures: [
                {
                  title: '',
                  tasks: tree.indicators.tasks.map((task) => ({
                    text: task.text,
                    analysis: analyze(task.text),
                  })),
                },
              ],
              indicators: true as const,
            },
          ]
        : []),
      ...tree.areas.map((area) => ({
        ...(area.label === undefined ? {} : { label: area.label }),
        title: area.title,
        measures: tasksOf(area, analyze),
      })),
    ],
  };
}

/** The heading of the 主要预期目标 block in every rendering. */
export const INDICATORS_HEADING = '主要预期目标';

/**
 * The heading of each area as documents print it: "一、…" numbered over the work areas only, and
 * the 主要预期目标 block unnumbered before them.
 */
export function areaHeadings(areas: readonly AreaView[]): string[] {
  let ordinal = 0;
  return areas.map((area) => (area.indicators ? area.title : `${chineseOrdinal(++ordinal)}、${area.title}`));
}

/** Every task of the view with its area and measure, in report order. */
export function* eachTask(
  view: ReportView,
): Generator<{ area: AreaView; areaIndex: number; measure: MeasureView; task: TaskView }> {
  for (const [areaIndex, area] of view.areas.entries()) {
    for (const measure of area.measures) {
      for (const task of measure.tasks) yield { area, areaIndex, measure, task };
    }
  }
}
