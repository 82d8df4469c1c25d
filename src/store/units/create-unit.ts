import type { Kysely, Transaction } from 'kysely';
import { badInput, notFound } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import { organisationOrRoot } from '../organisations/find-root-organisation.js';
import type { Database, Unit } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { loadVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';

export interface NewUnitInput {
  name: string;
  shortName?: string | null;
  parentId?: number | null;
  /** The owning organisation (the creating administrator's); default the root. */
  organisationId?: number | null;
}

/** Creates a unit (承办单位), optionally under a parent unit. */
export async function createUnit(
  db: Kysely<Database>,
  input: NewUnitInput & { actor: Actor },
): Promise<Unit> {
  const name = input.name.trim();
  if (name === '') throw badInput('invalid_unit', 'A unit needs a name', '单位名称不能为空');
  return writeTransaction(db, async (trx) => {
    const organisationId = await organisationOrRoot(trx, input.organisationId);
    if (input.parentId != null) {
      const parent = await loadVersioned(trx, 'units', input.parentId);
      if (parent.organisation_id !== organisationId)
        throw notFound(`Unit ${input.parentId}`, `单位 ${input.parentId}`);
    }
    const now = new Date().toISOString();
    return insertAudited(
      trx,
      'units',
      {
        name,
        short_name: input.shortName ?? null,
        parent_id: input.parentId ?? null,
        organisation_id: organisationId,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      'unit',
    );
  });
}

/**
 * Finds units of an organisation by exact name and creates the missing ones in it, inside the
 * caller's write transaction (for a 分工方案 spreadsheet that names units as text). Returns
 * name → unit id and the names it created.
 */
export async function findOrCreateUnits(
  trx: Transaction<Database>,
  names: readonly string[],
  actor: Actor,
  organisationId: number,
): Promise<{ ids: Map<string, number>; created: string[] }> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
  const ids = new Map<string, number>();
  const created: string[] = [];
  if (wanted.length === 0) return { ids, created };
  const found = await trx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('name', 'in', wanted)
    .where('organisation_id', '=', organisationId)
    .where('archived', '=', 0)
    .orderBy('id')
    .execute();
  for (const row of found) if (!ids.has(row.name)) ids.set(row.name, row.id);
  const now = new Date().toISOString();
  for (const name of wanted) {
    if (ids.has(name)) continue;
    const row = await insertAudited(
      trx,
      'units',
      {
        name,
        short_name: null,
        parent_id: null,
        organisation_id: organisationId,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      actor,
      'unit',
    );
    ids.set(name, row.id);
    created.push(name);
  }
  return { ids, created };
}
