import { PostgresAdapter } from 'kysely';

/** The two databases luoshi runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** Anything that executes queries: a Kysely instance or a transaction, of any schema. */
interface HasExecutor {
  getExecutor(): { readonly adapter: unknown };
}

/** Which dialect a Kysely instance (or transaction) talks to; migrations use it for the few types that differ. */
export function dialectOf(db: HasExecutor): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
