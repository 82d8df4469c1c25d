import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { Database } from '../schema.js';
import { listSuperiorTasks, type SuperiorTaskView } from './list-superior-tasks.js';

/** Whether `organisationId` lies below `ancestorId` in the tree of governments. */
export async function isBelow(
  db: Kysely<Database>,
  organisationId: number,
  ancestorId: number,
): Promise<boolean> {
  const seen = new Set<number>();
  let current: number | null = organisationId;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('organisations')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current === ancestorId) return true;
  }
  return false;
}

/**
 * 下级分解 (superior view) — how a subordinate organisation carries out the tasks the viewer's
 * organisation handed down to it: its superior tasks from the viewer's reports, with their
 * status, reference numbers and linked own tasks (and the units doing them). Read-only; an
 * organisation that is not below the viewer's does not exist for it (not_found).
 */
export async function listSubordinateDecomposition(
  db: Kysely<Database>,
  input: { viewerOrganisationId: number; organisationId: number },
): Promise<{
  organisation: { id: number; name: string; parentId: number | null };
  superiorTasks: SuperiorTaskView[];
}> {
  const organisation = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'parent_id'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!organisation || !(await isBelow(db, organisation.id, input.viewerOrganisationId)))
    throw notFound(`Organisation ${input.organisationId}`, `下级政府 ${input.organisationId}`);
  const superiorTasks = await listSuperiorTasks(db, {
    organisationId: organisation.id,
    sourceOrganisationId: input.viewerOrganisationId,
  });
  return {
    organisation: { id: organisation.id, name: organisation.name, parentId: organisation.parent_id },
    superiorTasks,
  };
}
