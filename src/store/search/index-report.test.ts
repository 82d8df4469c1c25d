import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTask } from '../../core/extract/index.js';
import { parseReport } from '../../core/parse/index.js';
import { readCorpusText } from '../../ingest/testing/corpus.js';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { indexTokens } from './bigram-tokens.js';
import { indexReport } from './index-report.js';
import { searchEntries } from './search-entries.js';

const QUERIES = ['高质量发展', '就业', '养老', '人工智能', '城镇调查失业率', '新', '科技创新'];

for (const dialect of DIALECTS) {
  describe(`search index of an import on ${dialect}`, () => {
    let database: TestDatabase;
    let reportId: number;

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      const text = readCorpusText('beijing-2026-work-report.txt');
      const tree = parseReport(text);
      const imported = await importReport(database.db, {
        bytes: new TextEncoder().encode(text),
        fileName: 'beijing-2026-work-report.txt',
        tree,
        analyses: (task) => analyzeTask(task.text, { year: 2026, sectionKind: 'tasks' }),
        actor: CLI_ACTOR,
      });
      reportId = imported.reportId;
    });
    afterAll(async () => {
      await database?.close();
    });

    const entries = async () => {
      const rows = await database.db
        .selectFrom('search_entries')
        .select(['kind', 'entity_id', 'report_id', 'node_id', 'area_id', 'year', 'context', 'body'])
        .where('report_id', '=', reportId)
        .execute();
      return rows.map((row) => JSON.stringify(row)).sort();
    };
    const staleRows = async () => {
      const rows = await database.db
        .selectFrom('search_stale')
        .select('report_id')
        .where('report_id', '=', reportId)
        .execute();
      return rows.length;
    };
    const results = async () =>
      Promise.all(
        QUERIES.map(async (query) =>
          (await searchEntries(database.db, query, { reportId }, { limit: 100 })).hits.map(
            (hit) => `${hit.kind}:${hit.body}`,
          ),
        ),
      );

    it('indexes, as it writes the report, exactly what a rebuild from the stored rows indexes', async () => {
      expect(await staleRows()).toBe(0);
      const imported = await entries();
      const kinds = new Set(imported.map((row) => (JSON.parse(row) as { kind: string }).kind));
      expect([...kinds].sort()).toEqual(['area', 'measure', 'paragraph', 'report', 'target', 'task']);
      const found = await results();
      expect(found.every((hits) => hits.length > 0)).toBe(true);
      const tokens =
        dialect === 'postgres'
          ? await sql<{
              body: string;
              tokens: string;
            }>`select body, tokens::text as tokens from search_entries where report_id = ${reportId} order by kind, entity_id, body`.execute(
              database.db,
            )
          : null;

      if (tokens) {
        // The stored vector is exactly the bigram tokens of the body (as array_to_tsvector makes it).
        for (const row of tokens.rows.slice(0, 40)) {
          const expected = await sql<{
            tokens: string;
          }>`select array_to_tsvector(${indexTokens(row.body)}::text[])::text as tokens`.execute(database.db);
          expect(row.tokens).toBe(expected.rows[0]!.tokens);
        }
      }

      await database.db.transaction().execute((trx) => indexReport(trx, reportId));
      expect(await entries()).toEqual(imported);
      expect(await results()).toEqual(found);
      if (tokens) {
        const rebuilt = await sql<{
          body: string;
          tokens: string;
        }>`select body, tokens::text as tokens from search_entries where report_id = ${reportId} order by kind, entity_id, body`.execute(
          database.db,
        );
        expect(rebuilt.rows).toEqual(tokens.rows);
      }
    });

    it('queues a changed report once, however many rows a statement or a transaction writes', async () => {
      const tasks = await database.db
        .selectFrom('nodes')
        .select('id')
        .where('report_id', '=', reportId)
        .where('kind', '=', 'task')
        .execute();
      expect(tasks.length).toBeGreaterThan(50);
      await database.db
        .updateTable('nodes')
        .set({ text: sql`text || '（已调整）'` })
        .where('report_id', '=', reportId)
        .where('kind', '=', 'task')
        .execute();
      await database.db
        .updateTable('targets')
        .set({ text: sql`text` })
        .where(
          'node_id',
          'in',
          tasks.map((task) => task.id),
        )
        .execute();
      expect(await staleRows()).toBe(1);
      const hits = await searchEntries(database.db, '已调整', { reportId, kinds: ['task'] }, { limit: 100 });
      expect(hits.hits.length).toBe(Math.min(100, tasks.length));
      expect(await staleRows()).toBe(0);
    });
  });
}
