import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { loadProgress, type ProgressView } from '../../store/progress/load-progress.js';
import type { Database } from '../../store/schema.js';

/** The API view of a progress report. */
export function presentProgress(view: ProgressView) {
  const r = view.row;
  return {
    id: r.id,
    taskId: r.node_id,
    taskText: r.task_text,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodId: r.period_id,
    periodLabel: r.period_label,
    status: r.status,
    narrative: r.narrative,
    problems: r.problems,
    nextSteps: r.next_steps,
    percent: r.percent,
    values: view.values,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewReason: r.review_reason,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The API view of the progress report `id` as stored now (after a save, submit or review). */
export async function presentStoredProgress(db: Kysely<Database>, id: number) {
  const [view] = await loadProgress(db, { id });
  if (!view) throw notFound(`Progress report ${id}`, `进展报告 ${id}`);
  return presentProgress(view);
}
