import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The units (each once) with a live assignment in the report that have not submitted for the
 * period: no progress report on the task yet, or one still a draft or returned.
 */
export async function listUnitsYetToSubmit(
  db: Kysely<Database>,
  reportId: number,
  periodId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .leftJoin('progress_reports as p', (join) =>
      join
        .onRef('p.node_id', '=', 'a.node_id')
        .onRef('p.unit_id', '=', 'a.unit_id')
        .on('p.period_id', '=', periodId),
    )
    .select('a.unit_id')
    .distinct()
    .where('n.report_id', '=', reportId)
    .where('a.archived', '=', 0)
    .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.status', 'in', ['draft', 'returned'])]))
    .execute();
  return rows.map((r) => r.unit_id);
}
