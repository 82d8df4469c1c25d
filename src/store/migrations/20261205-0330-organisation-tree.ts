import { type Kysely, sql } from 'kysely';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * Organisations become the tree of governments that own the data (issue #17):
 * - organisations.parent_id: the superior government (null for the root);
 * - organisations.archived: 1 for an organisation that owns nothing any more (see below);
 * - users.organisation_id: the government a user works for (units and reports have one already);
 * - reports.issuer: the issuing government (发文机关) as text. Until now reports.organisation_id
 *   named the issuer; from now on it names the owning government, so the old name is kept here.
 * Upgrade of an existing single-government database: everything (reports, units, users) goes to
 * ONE root organisation, the lowest-id existing one, or a new one named after the place of the
 * first report (+ 人民政府; 本级政府 when there is no report). The other organisations were issuer
 * names only; they now own nothing and are archived (kept, never deleted, their names live on in
 * reports.issuer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column parent_id integer references organisations(id)`.execute(db);
  await sql`alter table organisations add column archived integer not null default 0`.execute(db);
  await sql`alter table users add column organisation_id integer references organisations(id)`.execute(db);
  await sql`alter table reports add column issuer text`.execute(db);
  await db.schema.createIndex('organisations_parent').on('organisations').column('parent_id').execute();
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();
  await db.schema.createIndex('units_organisation').on('units').column('organisation_id').execute();

  await sql`
    update reports set issuer = (select o.name from organisations o where o.id = reports.organisation_id)
    where organisation_id is not null`.execute(db);

  const lowest = await sql<{ id: number }>`select min(id) as id from organisations`.execute(db);
  let rootId = lowest.rows[0]?.id ?? null;
  if (rootId === null) {
    const first = await sql<{ place: string | null }>`
      select place from reports order by id limit 1`.execute(db);
    const place = first.rows[0]?.place?.trim();
    const name = place ? `${place}人民政府` : '本级政府';
    const now = new Date().toISOString();
    const created = await sql<{ id: number }>`
      insert into organisations (name, level, created_at, updated_at, version)
      values (${name}, null, ${now}, ${now}, 1) returning id`.execute(db);
    rootId = Number(created.rows[0]!.id);
  }
  rootId = Number(rootId);

  await sql`update organisations set parent_id = null where id = ${rootId}`.execute(db);
  await sql`update reports set organisation_id = ${rootId}`.execute(db);
  await sql`update units set organisation_id = ${rootId}`.execute(db);
  await sql`update users set organisation_id = ${rootId}`.execute(db);
  await sql`update organisations set archived = 1 where id <> ${rootId}`.execute(db);
}
