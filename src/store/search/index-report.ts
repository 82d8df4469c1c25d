import { type Kysely, sql } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import { insertRows, reserveIds } from '../bulk-insert.js';
import { dialectOf } from '../dialect-of.js';
import type { Database, SearchEntryFields, SearchEntryKind } from '../schema.js';
import { indexTokens } from './bigram-tokens.js';

/** Node ids per `in (…)` list when reading a report's rows. */
const CHUNK = 500;

/** Entries per PostgreSQL INSERT (one JSON parameter each). */
const PG_ENTRY_ROWS = 5_000;

/** Removes a report's entries from the index (in the caller's transaction). */
export async function removeReportFromIndex(db: Kysely<Database>, reportId: number): Promise<void> {
  const search = db;
  if (dialectOf(db) === 'sqlite') {
    await sql`delete from search_fts where rowid in (select id from search_entries where report_id = ${reportId})`.execute(
      search,
    );
  }
  await search.deleteFrom('search_entries').where('report_id', '=', reportId).execute();
}

/** A report's searchable rows, as read from the store or as an import has just written them. */
export interface ReportSearchSource {
  report: { id: number; title: string; year: number | null };
  /** The current revision: its id and tree (free paragraphs live only there). */
  revision: { id: number; tree: ReportTree } | null;
  /** Non-archived nodes in reading (position) order. */
  nodes: readonly { id: number; parent_id: number | null; kind: string; text: string }[];
  /** Non-archived targets of those nodes. */
  targets: readonly { id: number; node_id: number; subject: string | null; text: string }[];
  progress: readonly {
    id: number;
    node_id: number;
    narrative: string;
    problems: string;
    next_steps: string;
  }[];
  comments: readonly { id: number; node_id: number | null; body: string; progress_node_id: number | null }[];
}

/** Everything of one report worth finding: its title, nodes, targets, progress narratives and comments. */
export function buildSearchEntries(source: ReportSearchSource): SearchEntryFields[] {
  const { report, revision, nodes } = source;
  const reportId = report.id;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const areaOf = new Map<number, { id: number; title: string } | null>();
  const findArea = (nodeId: number): { id: number; title: string } | null => {
    if (areaOf.has(nodeId)) return areaOf.get(nodeId)!;
    const node = byId.get(nodeId);
    const area = !node
      ? null
      : node.kind === 'area'
        ? { id: node.id, title: node.text }
        : node.parent_id === null
          ? null
          : findArea(node.parent_id);
    areaOf.set(nodeId, area);
    return area;
  };
  const base = (nodeId: number | null) => {
    const area = nodeId === null ? null : findArea(nodeId);
    return {
      report_id: reportId,
      node_id: nodeId,
      area_id: area?.id ?? null,
      year: report.year,
      context: area ? `${report.title} · ${area.title}` : report.title,
    };
  };

  const entries: SearchEntryFields[] = [
    { kind: 'report', entity_id: report.id, body: report.title, ...base(null) },
  ];
  if (revision) {
    for (const section of revision.tree.sections ?? []) {
      for (const paragraph of section.paragraphs ?? []) {
        if (!paragraph.text.trim()) continue;
        entries.push({
          kind: 'paragraph',
          entity_id: revision.id,
          body: paragraph.text,
          ...base(null),
          context: `${report.title} · ${section.title}`,
        });
      }
    }
  }
  for (const node of nodes) {
    if (node.kind === 'section') continue;
    entries.push({
      kind: node.kind as SearchEntryKind,
      entity_id: node.id,
      body: node.text,
      ...base(node.id),
    });
  }
  for (const target of source.targets) {
    const body =
      target.subject && !target.text.includes(target.subject)
        ? `${target.subject} ${target.text}`
        : target.text;
    entries.push({ kind: 'target', entity_id: target.id, body, ...base(target.node_id) });
  }
  for (const row of source.progress) {
    const body = [row.narrative, row.problems, row.next_steps].filter((part) => part.trim()).join('\n');
    if (body) entries.push({ kind: 'progress', entity_id: row.id, body, ...base(row.node_id) });
  }
  const seenComments = new Set<number>();
  for (const comment of source.comments) {
    if (seenComments.has(comment.id)) continue;
    seenComments.add(comment.id);
    const nodeId = comment.node_id ?? comment.progress_node_id;
    entries.push({ kind: 'comment', entity_id: comment.id, body: comment.body, ...base(nodeId) });
  }
  return entries;
}

/** Reads what buildSearchEntries needs of one report from the store; null when there is no such report. */
async function loadSearchSource(db: Kysely<Database>, reportId: number): Promise<ReportSearchSource | null> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'title', 'year'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const nodes = await db
    .selectFrom('nodes')
    .select(['id', 'parent_id', 'kind', 'text'])
    .where('report_id', '=', reportId)
    .where('archived', '=', 0)
    .orderBy('position')
    .execute();
  const revision = await db
    .selectFrom('report_revisions')
    .innerJoin('reports', 'reports.current_revision_id', 'report_revisions.id')
    .select(['report_revisions.id', 'report_revisions.tree_json'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  const source: ReportSearchSource = {
    report,
    revision: revision ? { id: revision.id, tree: JSON.parse(revision.tree_json) as ReportTree } : null,
    nodes,
    targets: [],
    progress: [],
    comments: [],
  };
  const nodeIds = nodes.map((node) => node.id);
  if (nodeIds.length === 0) return source;
  const inNodes = <T>(chunked: (ids: number[]) => Promise<T[]>) => inChunks(nodeIds, chunked);
  source.targets = await inNodes((ids) =>
    db
      .selectFrom('targets')
      .select(['id', 'node_id', 'subject', 'text'])
      .where('node_id', 'in', ids)
      .where('archived', '=', 0)
      .execute(),
  );
  source.progress = await inNodes((ids) =>
    db
      .selectFrom('progress_reports')
      .select(['id', 'node_id', 'narrative', 'problems', 'next_steps'])
      .where('node_id', 'in', ids)
      .execute(),
  );
  source.comments = await inNodes((ids) =>
    db
      .selectFrom('comments')
      .leftJoin('progress_reports', 'progress_reports.id', 'comments.progress_report_id')
      .select([
        'comments.id',
        'comments.node_id',
        'comments.body',
        'progress_reports.node_id as progress_node_id',
      ])
      .where((eb) => eb.or([eb('comments.node_id', 'in', ids), eb('progress_reports.node_id', 'in', ids)]))
      .where('comments.archived', '=', 0)
      .execute(),
  );
  return source;
}

async function inChunks<T>(ids: number[], run: (ids: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await run(ids.slice(i, i + CHUNK))));
  return rows;
}

/**
 * Writes index entries: the rows and their tokens in a few bulk statements. PostgreSQL: one
 * INSERT per 5,000 entries (rows as one JSON parameter, tokens turned into the tsvector by the
 * server). SQLite: entry ids taken up front (the write lock is held), then multi-row INSERTs into
 * search_entries and the FTS5 token table.
 */
async function writeEntries(db: Kysely<Database>, entries: readonly SearchEntryFields[]): Promise<void> {
  if (entries.length === 0) return;
  if (dialectOf(db) === 'postgres') {
    for (let i = 0; i < entries.length; i += PG_ENTRY_ROWS) {
      const rows = entries
        .slice(i, i + PG_ENTRY_ROWS)
        .map((entry) => ({ ...entry, tokens: indexTokens(entry.body).join(' ') }));
      await sql`insert into search_entries (kind, entity_id, report_id, node_id, area_id, year, context, body, tokens)
        select r.kind, r.entity_id, r.report_id, r.node_id, r.area_id, r.year, r.context, r.body,
          array_to_tsvector(string_to_array(r.tokens, ' '))
        from json_to_recordset(${JSON.stringify(rows)}::json) as r(kind text, entity_id integer, report_id integer,
          node_id integer, area_id integer, year integer, context text, body text, tokens text)`.execute(db);
    }
    return;
  }
  const { search_entries: ids } = await reserveIds(db, { search_entries: entries.length });
  await insertRows(
    db,
    'search_entries',
    entries.map((entry, k) => ({ id: ids[k]!, ...entry })),
  );
  await insertRows(
    db,
    'search_fts',
    entries.map((entry, k) => ({ rowid: ids[k]!, tokens: indexTokens(entry.body).join(' ') })),
  );
}

/**
 * (Re)builds the search entries of one report from what the store holds now. Call it inside the
 * transaction that wrote the report (import, re-import merge), so the index and the data commit
 * together; progress reports and comments are picked up through the stale queue.
 */
export async function indexReport(db: Kysely<Database>, reportId: number): Promise<number> {
  const search = db;
  await removeReportFromIndex(db, reportId);
  await search.deleteFrom('search_stale').where('report_id', '=', reportId).execute();
  const source = await loadSearchSource(search, reportId);
  const entries = source ? buildSearchEntries(source) : [];
  await writeEntries(db, entries);
  return entries.length;
}

/**
 * Indexes a report created in the caller's transaction from what that transaction has just
 * written (no read-back): the same entries indexReport would build, for a report that has no
 * entries, progress or comments yet. Clears the stale marks its own inserts left.
 */
export async function indexNewReport(
  db: Kysely<Database>,
  source: Omit<ReportSearchSource, 'progress' | 'comments'>,
): Promise<number> {
  await db.deleteFrom('search_stale').where('report_id', '=', source.report.id).execute();
  const entries = buildSearchEntries({ ...source, progress: [], comments: [] });
  await writeEntries(db, entries);
  return entries.length;
}

/** Re-indexes the reports whose progress or comments changed since they were last indexed. */
export async function refreshStaleReports(db: Kysely<Database>): Promise<number> {
  const search = db;
  const stale = await search.selectFrom('search_stale').select('report_id').distinct().execute();
  for (const { report_id } of stale) await indexReport(db, report_id);
  return stale.length;
}

/** Rebuilds the whole index (after a restore, or for data imported before the index existed). */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<number> {
  const reports = await db.selectFrom('reports').select('id').orderBy('id').execute();
  let entries = 0;
  for (const { id } of reports) entries += await indexReport(db, id);
  return entries;
}
