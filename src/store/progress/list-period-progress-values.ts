import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A progress report of a period, once per target value it holds (target_id null when it holds none). */
export interface PeriodProgressValue {
  node_id: number;
  unit_id: number;
  percent: number | null;
  narrative: string | null;
  problems: string | null;
  next_steps: string | null;
  target_id: number | null;
  value: number | null;
}

/** Every progress report of a period joined with its target values. */
export async function listPeriodProgressValues(
  db: Kysely<Database>,
  periodId: number,
): Promise<PeriodProgressValue[]> {
  return db
    .selectFrom('progress_reports as p')
    .leftJoin('progress_values as v', 'v.progress_report_id', 'p.id')
    .select([
      'p.node_id',
      'p.unit_id',
      'p.percent',
      'p.narrative',
      'p.problems',
      'p.next_steps',
      'v.target_id',
      'v.value',
    ])
    .where('p.period_id', '=', periodId)
    .execute();
}
