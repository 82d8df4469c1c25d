import type { Insertable } from 'kysely';
import type { TargetTable } from '../../store/schema.js';
import type { TestWorld } from './test-app.js';

/**
 * Adds a quantitative target (`value` 个 of 中小学学位, an increment) to a task as its
 * `ordinal`-th target; `fields` replaces any of the other columns. Returns its id.
 */
export async function addTarget(
  world: TestWorld,
  taskId: number,
  value = 6500,
  ordinal = 0,
  fields: Partial<Omit<Insertable<TargetTable>, 'id' | 'node_id' | 'ordinal' | 'value'>> = {},
): Promise<number> {
  const now = new Date().toISOString();
  const row = await world.database.db
    .insertInto('targets')
    .values({
      node_id: taskId,
      ordinal,
      value,
      max: null,
      unit: '个',
      comparator: '>=',
      change: 'increase',
      subject: '中小学学位',
      text: `新增中小学学位${value}个`,
      span_start: 0,
      span_end: 10,
      source: 'manual',
      edited_by: null,
      edited_at: null,
      archived: 0,
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates and opens a reporting period (label "2026-03" or "2026-Q1") through the API. */
export async function openPeriod(world: TestWorld, label: string): Promise<number> {
  const admin = await world.client('admin');
  const created = await admin.post(`/api/reports/${world.reportId}/periods`, { label, open: true });
  if (created.statusCode !== 200) throw new Error(`period ${label}: ${created.body}`);
  return created.json<{ id: number }>().id;
}

export interface ReportedProgress {
  id: number;
  status: string;
}

/**
 * A unit's progress report through the API as the workflow has it: the unit's reporter saves
 * the draft, its head submits, and the office approves when `until` is 'approved'.
 */
export async function reportProgress(
  world: TestWorld,
  options: {
    unit: 'A' | 'B';
    periodId: number;
    taskId: number;
    values?: { targetId: number; value: number }[];
    percent?: number;
    narrative: string;
    until: 'draft' | 'submitted' | 'approved';
  },
): Promise<ReportedProgress> {
  const reporter = await world.client(options.unit === 'A' ? 'reporterA' : 'reporterB');
  const draft = await reporter.put(`/api/periods/${options.periodId}/tasks/${options.taskId}/progress`, {
    narrative: options.narrative,
    ...(options.values ? { values: options.values } : {}),
    ...(options.percent === undefined ? {} : { percent: options.percent }),
  });
  if (draft.statusCode !== 200) throw new Error(`draft: ${draft.body}`);
  let report = draft.json<{ id: number; version: number; status: string }>();
  if (options.until === 'draft') return report;
  const head = await world.client(options.unit === 'A' ? 'headA' : 'headB');
  const submitted = await head.post(`/api/progress/${report.id}/submit`, { version: report.version });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`);
  report = submitted.json();
  if (options.until === 'submitted') return report;
  const admin = await world.client('admin');
  const approved = await admin.post(`/api/progress/${report.id}/approve`, { version: report.version });
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  return approved.json();
}
