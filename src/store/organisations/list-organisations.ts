import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One organisation of the tree as listed. */
export interface OrganisationNode {
  id: number;
  name: string;
  level: string | null;
  parentId: number | null;
  /** Depth below the listed top (0 for the top itself). */
  depth: number;
}

/**
 * An organisation and every organisation below it (archived ones left out), top first, each
 * followed by its subtree, siblings by id. The tree is small (a city and its districts and
 * towns), so it is read whole and walked here.
 */
export async function listOrganisationSubtree(
  db: Kysely<Database>,
  topId: number | null,
): Promise<OrganisationNode[]> {
  if (topId === null) return [];
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'level', 'parent_id'])
    .where('archived', '=', 0)
    .orderBy('id')
    .execute();
  const children = new Map<number, typeof rows>();
  for (const row of rows) {
    if (row.parent_id === null) continue;
    children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  }
  const top = rows.find((row) => row.id === topId);
  if (!top) return [];
  const out: OrganisationNode[] = [];
  const seen = new Set<number>();
  const walk = (row: (typeof rows)[number], depth: number) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push({ id: row.id, name: row.name, level: row.level, parentId: row.parent_id, depth });
    for (const child of children.get(row.id) ?? []) walk(child, depth + 1);
  };
  walk(top, 0);
  return out;
}
