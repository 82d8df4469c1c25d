import { type Kysely, sql } from 'kysely';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * 上级交办 tasks are now recorded by the write that hands them down (assigning a task to a unit
 * that represents a subordinate government), no longer when the subordinate's office first reads
 * its inbox. Hand-downs that no office has read yet are recorded here as pending, as the first
 * read would have done (without audit events: the hash chain is written by the application).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into superior_tasks (assignment_id, organisation_id, status, created_at, updated_at, version)
    select a.id, u.represents_organisation_id, 'pending', a.updated_at, a.updated_at, 1
    from assignments a
    join units u on u.id = a.unit_id
    join nodes n on n.id = a.node_id
    join reports r on r.id = n.report_id
    where u.represents_organisation_id is not null
      and u.archived = 0 and a.archived = 0 and n.archived = 0 and r.archived = 0
      and not exists (select 1 from superior_tasks s where s.assignment_id = a.id)
    order by a.id`.execute(db);
}
