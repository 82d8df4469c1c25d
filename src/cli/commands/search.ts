import { type Command, InvalidArgumentError } from 'commander';
import type { SearchEntryKind } from '../../store/schema.js';
import type { SearchResult } from '../../store/search/search-entries.js';

interface SearchOptions {
  report?: number;
  area?: number;
  unit?: number;
  year?: number;
  kind?: SearchEntryKind[];
  limit?: number;
  json?: boolean;
  reindex?: boolean;
}

const KINDS: SearchEntryKind[] = [
  'report',
  'paragraph',
  'area',
  'measure',
  'task',
  'target',
  'progress',
  'comment',
];

/** Option parser: a positive whole number (commander turns the error into exit code 2). */
function positive(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError(`must be a positive whole number, not "${value}"`);
  }
  return Number(value);
}

/** Option parser: a comma-separated list of entry kinds. */
function kindList(value: string): SearchEntryKind[] {
  const kinds = value.split(',').map((k) => k.trim()) as SearchEntryKind[];
  const unknown = kinds.filter((k) => !KINDS.includes(k));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(`unknown kind ${unknown.join(', ')}; use ${KINDS.join(', ')}`);
  }
  return kinds;
}

/** Hits for people: where each hit is, and its snippet with the matches marked. */
function formatHits(result: SearchResult, tty: boolean): string {
  if (result.hits.length === 0) return `没有找到“${result.query}” (no results)\n`;
  const lines: string[] = [];
  for (const hit of result.hits) {
    let text = '';
    let at = 0;
    for (const [start, end] of hit.snippet.marks) {
      const match = hit.snippet.text.slice(start, end);
      text += hit.snippet.text.slice(at, start) + (tty ? `\x1b[1;33m${match}\x1b[0m` : `【${match}】`);
      at = end;
    }
    text += hit.snippet.text.slice(at);
    const where = [hit.kind, hit.year ?? '', `#${hit.reportId}`, hit.nodeId ? `node ${hit.nodeId}` : '']
      .filter(Boolean)
      .join(' ');
    lines.push(`[${where}]${hit.fuzzy ? ' ~' : ''} ${hit.context}`, `   ${text}`);
  }
  if (result.more) lines.push('… (more: raise --limit)');
  return `${lines.join('\n')}\n`;
}

/** `luoshi search QUERY` — full-text search over the imported reports, tasks, targets, progress and comments. */
export function registerSearch(program: Command): Command {
  return program
    .command('search')
    .description(
      'search imported reports, tasks, targets, progress narratives and comments (Chinese full text)',
    )
    .argument('[query]', 'what to look for, e.g. 养老驿站')
    .option('--report <id>', 'only this report', positive)
    .option('--area <id>', 'only this work area (node id)', positive)
    .option('--unit <id>', 'only tasks assigned to this unit', positive)
    .option('--year <year>', 'only reports of this year', positive)
    .option('--kind <kinds>', `only these kinds, comma-separated: ${KINDS.join(',')}`, kindList)
    .option('--limit <n>', 'how many hits to show (default 20, at most 100)', positive)
    .option('--json', 'print the result as JSON')
    .option(
      '--reindex',
      'rebuild the search index from the stored data first (after a restore or an upgrade)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi search 养老驿站\n  luoshi search 中小学学位 --year 2026 --kind task,target --json',
    )
    .action(async (query: string | undefined, options: SearchOptions) => {
      if (!query && !options.reindex) {
        const { badInput } = await import('../../core/errors.js');
        throw badInput(
          'empty_query',
          'Give a search query, e.g. luoshi search 养老驿站',
          '请给出检索词，例如 luoshi search 养老驿站',
        );
      }
      const filters = {
        ...(options.report ? { reportId: options.report } : {}),
        ...(options.area ? { areaId: options.area } : {}),
        ...(options.unit ? { unitId: options.unit } : {}),
        ...(options.year ? { year: options.year } : {}),
        ...(options.kind ? { kinds: options.kind } : {}),
      };
      const limit = options.limit;
      const { withDatabase } = await import('./with-database.js');
      await withDatabase(async ({ db }) => {
        if (options.reindex) {
          const { rebuildSearchIndex } = await import('../../store/search/index-report.js');
          const started = performance.now();
          const entries = await db.transaction().execute((trx) => rebuildSearchIndex(trx));
          process.stderr.write(
            `luoshi search: indexed ${entries} entries (${Math.round(performance.now() - started)} ms)\n`,
          );
        }
        if (!query) return;
        const { searchEntries } = await import('../../store/search/search-entries.js');
        const result = await searchEntries(db, query, filters, limit ? { limit } : {});
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : formatHits(result, process.stdout.isTTY === true),
        );
      });
    });
}
