import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import { findRootOrganisationId } from '../../store/organisations/find-root-organisation.js';
import type { Database, ProgressStatus } from '../../store/schema.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';

/**
 * Fixtures for server tests that work below the HTTP layer: a two-task report (the first task
 * targets 新增中小学学位6500个) and rows written straight into the store.
 */
export const SMALL_REPORT_TREE = makeTree('2026年区政府工作报告', [
  {
    title: '保障和改善民生',
    measures: [{ title: '办好民生实事', tasks: ['新增中小学学位6500个。', '举办文化活动1300场以上。'] }],
  },
]);

/** Imports the small report; returns its id. */
export async function importSmallReport(db: Kysely<Database>): Promise<number> {
  const imported = await importReport(db, {
    bytes: new TextEncoder().encode(SMALL_REPORT_TREE.text),
    fileName: 'r.md',
    tree: SMALL_REPORT_TREE,
    analyses: analyseForTest,
    actor: CLI_ACTOR,
  });
  return imported.reportId;
}

/** The report's first task (in reading order) and that task's first target. */
export async function firstTaskTarget(
  db: Kysely<Database>,
  reportId: number,
): Promise<{ taskId: number; targetId: number; targetValue: number | null }> {
  const task = await db
    .selectFrom('nodes')
    .select('id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'task')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const target = await db
    .selectFrom('targets')
    .select(['id', 'value'])
    .where('node_id', '=', task.id)
    .executeTakeFirstOrThrow();
  return { taskId: task.id, targetId: target.id, targetValue: target.value };
}

/** Inserts a unit; returns its id. */
export async function insertUnit(db: Kysely<Database>, name: string, now: string): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({
      name,
      parent_id: null,
      organisation_id: await findRootOrganisationId(db),
      short_name: null,
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an open month period labelled `YYYY-MM` running from `startsOn` to `endsOn`; returns its id. */
export async function insertMonthPeriod(
  db: Kysely<Database>,
  period: { reportId: number; label: string; startsOn: string; endsOn: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto('reporting_periods')
    .values({
      report_id: period.reportId,
      kind: 'month',
      label: period.label,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
      status: 'open',
      created_at: period.now,
      updated_at: period.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a unit's progress report on a task in a period (empty texts, nobody signed); returns its id. */
export async function insertProgressReport(
  db: Kysely<Database>,
  report: { taskId: number; unitId: number; periodId: number; status: ProgressStatus; now: string },
): Promise<number> {
  const row = await db
    .insertInto('progress_reports')
    .values({
      node_id: report.taskId,
      unit_id: report.unitId,
      period_id: report.periodId,
      status: report.status,
      narrative: '',
      problems: '',
      next_steps: '',
      percent: null,
      created_by: null,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_reason: null,
      created_at: report.now,
      updated_at: report.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records a progress report's value for one target. */
export async function insertProgressValue(
  db: Kysely<Database>,
  value: { progressReportId: number; targetId: number; value: number; now: string },
): Promise<void> {
  await db
    .insertInto('progress_values')
    .values({
      progress_report_id: value.progressReportId,
      target_id: value.targetId,
      value: value.value,
      created_at: value.now,
      updated_at: value.now,
    })
    .execute();
}

/** The report's change counter as the triggers of migration 20261127-1215 keep it (-1: none). */
export async function readReportChangeCounter(db: Kysely<Database>, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('report_change_counters')
    .select('counter')
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row?.counter ?? -1;
}
