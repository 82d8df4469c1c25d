import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** True when the database holds at least one report (archived ones count). */
export async function hasAnyReport(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('reports').select('id').limit(1).executeTakeFirst()) !== undefined;
}
