import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { type StoredTask, toStoredTarget } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';

/** A task with its targets and where it sits: report, area and measure. */
export interface TaskContext {
  reportId: number;
  task: StoredTask;
  area: { id: number; label: string | null; title: string } | null;
  measure: { id: number; label: string | null; title: string } | null;
  archived: boolean;
}

/** Loads one task (node of kind task) with its live targets and its ancestors; 404 when absent. */
export async function getTaskContext(db: Kysely<Database>, taskId: number): Promise<TaskContext> {
  const row = await db
    .selectFrom('nodes')
    .selectAll()
    .where('id', '=', taskId)
    .where('kind', '=', 'task')
    .executeTakeFirst();
  if (!row) throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  const targets = await db
    .selectFrom('targets')
    .selectAll()
    .where('node_id', '=', taskId)
    .where('archived', '=', 0)
    .orderBy('ordinal')
    .execute();
  let area: TaskContext['area'] = null;
  let measure: TaskContext['measure'] = null;
  let parentId = row.parent_id;
  for (let depth = 0; parentId !== null && depth < 5; depth++) {
    const parent = await db
      .selectFrom('nodes')
      .select(['id', 'parent_id', 'kind', 'label', 'title'])
      .where('id', '=', parentId)
      .executeTakeFirst();
    if (!parent) break;
    if (parent.kind === 'measure' && !measure)
      measure = { id: parent.id, label: parent.label, title: parent.title };
    if (parent.kind === 'area' && !area) area = { id: parent.id, label: parent.label, title: parent.title };
    parentId = parent.parent_id;
  }
  return {
    reportId: row.report_id,
    archived: row.archived === 1,
    area,
    measure,
    task: {
      id: row.id,
      version: row.version,
      label: row.label,
      text: row.text,
      span: [row.span_start, row.span_end],
      ordinal: row.ordinal,
      position: row.position,
      deadline: row.deadline_text ? { text: row.deadline_text, date: row.deadline_date } : null,
      commitment: row.commitment,
      targets: targets.map(toStoredTarget),
    },
  };
}
