import type { DatabaseIntrospector } from 'kysely';

/** Column facts a later migration must not take away. */
export interface ColumnShape {
  type: string;
  nullable: boolean;
}

/** table → column → shape. */
export type SchemaShape = Record<string, Record<string, ColumnShape>>;

/** The tables and columns of a migrated database, as the dialect reports them. */
export async function readSchemaShape(db: { introspection: DatabaseIntrospector }): Promise<SchemaShape> {
  const tables = await db.introspection.getTables();
  const shape: SchemaShape = {};
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    if (table.isView) continue;
    const columns: Record<string, ColumnShape> = {};
    for (const column of [...table.columns].sort((a, b) => a.name.localeCompare(b.name))) {
      columns[column.name] = { type: column.dataType.toLowerCase(), nullable: column.isNullable };
    }
    shape[table.name] = columns;
  }
  return shape;
}

/**
 * What `actual` lost compared with the recorded snapshot: a dropped or renamed table or column,
 * a changed type, or a column that became NOT NULL. New tables and columns are fine (additive).
 */
export function findDestructiveChanges(snapshot: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(snapshot)) {
    const now = actual[table];
    if (!now) {
      problems.push(`table ${table} was dropped or renamed`);
      continue;
    }
    for (const [name, shape] of Object.entries(columns)) {
      const column = now[name];
      if (!column) problems.push(`column ${table}.${name} was dropped or renamed`);
      else if (column.type !== shape.type)
        problems.push(`column ${table}.${name} changed type ${shape.type} → ${column.type}`);
      else if (shape.nullable && !column.nullable) problems.push(`column ${table}.${name} became NOT NULL`);
    }
  }
  return problems;
}

/** Schema-builder calls and SQL that destroy data; a migration must not contain any of them. */
const DESTRUCTIVE = [
  /\.dropTable\(/,
  /\.dropColumn\(/,
  /\.renameColumn\(/,
  /\.renameTo\(/,
  /\.alterColumn\(/,
  /\.modifyColumn\(/,
  /\bdrop\s+(table|column)\b/i,
  /\brename\s+(to|column)\b/i,
  /\balter\s+column\b/i,
  /\btruncate\s+(table\s+)?(?!on\b)\w/i,
  /\bdelete\s+from\b/i,
];

/** The destructive statements found in a migration's source text. */
export function findDestructiveStatements(source: string): string[] {
  return DESTRUCTIVE.filter((pattern) => pattern.test(source)).map((pattern) => pattern.source);
}
