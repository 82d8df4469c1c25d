import type { Kysely } from 'kysely';
import type { ReportMeta } from '../../core/report-tree.js';
import type { TaskAnalysis } from '../../core/target.js';
import type { AreaView, MeasureView, ReportView, TaskView } from '../../render/report-view.js';
import { listProgressNarratives } from '../../store/progress/list-progress-narratives.js';
import { findRevisionSections } from '../../store/reports/find-revision-sections.js';
import { getReportTree, type StoredTask } from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import { type CountedProgress, listTaskStatusInputs } from '../../store/status/list-task-status-inputs.js';
import { computeTaskStatus, statusSettings } from '../reports/present-status.js';

export interface LoadReportViewOptions {
  /** ISO date the statuses are judged at (序时进度 day). */
  at: string;
  /** Days before a deadline that raise a blue slip (the server's STATUS_WARN_DAYS). */
  warnDays?: number;
  /** Public pages: count only progress the office approved, never drafts or submissions. */
  approvedOnly?: boolean;
}

function toTaskView(
  task: StoredTask,
  assignments: Awaited<ReturnType<typeof listTaskStatusInputs>>['assignments'],
  progress: CountedProgress | undefined,
  settings: ReturnType<typeof statusSettings>,
  narratives: ReadonlyMap<number, string>,
): TaskView {
  const analysis: TaskAnalysis = {
    targets: task.targets.map((t) => ({
      value: t.value,
      ...(t.max === null ? {} : { max: t.max }),
      unit: t.unit,
      comparator: t.comparator,
      change: t.change,
      subject: t.subject,
      text: t.text,
      span: t.span,
    })),
    deadline: task.deadline
      ? {
          text: task.deadline.text,
          ...(task.deadline.date ? { date: task.deadline.date } : {}),
          span: [0, 0],
        }
      : null,
    commitment: null,
  };
  const view: TaskView = { id: String(task.id), text: task.text, analysis };
  if (task.label) view.label = task.label;
  const list = assignments.get(task.id) ?? [];
  const lead = list.find((a) => a.role === 'lead');
  if (lead) {
    view.assignment = {
      leadUnit: list
        .filter((a) => a.role === 'lead')
        .map((a) => a.unitName)
        .join('、'),
      cooperatingUnits: list.filter((a) => a.role === 'cooperating').map((a) => a.unitName),
      ...(lead.leadOfficial ? { leadOfficial: lead.leadOfficial } : {}),
      ...(lead.deadline ? { deadline: lead.deadline } : {}),
    };
  }
  const status = computeTaskStatus(task, list, progress, settings);
  view.status = {
    class: status.class,
    light: status.light,
    overdue: status.overdue,
    completion: status.completion,
    expected: status.expected,
    ...(status.indicator ? { verdict: status.indicator.verdict } : {}),
    deadline: status.deadline,
    deadlineSource: status.deadlineSource,
  };
  if (progress) {
    view.progress = {
      ratio: status.completion ?? 0,
      targetValues: task.targets.map((t) => progress.values.get(t.id) ?? null),
      periodLabel: progress.periodLabel,
      reportedAt: progress.periodEndsOn,
      ...(narratives.get(progress.progressReportId)
        ? { narrative: narratives.get(progress.progressReportId) }
        : {}),
    };
  }
  return view;
}

/**
 * Loads a stored report as the plain view the renderers take: tree, targets, lead/cooperating
 * units and each task's latest counted progress judged by the status engine at `at`.
 */
export async function loadReportView(
  db: Kysely<Database>,
  reportId: number,
  options: LoadReportViewOptions,
): Promise<ReportView> {
  const tree = await getReportTree(db, reportId);
  const [inputs, stored] = await Promise.all([
    // Public views count the latest APPROVED report, even when a newer one awaits approval.
    listTaskStatusInputs(db, reportId, undefined, { approvedOnly: options.approvedOnly ?? false }),
    findRevisionSections(db, tree.report.revisionId),
  ]);
  const settings = statusSettings(tree.report.year, options.at, options.warnDays ?? 30);
  const narratives = await listProgressNarratives(
    db,
    [...inputs.progress.values()].map((p) => p.progressReportId),
  );
  const task = (t: StoredTask): TaskView =>
    toTaskView(t, inputs.assignments, inputs.progress.get(t.id), settings, narratives);
  const areas: AreaView[] = tree.areas.map((area) => {
    const measures: MeasureView[] = area.measures.map((measure) => ({
      ...(measure.label ? { label: measure.label } : {}),
      title: measure.title,
      tasks: measure.tasks.map(task),
    }));
    if (area.tasks.length > 0) measures.push({ title: '', tasks: area.tasks.map(task) });
    return {
      ...(area.label ? { label: area.label } : {}),
      title: area.title,
      measures,
      ...(area.indicators ? { indicators: true as const } : {}),
    };
  });
  const meta: ReportMeta = {
    ...(stored?.meta ?? {}),
    title: tree.report.title || stored?.meta.title || '',
    ...(tree.report.year === null ? {} : { year: tree.report.year }),
    ...(tree.report.place === null ? {} : { place: tree.report.place }),
  };
  const requirements = (stored?.sections ?? [])
    .filter((section) => section.kind === 'requirements')
    .flatMap((section) => section.paragraphs.map((paragraph) => paragraph.text));
  return { meta, requirements, areas };
}
