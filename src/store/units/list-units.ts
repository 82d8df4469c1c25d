import type { Kysely } from 'kysely';
import type { Database, Unit } from '../schema.js';

/**
 * Every unit of an organisation that is not archived (or every one, with `includeArchived`), by
 * name or by id; parents and children alike (build the tree from parent_id).
 */
export async function listUnits(
  db: Kysely<Database>,
  options: { organisationId: number | null; includeArchived?: boolean; orderBy?: 'name' | 'id' },
): Promise<Unit[]> {
  let query = db
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', options.organisationId ?? -1);
  if (!options.includeArchived) query = query.where('archived', '=', 0);
  if (options.orderBy === 'id') return query.orderBy('id').execute();
  return query.orderBy('name').orderBy('id').execute();
}

/** A unit and all units below it (ids), for "my unit sees its sub-units" checks. */
export async function listUnitSubtreeIds(db: Kysely<Database>, unitId: number): Promise<number[]> {
  const all = await db.selectFrom('units').select(['id', 'parent_id']).execute();
  const children = new Map<number, number[]>();
  for (const unit of all) {
    if (unit.parent_id === null) continue;
    const list = children.get(unit.parent_id) ?? [];
    list.push(unit.id);
    children.set(unit.parent_id, list);
  }
  const out: number[] = [];
  const stack = [unitId];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
