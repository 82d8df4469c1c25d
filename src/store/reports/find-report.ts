import type { Kysely } from 'kysely';
import type { Database, Report } from '../schema.js';

/** A report row by id, or undefined. */
export async function findReport(db: Kysely<Database>, reportId: number): Promise<Report | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
}
