import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import { findProgressReport, type ProgressReportDetail } from '../progress/find-progress-report.js';
import type { Database, ProgressStatus, ReportingPeriod } from '../schema.js';
import { findSuperiorTask, type SuperiorTaskView } from './list-superior-tasks.js';

/** One approved report of the organisation's own units that the draft was built from. */
export interface ReportUpSource {
  progressReportId: number;
  taskId: number;
  taskText: string;
  unitId: number;
  unitName: string;
  periodId: number;
  periodLabel: string;
  narrative: string;
  problems: string;
  nextSteps: string;
  percent: number | null;
  values: { targetId: number; subject: string; unit: string; value: number | null }[];
}

/** A linked task's unit whose report for the period is not approved (yet): left out of the draft. */
export interface ReportUpGap {
  taskId: number;
  unitId: number;
  unitName: string;
  /** null when the unit has not started its report. */
  status: ProgressStatus | null;
  /** null when the linked task's report has no period covering the superior period. */
  periodId: number | null;
}

/** What the office would submit upward: texts gathered, figures summed, ready to edit. */
export interface ReportUpDraft {
  narrative: string;
  problems: string;
  nextSteps: string;
  percent: number | null;
  /** One value per target of the superior task (累计完成值). */
  values: {
    targetId: number;
    subject: string;
    unit: string;
    value: number | null;
    /** How many own targets' reported values went into the sum. */
    summed: number;
  }[];
}

export interface ReportUpView {
  superiorTask: SuperiorTaskView;
  period: ReportingPeriod;
  draft: ReportUpDraft;
  sources: ReportUpSource[];
  gaps: ReportUpGap[];
  /** The representative unit's report on the superior task in the period, once saved. */
  current: ProgressReportDetail | null;
}

/**
 * The organisation's own period that stands for the superior period on one of its reports: the
 * one with the same dates; else the latest one that lies within them (values are cumulative, so
 * its figures are those at the end of the superior period as far as known).
 */
export function matchingPeriod<P extends Pick<ReportingPeriod, 'starts_on' | 'ends_on'>>(
  own: readonly P[],
  superior: Pick<ReportingPeriod, 'starts_on' | 'ends_on'>,
): P | null {
  const same = own.find((p) => p.starts_on === superior.starts_on && p.ends_on === superior.ends_on);
  if (same) return same;
  const within = own
    .filter((p) => p.starts_on >= superior.starts_on && p.ends_on <= superior.ends_on)
    .sort((a, b) => (a.ends_on === b.ends_on ? 0 : a.ends_on < b.ends_on ? 1 : -1));
  return within[0] ?? null;
}

function gather(parts: { unitName: string; text: string }[]): string {
  return parts
    .filter((p) => p.text.trim() !== '')
    .map((p) => `${p.unitName}：${p.text.trim()}`)
    .join('\n');
}

/**
 * 汇总 — the draft of the report up on a superior task for a superior period: built from the
 * APPROVED reports of the organisation's own units on the linked tasks, in the organisation's
 * periods covering the same dates. Narratives, problems and next steps are gathered (单位：…);
 * each superior target gets the sum of the values reported for own targets with the same unit
 * (and, when the superior task has several targets in that unit, the same subject); the percent
 * is the mean of those given. Reads only `organisationId`'s superior task and own tasks.
 */
export async function consolidateReportUp(
  db: Kysely<Database>,
  input: { id: number; organisationId: number; periodId: number },
): Promise<ReportUpView> {
  const superiorTask = await findSuperiorTask(db, input);
  const period = await db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('id', '=', input.periodId)
    .executeTakeFirst();
  if (!period || period.report_id !== superiorTask.source.reportId) {
    throw badInput(
      'period_of_other_report',
      `Period ${input.periodId} is not a period of the superior report of this task`,
      '该报送周期不属于上级交办任务所在的报告',
      { periodId: input.periodId },
    );
  }
  const linked = superiorTask.links.filter((link) => !link.archived);
  const linkedIds = linked.map((link) => link.taskId);
  const reportIds = [...new Set(linked.map((link) => link.reportId))];
  const ownPeriods =
    reportIds.length === 0
      ? []
      : await db.selectFrom('reporting_periods').selectAll().where('report_id', 'in', reportIds).execute();
  const periodOfReport = new Map<number, ReportingPeriod | null>(
    reportIds.map((reportId) => [
      reportId,
      matchingPeriod(
        ownPeriods.filter((p) => p.report_id === reportId),
        period,
      ),
    ]),
  );
  const usedPeriodIds = [...periodOfReport.values()].flatMap((p) => (p ? [p.id] : []));

  const reports =
    linkedIds.length === 0 || usedPeriodIds.length === 0
      ? []
      : await db
          .selectFrom('progress_reports as pr')
          .innerJoin('units as u', 'u.id', 'pr.unit_id')
          .innerJoin('nodes as n', 'n.id', 'pr.node_id')
          .innerJoin('reporting_periods as p', 'p.id', 'pr.period_id')
          .select([
            'pr.id',
            'pr.node_id',
            'pr.unit_id',
            'pr.period_id',
            'pr.status',
            'pr.narrative',
            'pr.problems',
            'pr.next_steps',
            'pr.percent',
            'u.name as unit_name',
            'n.text as task_text',
            'n.report_id',
            'p.label as period_label',
          ])
          .where('pr.node_id', 'in', linkedIds)
          .where('pr.period_id', 'in', usedPeriodIds)
          .orderBy('n.position')
          .orderBy('pr.unit_id')
          .execute();
  const current = reports.filter((r) => periodOfReport.get(r.report_id)?.id === r.period_id);
  const approved = current.filter((r) => r.status === 'approved');
  const values =
    approved.length === 0
      ? []
      : await db
          .selectFrom('progress_values as v')
          .innerJoin('targets as t', 't.id', 'v.target_id')
          .select(['v.progress_report_id', 'v.target_id', 'v.value', 't.subject', 't.unit'])
          .where(
            'v.progress_report_id',
            'in',
            approved.map((r) => r.id),
          )
          .where('t.archived', '=', 0)
          .orderBy('t.ordinal')
          .execute();
  const sources: ReportUpSource[] = approved.map((r) => ({
    progressReportId: r.id,
    taskId: r.node_id,
    taskText: r.task_text,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodId: r.period_id,
    periodLabel: r.period_label,
    narrative: r.narrative,
    problems: r.problems,
    nextSteps: r.next_steps,
    percent: r.percent,
    values: values
      .filter((v) => v.progress_report_id === r.id)
      .map((v) => ({ targetId: v.target_id, subject: v.subject, unit: v.unit, value: v.value })),
  }));

  const assigned =
    linkedIds.length === 0
      ? []
      : await db
          .selectFrom('assignments as a')
          .innerJoin('units as u', 'u.id', 'a.unit_id')
          .innerJoin('nodes as n', 'n.id', 'a.node_id')
          .select(['a.node_id', 'a.unit_id', 'u.name', 'n.report_id'])
          .where('a.node_id', 'in', linkedIds)
          .where('a.archived', '=', 0)
          .orderBy('n.position')
          .orderBy('a.unit_id')
          .execute();
  const gaps: ReportUpGap[] = assigned
    .filter((a) => !approved.some((r) => r.node_id === a.node_id && r.unit_id === a.unit_id))
    .map((a) => ({
      taskId: a.node_id,
      unitId: a.unit_id,
      unitName: a.name,
      status: current.find((r) => r.node_id === a.node_id && r.unit_id === a.unit_id)?.status ?? null,
      periodId: periodOfReport.get(a.report_id)?.id ?? null,
    }));

  const superiorTargets = await db
    .selectFrom('targets')
    .select(['id', 'subject', 'unit'])
    .where('node_id', '=', superiorTask.source.taskId)
    .where('archived', '=', 0)
    .orderBy('ordinal')
    .execute();
  const reported = sources.flatMap((s) => s.values.filter((v) => v.value !== null));
  const draftValues = superiorTargets.map((target) => {
    const sameUnit = superiorTargets.filter((t) => t.unit === target.unit).length;
    const parts = reported.filter(
      (v) => v.unit === target.unit && (sameUnit === 1 || v.subject === target.subject),
    );
    return {
      targetId: target.id,
      subject: target.subject,
      unit: target.unit,
      value: parts.length === 0 ? null : parts.reduce((sum, v) => sum + (v.value ?? 0), 0),
      summed: parts.length,
    };
  });
  const percents = sources.flatMap((s) => (s.percent === null ? [] : [s.percent]));
  const gatherField = (field: 'narrative' | 'problems' | 'nextSteps') =>
    gather(sources.map((s) => ({ unitName: s.unitName, text: s[field] })));
  const saved = await findProgressReport(db, {
    taskId: superiorTask.source.taskId,
    unitId: superiorTask.assignment.unitId,
    periodId: period.id,
  });
  return {
    superiorTask,
    period,
    draft: {
      narrative: gatherField('narrative'),
      problems: gatherField('problems'),
      nextSteps: gatherField('nextSteps'),
      percent:
        percents.length === 0
          ? null
          : Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10,
      values: draftValues,
    },
    sources,
    gaps,
    current: saved ?? null,
  };
}
