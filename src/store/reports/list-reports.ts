import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { type ReportReach, reportReadable } from './readable-reports.js';

/** One line of the report list. */
export interface ReportSummary {
  id: number;
  title: string;
  year: number | null;
  place: string | null;
  /** 发文机关 — the issuer as written, else the owning organisation's name. */
  organisation: string | null;
  /** Number of the current revision (1 for a first import). */
  revision: number | null;
  /** Tasks not archived. */
  tasks: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The reports a reader with this reach may read (readable-reports.ts), newest year first, then newest import first. */
export async function listReports(db: Kysely<Database>, reach: ReportReach): Promise<ReportSummary[]> {
  const rows = await db
    .selectFrom('reports as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('report_revisions as v', 'v.id', 'r.current_revision_id')
    .select((eb) => [
      'r.id',
      'r.title',
      'r.year',
      'r.place',
      'r.issuer',
      'o.name as owner',
      'v.number as revision',
      'r.published_at',
      'r.created_at',
      'r.updated_at',
      'r.version',
      eb
        .selectFrom('nodes as n')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('n.report_id', '=', 'r.id')
        .where('n.kind', '=', 'task')
        .where('n.archived', '=', 0)
        .as('tasks'),
    ])
    .where(reportReadable('r', reach))
    .orderBy('r.year', (ob) => ob.desc().nullsLast())
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    year: row.year,
    place: row.place,
    organisation: row.issuer ?? row.owner,
    revision: row.revision,
    tasks: Number(row.tasks ?? 0),
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }));
}
