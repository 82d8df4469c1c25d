/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const CHUNK_ROWS = 500;

/** Runs `insert` on consecutive slices of `rows` and concatenates what each returns. */
export async function insertInChunks<Row, Out>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<Out[]>,
  chunkRows = CHUNK_ROWS,
): Promise<Out[]> {
  const out: Out[] = [];
  for (let start = 0; start < rows.length; start += chunkRows) {
    out.push(...(await insert(rows.slice(start, start + chunkRows))));
  }
  return out;
}
