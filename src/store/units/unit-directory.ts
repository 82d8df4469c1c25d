import type { Kysely, Transaction } from 'kysely';
import type { DirectoryUnit } from '../../core/division/unit-names.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';

/** Every unit of an organisation that is not archived, with its short name and the aliases kept for it. */
export async function listUnitDirectory(
  db: Kysely<Database>,
  organisationId: number | null,
): Promise<DirectoryUnit[]> {
  const [units, aliases] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'short_name'])
      .where('organisation_id', '=', organisationId ?? -1)
      .where('archived', '=', 0)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('unit_aliases as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['a.alias', 'a.unit_id'])
      .where('u.organisation_id', '=', organisationId ?? -1)
      .orderBy('a.id')
      .execute(),
  ]);
  const byUnit = new Map<number, string[]>();
  for (const { alias, unit_id } of aliases) byUnit.set(unit_id, [...(byUnit.get(unit_id) ?? []), alias]);
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    shortName: unit.short_name,
    aliases: byUnit.get(unit.id) ?? [],
  }));
}

/**
 * Keeps "`alias` means unit `unitId`" (a name a 分工方案 used, mapped by the office) so that the
 * next plan resolves it without asking; an alias mapped before to another unit of the same
 * organisation is moved. Audited. An alias is one name in the whole database (unique), so one that
 * another organisation's office keeps is left to it: this office maps the name again next time.
 */
export async function keepUnitAlias(
  trx: Transaction<Database>,
  alias: string,
  unitId: number,
  actor: Actor,
): Promise<void> {
  const existing = await trx
    .selectFrom('unit_aliases')
    .selectAll()
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (existing?.unit_id === unitId) return;
  if (existing) {
    const owners = await trx
      .selectFrom('units')
      .select(['id', 'organisation_id'])
      .where('id', 'in', [existing.unit_id, unitId])
      .execute();
    const ownerOf = new Map(owners.map((u) => [u.id, u.organisation_id]));
    if (ownerOf.get(existing.unit_id) !== ownerOf.get(unitId)) return;
  }
  const now = new Date().toISOString();
  if (existing) {
    await trx.updateTable('unit_aliases').set({ unit_id: unitId }).where('id', '=', existing.id).execute();
  } else {
    await trx.insertInto('unit_aliases').values({ alias, unit_id: unitId, created_at: now }).execute();
  }
  await appendAuditEvent(trx, {
    actor,
    action: existing ? 'update' : 'create',
    entity: 'unit_alias',
    entityId: unitId,
    ...(existing ? { before: { alias, unitId: existing.unit_id } } : {}),
    after: { alias, unitId },
  });
}
