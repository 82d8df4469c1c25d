import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { type StoredTask, toStoredTarget, toStoredTask } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';

/** A task with its targets and where it sits: report, area and measure. */
export interface TaskContext {
  reportId: number;
  task: StoredTask;
  area: { id: number; label: string | null; title: string } | null;
  measure: { id: number; label: string | null; title: string } | null;
  archived: boolean;
}

/** Ancestor levels read with the task: area → measure → (sub-measure) → task fits in them. */
const ANCESTOR_LEVELS = 4;

/**
 * Loads one task (node of kind task) with its live targets and its ancestors; 404 when absent.
 * Two queries, run together: the task joined with its ancestors, and its targets.
 */
export async function getTaskContext(db: Kysely<Database>, taskId: number): Promise<TaskContext> {
  const [row, targets] = await Promise.all([
    db
      .selectFrom('nodes as n')
      .leftJoin('nodes as p1', 'p1.id', 'n.parent_id')
      .leftJoin('nodes as p2', 'p2.id', 'p1.parent_id')
      .leftJoin('nodes as p3', 'p3.id', 'p2.parent_id')
      .leftJoin('nodes as p4', 'p4.id', 'p3.parent_id')
      .selectAll('n')
      .select([
        'p1.id as p1_id',
        'p1.kind as p1_kind',
        'p1.label as p1_label',
        'p1.title as p1_title',
        'p2.id as p2_id',
        'p2.kind as p2_kind',
        'p2.label as p2_label',
        'p2.title as p2_title',
        'p3.id as p3_id',
        'p3.kind as p3_kind',
        'p3.label as p3_label',
        'p3.title as p3_title',
        'p4.id as p4_id',
        'p4.kind as p4_kind',
        'p4.label as p4_label',
        'p4.title as p4_title',
      ])
      .where('n.id', '=', taskId)
      .where('n.kind', '=', 'task')
      .executeTakeFirst(),
    db
      .selectFrom('targets')
      .selectAll()
      .where('node_id', '=', taskId)
      .where('archived', '=', 0)
      .orderBy('ordinal')
      .execute(),
  ]);
  if (!row) throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  let area: TaskContext['area'] = null;
  let measure: TaskContext['measure'] = null;
  const ancestors = [
    { id: row.p1_id, kind: row.p1_kind, label: row.p1_label, title: row.p1_title },
    { id: row.p2_id, kind: row.p2_kind, label: row.p2_label, title: row.p2_title },
    { id: row.p3_id, kind: row.p3_kind, label: row.p3_label, title: row.p3_title },
    { id: row.p4_id, kind: row.p4_kind, label: row.p4_label, title: row.p4_title },
  ].slice(0, ANCESTOR_LEVELS);
  for (const parent of ancestors) {
    if (parent.id === null || parent.title === null) break;
    if (parent.kind === 'measure' && !measure)
      measure = { id: parent.id, label: parent.label, title: parent.title };
    if (parent.kind === 'area' && !area) area = { id: parent.id, label: parent.label, title: parent.title };
  }
  return {
    reportId: row.report_id,
    archived: row.archived === 1,
    area,
    measure,
    task: toStoredTask(row, targets.map(toStoredTarget)),
  };
}
