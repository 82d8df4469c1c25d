import type { Kysely } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';
import { readRevisionTree } from './read-revision-tree.js';

/**
 * The meta and sections (requirement paragraphs among them) of a stored revision's tree; null
 * without a revision or when its stored tree is not readable.
 */
export async function findRevisionSections(
  db: Kysely<Database>,
  revisionId: number | null,
): Promise<Pick<ReportTree, 'meta' | 'sections'> | null> {
  if (revisionId === null) return null;
  const tree = await readRevisionTree(db, revisionId);
  if (!tree || !Array.isArray(tree.sections)) return null;
  return { meta: tree.meta ?? { title: '' }, sections: tree.sections };
}
