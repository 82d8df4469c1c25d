import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';

export interface RevisionTree {
  reportId: number;
  /** Revision number (1, 2, …). */
  revision: number;
  title: string;
  /** Set when the report's public pages are published. */
  publishedAt: string | null;
  archived: boolean;
  tree: ReportTree;
}

/**
 * The parsed tree of a stored report: its current revision, or revision `revision` when given
 * (to compare two revisions of one report).
 */
export async function findRevisionTree(
  db: Kysely<Database>,
  reportId: number,
  revision?: number,
): Promise<RevisionTree> {
  let query = db
    .selectFrom('report_revisions as r')
    .innerJoin('reports', 'reports.id', 'r.report_id')
    .select(['r.tree_json', 'r.number', 'reports.title', 'reports.published_at', 'reports.archived'])
    .where('r.report_id', '=', reportId);
  query =
    revision === undefined
      ? query.whereRef('r.id', '=', 'reports.current_revision_id')
      : query.where('r.number', '=', revision);
  const row = await query.executeTakeFirst();
  const name = revision === undefined ? `${reportId}` : `${reportId}@${revision}`;
  if (!row) throw notFound(`Report ${name}`, `报告 ${name}`);
  return {
    reportId,
    revision: row.number,
    title: row.title,
    publishedAt: row.published_at,
    archived: row.archived === 1,
    tree: JSON.parse(row.tree_json) as ReportTree,
  };
}
