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
      .selectFrom('organisation_unit_aliases')
      .select(['alias', 'unit_id'])
      .where('organisation_id', '=', organisationId ?? -1)
      .orderBy('id')
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
 * Keeps "`alias` means unit `unitId`" for the unit's organisation (a name a 分工方案 used, mapped
 * by the office) so that the next plan resolves it without asking; the organisation's alias mapped
 * before to another of its units is moved. Audited. Each organisation keeps its own aliases: two
 * districts may both call their own bureau 区发改委.
 */
export async function keepUnitAlias(
  trx: Transaction<Database>,
  alias: string,
  unitId: number,
  actor: Actor,
): Promise<void> {
  const unit = await trx
    .selectFrom('units')
    .select('organisation_id')
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (unit?.organisation_id == null) return;
  const organisationId = unit.organisation_id;
  const existing = await trx
    .selectFrom('organisation_unit_aliases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (existing?.unit_id === unitId) return;
  if (existing) {
    await trx
      .updateTable('organisation_unit_aliases')
      .set({ unit_id: unitId })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await trx
      .insertInto('organisation_unit_aliases')
      .values({
        organisation_id: organisationId,
        alias,
        unit_id: unitId,
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  await appendAuditEvent(trx, {
    actor,
    action: existing ? 'update' : 'create',
    entity: 'unit_alias',
    entityId: unitId,
    ...(existing ? { before: { alias, unitId: existing.unit_id } } : {}),
    after: { alias, unitId, organisationId },
  });
}
