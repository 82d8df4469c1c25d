import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An approved progress report with its task text, report, unit name and period label. */
export interface ApprovedProgress {
  id: number;
  narrative: string | null;
  reviewed_at: string | null;
  text: string;
  report_id: number;
  unit: string;
  label: string;
}

/**
 * The most recently approved progress reports on live tasks of published, unarchived reports,
 * newest first (drafts, submissions and returned reports never appear).
 */
export async function listNewestApprovedProgress(
  db: Kysely<Database>,
  limit: number,
): Promise<ApprovedProgress[]> {
  return db
    .selectFrom('progress_reports as p')
    .innerJoin('nodes as n', 'n.id', 'p.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
    .select([
      'p.id',
      'p.narrative',
      'p.reviewed_at',
      'n.text',
      'r.id as report_id',
      'u.name as unit',
      'rp.label',
    ])
    .where('p.status', '=', 'approved')
    .where('p.reviewed_at', 'is not', null)
    .where('r.published_at', 'is not', null)
    .where('r.archived', '=', 0)
    .where('n.archived', '=', 0)
    .orderBy('p.reviewed_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
}
