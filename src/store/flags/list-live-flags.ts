import type { Kysely } from 'kysely';
import type { Database, TaskFlag } from '../schema.js';

/** Every flag (领导关注) that has not been cleared, newest first. */
export async function listLiveFlags(db: Kysely<Database>): Promise<TaskFlag[]> {
  return db.selectFrom('flags').selectAll().where('cleared_at', 'is', null).orderBy('id', 'desc').execute();
}
