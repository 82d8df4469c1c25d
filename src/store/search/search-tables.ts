import type { ColumnType, Generated } from 'kysely';

/** What a search entry points at. */
export type SearchEntryKind =
  | 'report'
  | 'paragraph'
  | 'area'
  | 'measure'
  | 'task'
  | 'target'
  | 'progress'
  | 'comment';

/** A search entry's own fields: what the indexer writes and a search reads back. */
export interface SearchEntryFields {
  kind: SearchEntryKind;
  /**
   * Id of the row the entry was made from (nodes.id, targets.id, progress_reports.id, comments.id,
   * reports.id; report_revisions.id for a paragraph of the revision's tree).
   */
  entity_id: number;
  report_id: number;
  /** The tree node the text belongs to (the task of a target, progress report or comment). */
  node_id: number | null;
  /** The work area (nodes.id of kind area) the node sits in, for the area filter. */
  area_id: number | null;
  year: number | null;
  /** A short heading shown above the hit (report title, area title…). */
  context: string;
  body: string;
}

/**
 * One searchable text. Entries are derived data: rebuilt from reports, nodes, targets, progress
 * reports and comments, never edited by hand. The token index lives next to it (SQLite: the FTS5
 * table `search_fts` keyed by entry id; PostgreSQL: the `tokens` tsvector column).
 */
export interface SearchEntryTable extends SearchEntryFields {
  id: Generated<number>;
  /** PostgreSQL only: the bigram tsvector (written with array_to_tsvector, never read back). */
  tokens: ColumnType<never, unknown, never>;
}

/** Reports whose progress reports or comments changed since they were last indexed (filled by triggers). */
export interface SearchStaleTable {
  report_id: number;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record type.
export type SearchTables = {
  search_entries: SearchEntryTable;
  search_stale: SearchStaleTable;
};
