import type { Kysely } from 'kysely';
import type { ReportMeta } from '../../core/report-tree.js';
import type { Database } from '../schema.js';
import { readRevisionTree } from './read-revision-tree.js';

/**
 * The meta (title, year, place, speaker…) of a stored revision's tree; `{ title }` when the
 * revision's tree has no readable meta (the title then comes from the reports row).
 */
export async function findRevisionMeta(
  db: Kysely<Database>,
  revisionId: number,
  title: string,
): Promise<ReportMeta> {
  const meta = (await readRevisionTree(db, revisionId))?.meta;
  if (meta && typeof meta.title === 'string') return meta;
  return { title };
}
