import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { badInput } from '../../core/errors.js';
import { dialectOf } from '../dialect-of.js';
import { EVERY_REPORT, type ReportReach, reportReadable } from '../reports/readable-reports.js';
import type { Database, SearchEntryFields, SearchEntryKind, SearchEntryTable } from '../schema.js';
import { foldText, indexTokens, type QueryTokens, queryTokens, relaxedTermSets } from './bigram-tokens.js';
import { makeSnippet, queryCoverage, type Snippet } from './highlight.js';
import { refreshStaleReports } from './index-report.js';

export interface SearchFilters {
  reportId?: number;
  /** nodes.id of a work area. */
  areaId?: number;
  /** units.id: only tasks assigned to this unit (lead or cooperating). */
  unitId?: number;
  year?: number;
  kinds?: SearchEntryKind[];
  /** Which reports the reader may read (readable-reports.ts); default every report (the CLI). */
  reach?: ReportReach;
  /**
   * Who may read progress narratives and comments: everyone (`all`, the default: office and
   * leaders), nobody (`none`: the public), or the people of one unit — as the objects themselves
   * are read: comments on the tasks the unit is assigned to, progress reports of the unit itself
   * or of a task it leads (which it consolidates).
   */
  privateEntries?: 'all' | 'none' | { unitId: number };
}

/** Entry kinds that are internal work, not report text. */
const PRIVATE_KINDS: SearchEntryKind[] = ['progress', 'comment'];

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  entryId: number;
  kind: SearchEntryKind;
  entityId: number;
  reportId: number;
  nodeId: number | null;
  areaId: number | null;
  year: number | null;
  context: string;
  body: string;
  snippet: Snippet;
  /** Higher is better: the whole query as written > all its bigrams > some of them. */
  score: number;
  /** True when the hit misses some of the query's bigrams (found by the typo-tolerant pass). */
  fuzzy: boolean;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** More hits exist beyond this page. */
  more: boolean;
}

export const MAX_QUERY_CHARS = 100;
export const MAX_LIMIT = 100;
/**
 * The typo-tolerant pass runs only when the exact pass found fewer hits than this: with enough
 * exact hits, near misses would rank below them anyway.
 */
const RELAX_BELOW = 5;
/**
 * Candidates ranked per query (the newest token matches), at least this many, or three per wanted
 * hit: enough to put the exact phrase first, bounded so a common word stays as fast as a rare one.
 */
const MIN_CANDIDATES = 300;
const CANDIDATE_FACTOR = 3;

/** Build the backend's match expression: all terms of one set, any of the sets. */
function matchExpression(postgres: boolean, termSets: string[][], prefix: string | null): string {
  if (prefix) return postgres ? `'${prefix}':*` : `"${prefix}"*`;
  const conjunction = (terms: string[]) =>
    postgres ? terms.map((t) => `'${t}'`).join(' & ') : terms.map((t) => `"${t}"`).join(' ');
  if (termSets.length === 1) return conjunction(termSets[0]!);
  return termSets.map((terms) => `(${conjunction(terms)})`).join(postgres ? ' | ' : ' OR ');
}

interface CandidateRow extends SearchEntryFields {
  id: number;
}

/** Columns of a hit (everything but the PostgreSQL token vector). */
const ENTRY_COLUMNS = [
  'e.id',
  'e.kind',
  'e.entity_id',
  'e.report_id',
  'e.node_id',
  'e.area_id',
  'e.year',
  'e.context',
  'e.body',
] as const;

type EntryScope = ExpressionBuilder<Database & { e: SearchEntryTable }, 'e'>;

/** Filters on the entry's own columns. */
function columnFilters(
  eb: EntryScope,
  filters: SearchFilters,
  exclude: ReadonlySet<number>,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.reportId !== undefined) conditions.push(eb('e.report_id', '=', filters.reportId));
  if (filters.areaId !== undefined) conditions.push(eb('e.area_id', '=', filters.areaId));
  if (filters.year !== undefined) conditions.push(eb('e.year', '=', filters.year));
  if (filters.kinds && filters.kinds.length > 0) conditions.push(eb('e.kind', 'in', filters.kinds));
  if (exclude.size > 0) conditions.push(eb('e.id', 'not in', [...exclude]));
  return eb.and(conditions);
}

async function fetchCandidates(
  db: Kysely<Database>,
  expression: string,
  filters: SearchFilters,
  exclude: ReadonlySet<number>,
  limit: number,
): Promise<CandidateRow[]> {
  const postgres = dialectOf(db) === 'postgres';
  const search = db;
  // Newest matches first, straight from the token index: the scan stops after `limit` visible
  // entries, so a very common word costs no more than a rare one. Ranking happens in toHit.
  let query = postgres
    ? search
        .selectFrom('search_entries as e')
        .select(ENTRY_COLUMNS)
        .where(sql<SqlBool>`e.tokens @@ ${expression}::tsquery`)
        .where((eb) => columnFilters(eb, filters, exclude))
        .orderBy('e.id', 'desc')
    : search
        .selectFrom(sql`search_fts`.as('f'))
        .innerJoin('search_entries as e', (join) => join.on(sql<SqlBool>`e.id = f.rowid`))
        .select(ENTRY_COLUMNS)
        .where(sql<SqlBool>`search_fts match ${expression}`)
        .where((eb) => columnFilters(eb, filters, exclude))
        .orderBy(sql`f.rowid`, 'desc');
  if (filters.unitId !== undefined) {
    const unitId = filters.unitId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignments as a')
          .select('a.id')
          .whereRef('a.node_id', '=', 'e.node_id')
          .where('a.unit_id', '=', unitId)
          .where('a.archived', '=', 0),
      ),
    );
  }
  // The reports this reader may read (archived ones are out of sight everywhere).
  const reach = filters.reach ?? EVERY_REPORT;
  query = query.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('reports as r')
        .select('r.id')
        .whereRef('r.id', '=', 'e.report_id')
        .where(reportReadable('r', reach)),
    ),
  );
  const privateEntries = filters.privateEntries ?? 'all';
  if (privateEntries === 'none') query = query.where('e.kind', 'not in', PRIVATE_KINDS);
  else if (privateEntries !== 'all') {
    const unitId = privateEntries.unitId;
    query = query.where((eb) =>
      eb.or([
        eb('e.kind', 'not in', PRIVATE_KINDS),
        eb.and([
          eb('e.kind', '=', 'comment'),
          eb.exists(
            eb
              .selectFrom('assignments as pa')
              .select('pa.id')
              .whereRef('pa.node_id', '=', 'e.node_id')
              .where('pa.unit_id', '=', unitId)
              .where('pa.archived', '=', 0),
          ),
        ]),
        eb.and([
          eb('e.kind', '=', 'progress'),
          eb.exists(
            eb
              .selectFrom('progress_reports as pr')
              .select('pr.id')
              .whereRef('pr.id', '=', 'e.entity_id')
              .where((inner) =>
                inner.or([
                  inner('pr.unit_id', '=', unitId),
                  inner.exists(
                    inner
                      .selectFrom('assignments as la')
                      .select('la.id')
                      .whereRef('la.node_id', '=', 'pr.node_id')
                      .where('la.unit_id', '=', unitId)
                      .where('la.role', '=', 'lead')
                      .where('la.archived', '=', 0),
                  ),
                ]),
              ),
          ),
        ]),
      ]),
    );
  }
  return (await query.limit(limit).execute()) as CandidateRow[];
}

function toHit(
  row: CandidateRow,
  query: QueryTokens,
  phrase: string,
  fuzzy: boolean,
): Omit<SearchHit, 'snippet'> {
  const coverage = queryCoverage(row.body, query, new Set(indexTokens(row.body)));
  const exact = phrase.length > 0 && foldText(row.body).includes(phrase);
  // Rank first by how much of the query the text holds, then by the backend's relevance.
  // The whole phrase first, then how much of the query the text holds, then short, focused texts.
  const brevity = 1 / (1 + Array.from(row.body).length / 50);
  const score = (exact ? 2 : 0) + coverage + 0.1 * brevity;
  return {
    entryId: row.id,
    kind: row.kind,
    entityId: row.entity_id,
    reportId: row.report_id,
    nodeId: row.node_id,
    areaId: row.area_id,
    year: row.year,
    context: row.context,
    body: row.body,
    score: Math.round(score * 10000) / 10000,
    fuzzy,
  };
}

/**
 * 全文检索 — search reports, tasks, targets, progress narratives and comments. Every bigram of
 * the query must match first; if that finds too little, a typo-tolerant pass accepts texts that
 * miss one or two of them (so 养老驿站 finds 养老服务驿站). Hits are ranked by how much of the
 * query they hold, the exact phrase first, and come with a highlighted snippet.
 */
export async function searchEntries(
  db: Kysely<Database>,
  text: string,
  filters: SearchFilters = {},
  options: SearchOptions = {},
): Promise<SearchResult> {
  const trimmed = text.trim();
  if (!trimmed) throw badInput('empty_query', 'The search query is empty', '请输入检索词');
  if (Array.from(trimmed).length > MAX_QUERY_CHARS) {
    throw badInput(
      'query_too_long',
      `The search query is longer than ${MAX_QUERY_CHARS} characters`,
      `检索词不能超过${MAX_QUERY_CHARS}个字`,
    );
  }
  const query = queryTokens(trimmed);
  if (query.terms.length === 0 && !query.prefix) {
    throw badInput(
      'empty_query',
      'The search query has no letters, digits or Chinese characters',
      '检索词须包含汉字、字母或数字',
    );
  }
  const limit = Math.min(MAX_LIMIT, Math.max(1, options.limit ?? 20));
  const offset = Math.max(0, options.offset ?? 0);
  const wanted = offset + limit + 1;
  const postgres = dialectOf(db) === 'postgres';

  const stale = await db.selectFrom('search_stale').select('report_id').limit(1).execute();
  if (stale.length > 0) await db.transaction().execute((trx) => refreshStaleReports(trx));

  const phrase = foldText(trimmed).replace(/\s+/g, '');
  const strict = await fetchCandidates(
    db,
    matchExpression(postgres, [query.terms], query.prefix),
    filters,
    new Set(),
    Math.max(MIN_CANDIDATES, wanted * CANDIDATE_FACTOR),
  );
  const hits = strict.map((row) => toHit(row, query, phrase, false));
  const relaxed = query.prefix ? [] : relaxedTermSets(query.terms);
  if (hits.length < Math.min(wanted, RELAX_BELOW) && relaxed.length > 0) {
    const seen = new Set(strict.map((row) => row.id));
    const more = await fetchCandidates(
      db,
      matchExpression(postgres, relaxed, null),
      filters,
      seen,
      Math.max(MIN_CANDIDATES, (wanted - hits.length) * CANDIDATE_FACTOR),
    );
    hits.push(...more.map((row) => toHit(row, query, phrase, true)));
  }
  // Equal scores: the newer entry (later import) first.
  hits.sort((a, b) => b.score - a.score || b.entryId - a.entryId);
  // Snippets only for the page shown: cutting and marking hundreds of candidates costs more than the query.
  const page = hits
    .slice(offset, offset + limit)
    .map((hit) => ({ ...hit, snippet: makeSnippet(hit.body, query) }));
  return { query: trimmed, hits: page, more: hits.length > offset + limit };
}
