import { type Kysely, sql } from 'kysely';
import type { ReportTree } from '../../core/report-tree.js';
import { dialectOf } from '../dialect-of.js';
import type { Database } from '../schema.js';
import { indexTokens } from './bigram-tokens.js';
import type { SearchEntryKind, SearchTables } from './search-tables.js';

/** A database (or transaction) that knows the search tables. */
export type SearchDb = Kysely<Database & SearchTables>;

/** Widen a store handle to see the search tables (they come from this module's own migration). */
export function withSearchTables(db: Kysely<Database>): SearchDb {
  return db.withTables<SearchTables>();
}

interface EntryDraft {
  kind: SearchEntryKind;
  entity_id: number;
  report_id: number;
  node_id: number | null;
  area_id: number | null;
  year: number | null;
  context: string;
  body: string;
}

/** Rows per INSERT; keeps PostgreSQL well under its 65,535 bind parameters. */
const CHUNK = 500;

/** Removes a report's entries from the index (in the caller's transaction). */
export async function removeReportFromIndex(db: Kysely<Database>, reportId: number): Promise<void> {
  const search = withSearchTables(db);
  if (dialectOf(db) === 'sqlite') {
    await sql`delete from search_fts where rowid in (select id from search_entries where report_id = ${reportId})`.execute(
      search,
    );
  }
  await search.deleteFrom('search_entries').where('report_id', '=', reportId).execute();
}

/** Everything of one report worth finding: its title, nodes, targets, progress narratives and comments. */
async function collectEntries(db: SearchDb, reportId: number): Promise<EntryDraft[]> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'title', 'year'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return [];
  const nodes = await db
    .selectFrom('nodes')
    .select(['id', 'parent_id', 'kind', 'text'])
    .where('report_id', '=', reportId)
    .where('archived', '=', 0)
    .orderBy('position')
    .execute();
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

  const entries: EntryDraft[] = [{ kind: 'report', entity_id: report.id, body: report.title, ...base(null) }];
  // Free paragraphs (the review of last year, the requirements) live only in the revision's tree.
  const revision = await db
    .selectFrom('report_revisions')
    .innerJoin('reports', 'reports.current_revision_id', 'report_revisions.id')
    .select(['report_revisions.id', 'report_revisions.tree_json'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (revision) {
    const tree = JSON.parse(revision.tree_json) as ReportTree;
    for (const section of tree.sections ?? []) {
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
    entries.push({ kind: node.kind, entity_id: node.id, body: node.text, ...base(node.id) });
  }
  const nodeIds = nodes.map((node) => node.id);
  if (nodeIds.length === 0) return entries;
  const inNodes = <T>(chunked: (ids: number[]) => Promise<T[]>) => inChunks(nodeIds, chunked);

  const targets = await inNodes((ids) =>
    db
      .selectFrom('targets')
      .select(['id', 'node_id', 'subject', 'text'])
      .where('node_id', 'in', ids)
      .where('archived', '=', 0)
      .execute(),
  );
  for (const target of targets) {
    const body =
      target.subject && !target.text.includes(target.subject)
        ? `${target.subject} ${target.text}`
        : target.text;
    entries.push({ kind: 'target', entity_id: target.id, body, ...base(target.node_id) });
  }
  const progress = await inNodes((ids) =>
    db
      .selectFrom('progress_reports')
      .select(['id', 'node_id', 'narrative', 'problems', 'next_steps'])
      .where('node_id', 'in', ids)
      .execute(),
  );
  const progressNode = new Map<number, number>();
  for (const row of progress) {
    progressNode.set(row.id, row.node_id);
    const body = [row.narrative, row.problems, row.next_steps].filter((part) => part.trim()).join('\n');
    if (body) entries.push({ kind: 'progress', entity_id: row.id, body, ...base(row.node_id) });
  }
  const comments = await inNodes((ids) =>
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
  const seenComments = new Set<number>();
  for (const comment of comments) {
    if (seenComments.has(comment.id)) continue;
    seenComments.add(comment.id);
    const nodeId = comment.node_id ?? comment.progress_node_id;
    entries.push({ kind: 'comment', entity_id: comment.id, body: comment.body, ...base(nodeId) });
  }
  return entries;
}

async function inChunks<T>(ids: number[], run: (ids: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await run(ids.slice(i, i + CHUNK))));
  return rows;
}

/**
 * (Re)builds the search entries of one report from what the store holds now. Call it inside the
 * transaction that wrote the report (import, re-import merge), so the index and the data commit
 * together; progress reports and comments are picked up through the stale queue.
 */
export async function indexReport(db: Kysely<Database>, reportId: number): Promise<number> {
  const search = withSearchTables(db);
  await removeReportFromIndex(db, reportId);
  await search.deleteFrom('search_stale').where('report_id', '=', reportId).execute();
  const entries = await collectEntries(search, reportId);
  const postgres = dialectOf(db) === 'postgres';
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    if (postgres) {
      await search
        .insertInto('search_entries')
        .values(
          chunk.map((entry) => ({
            ...entry,
            tokens: sql`array_to_tsvector(${indexTokens(entry.body)}::text[])`,
          })),
        )
        .execute();
      continue;
    }
    const inserted = await search.insertInto('search_entries').values(chunk).returning('id').execute();
    const rows = inserted.map((row, k) => sql`(${row.id}, ${indexTokens(chunk[k]!.body).join(' ')})`);
    await sql`insert into search_fts (rowid, tokens) values ${sql.join(rows)}`.execute(search);
  }
  return entries.length;
}

/** Re-indexes the reports whose progress or comments changed since they were last indexed. */
export async function refreshStaleReports(db: Kysely<Database>): Promise<number> {
  const search = withSearchTables(db);
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
