import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.js';
import {
  findDestructiveChanges,
  findDestructiveStatements,
  readSchemaShape,
  type SchemaShape,
} from './schema-snapshot.js';
import { DIALECTS, openTestDatabase } from './testing.js';

/**
 * The recorded schema and the hash of every landed migration. After adding a migration, refresh
 * it with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/store/schema-snapshot` and commit it.
 */
const SNAPSHOT_URL = new URL('./migrations/schema-snapshot.json', import.meta.url);
interface Snapshot {
  migrations: Record<string, string>;
  schema: Record<string, SchemaShape>;
}
const updating = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';
const snapshot: Snapshot = JSON.parse(readFileSync(SNAPSHOT_URL, 'utf8')) as Snapshot;

function migrationSource(name: string): string {
  return readFileSync(new URL(`./migrations/${name}.ts`, import.meta.url), 'utf8');
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('migrations', () => {
  it('are frozen: no landed migration file was edited or removed', () => {
    for (const [name, hash] of Object.entries(snapshot.migrations)) {
      expect(Object.keys(migrations), `${name} was removed`).toContain(name);
      expect(sha256(migrationSource(name)), `${name} was edited after it landed`).toBe(hash);
    }
  });

  it('are additive: none drops, renames, retypes or deletes', () => {
    for (const name of Object.keys(migrations)) {
      expect(findDestructiveStatements(migrationSource(name)), name).toEqual([]);
    }
  });

  it('sort by their timestamped names in the order they are listed', () => {
    expect(Object.keys(migrations)).toEqual([...Object.keys(migrations)].sort());
  });
});

describe.each(DIALECTS)('schema snapshot on %s', (dialect) => {
  it('keeps every recorded table and column with its type', async () => {
    const handle = await openTestDatabase(dialect);
    try {
      const actual = await readSchemaShape(handle.db);
      if (updating) {
        snapshot.schema[dialect] = actual;
        snapshot.migrations = Object.fromEntries(
          Object.keys(migrations).map((n) => [n, sha256(migrationSource(n))]),
        );
        writeFileSync(SNAPSHOT_URL, `${JSON.stringify(snapshot, null, 2)}\n`);
      }
      expect(findDestructiveChanges(snapshot.schema[dialect] ?? {}, actual)).toEqual([]);
      expect(Object.keys(snapshot.schema[dialect] ?? {})).toContain('audit_events');
    } finally {
      await handle.close();
    }
  });

  it('fails on a destructive migration (a dropped column, a changed type)', async () => {
    const handle = await openTestDatabase(dialect);
    try {
      await sql`alter table flags drop column note`.execute(handle.db);
      await sql`drop table notifications`.execute(handle.db);
      const problems = findDestructiveChanges(
        snapshot.schema[dialect] ?? {},
        await readSchemaShape(handle.db),
      );
      expect(problems).toEqual([
        'column flags.note was dropped or renamed',
        'table notifications was dropped or renamed',
      ]);
      const retyped = structuredClone(snapshot.schema[dialect] ?? {});
      retyped.targets!.value!.type = 'text';
      expect(findDestructiveChanges(retyped, await readSchemaShape(handle.db))).toContain(
        `column targets.value changed type text → ${snapshot.schema[dialect]?.targets?.value?.type}`,
      );
    } finally {
      await handle.close();
    }
  });
});

describe('findDestructiveStatements', () => {
  it('flags schema-builder and SQL drops, renames and deletes', () => {
    expect(
      findDestructiveStatements("await db.schema.alterTable('x').dropColumn('y').execute()"),
    ).toHaveLength(1);
    expect(findDestructiveStatements('await sql`DROP TABLE units`.execute(db)')).toHaveLength(1);
    expect(
      findDestructiveStatements("await db.schema.createTable('x').addColumn('y', 'text').execute()"),
    ).toEqual([]);
  });
});
