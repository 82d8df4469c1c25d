import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Queries live in src/store (verb-first files); the server validates, authorises, calls the
 * store and presents. This test reads every server source file and fails on a query built or a
 * transaction run there.
 */
const SERVER = path.dirname(fileURLToPath(import.meta.url));

/** Kysely query builders, transactions, connections and raw SQL. */
const QUERY =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|transaction|connection)\(|\bsql`/;

/**
 * Transactions: writes spanning several statements are store commands (each runs its own
 * writeTransaction), so no server file opens one, takes the writer lock or takes a transaction.
 */
const TRANSACTION = /\b(writeTransaction|lockWriters|Transaction)\b|\.transaction\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('src/server builds no queries', () => {
  const files = sourceFiles(SERVER).map((file) => path.relative(SERVER, file).split(path.sep).join('/'));

  it('no route file builds a query or imports a Kysely value', () => {
    const offenders = files
      .filter((file) => path.basename(file).endsWith('routes.ts'))
      .filter((file) => {
        const text = readFileSync(path.join(SERVER, file), 'utf8');
        return QUERY.test(text) || /^import (?!type )[^;]*from 'kysely'/m.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it('no other server file builds a query', () => {
    const building = files.filter((file) => QUERY.test(readFileSync(path.join(SERVER, file), 'utf8')));
    expect(building).toEqual([]);
  });

  it('no server file runs a transaction: the store commands do', () => {
    const transacting = files.filter((file) =>
      TRANSACTION.test(readFileSync(path.join(SERVER, file), 'utf8')),
    );
    expect(transacting).toEqual([]);
  });
});
