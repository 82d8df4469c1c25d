import { diffReports } from '../../core/diff/diff-reports.js';
import { badInput, forbidden } from '../../core/errors.js';
import { analyzeTask } from '../../core/extract/index.js';
import { trackPromises } from '../../core/promise/track-promises.js';
import { reportReachOf } from '../../store/reports/readable-reports.js';
import type { SearchEntryKind } from '../../store/schema.js';
import { findRevisionTree, type RevisionTree } from '../../store/search/find-revision-tree.js';
import { type SearchFilters, searchEntries } from '../../store/search/search-entries.js';
import { findVisibleReport } from '../auth/object-access.js';
import { readsAll, type SessionUser, UNIT_ROLES } from '../auth/roles.js';
import type { AppContext, RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import {
  diffQuerySchema,
  promiseQuerySchema,
  promiseReportSchema,
  reportDiffSchema,
  searchQuerySchema,
  searchResultSchema,
} from './schema.js';

/** What a reader may see of progress narratives and comments. */
function privateEntriesFor(user: SessionUser | null): SearchFilters['privateEntries'] {
  if (!user) return 'none';
  if (readsAll(user)) return 'all';
  if (UNIT_ROLES.includes(user.role) && user.unitId !== null) return { unitId: user.unitId };
  return 'none';
}

/** Report `12` (its current revision) or revision `12@2`, if this reader may see the report. */
async function visibleRevision(
  context: AppContext,
  ref: string,
  user: SessionUser | null,
): Promise<RevisionTree> {
  const [reportId, revision] = ref.split('@').map(Number) as [number, number | undefined];
  await findVisibleReport(context.db, reportId, user);
  return findRevisionTree(context.db, reportId, revision);
}

/** Full-text search, report/revision diffs and promise tracking (issue 9). */
export const searchRoutes: RouteModule = (app, context) => {
  // Only targets are compared; the year (for deadlines) is the server's.
  const analyze = (text: string) => analyzeTask(text, { year: Number(context.today().slice(0, 4)) });
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          '全文检索: reports, tasks, targets, progress narratives and comments, ranked and highlighted',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, kind, limit, offset, ...filters } = request.query;
      // Which tasks another unit works on is that unit's business: a unit's people filter by
      // their own unit only (the office, leaders and the published plan's readers by any).
      const user = request.user;
      if (
        filters.unitId !== undefined &&
        user !== null &&
        UNIT_ROLES.includes(user.role) &&
        filters.unitId !== user.unitId
      ) {
        throw forbidden("You may search your own unit's tasks only", '只能按本单位筛选任务');
      }
      return searchEntries(
        context.db,
        q,
        {
          ...filters,
          ...(kind ? { kinds: kind.split(',') as SearchEntryKind[] } : {}),
          reach: reportReachOf(request.user),
          privateEntries: privateEntriesFor(request.user),
        },
        { limit, offset },
      );
    },
  );

  app.get(
    '/api/diff',
    {
      schema: {
        tags: ['search'],
        summary:
          'Compare two reports or revisions: continued/reworded/new/dropped tasks and changed targets per area (400 same_report when both sides are one revision)',
        querystring: diffQuerySchema,
        response: { 200: reportDiffSchema, ...errorResponses },
      },
    },
    async (request) => {
      const before = await visibleRevision(context, request.query.before, request.user);
      const after = await visibleRevision(context, request.query.after, request.user);
      // `12` and `12@1` name the same text when 1 is the current revision: a report compared with
      // itself says nothing (every task "continued"), so it is refused rather than shown.
      if (before.reportId === after.reportId && before.revision === after.revision) {
        const name = `${before.reportId}@${before.revision}`;
        throw badInput(
          'same_report',
          `Both sides are report ${name}: compare two different reports, or two revisions of one report`,
          `对比的两边是同一报告（${name}）：请选择两个不同的报告，或同一报告的两个版本`,
        );
      }
      return diffReports(before.tree, after.tree, { analyze });
    },
  );

  app.get(
    '/api/promises',
    {
      schema: {
        tags: ['search'],
        summary:
          "承诺兑现: year Y's targets against what year Y+1's review reports, met / not met / not reported (400 same_report when both sides are one report)",
        querystring: promiseQuerySchema,
        response: { 200: promiseReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const promised = await visibleRevision(context, request.query.promised, request.user);
      const reviewed = await visibleRevision(context, request.query.reviewed, request.user);
      // A report's review looks back on the year before it: against its own targets (in any of
      // its revisions) every promise would read "not reported", so the pair is refused.
      if (promised.reportId === reviewed.reportId) {
        throw badInput(
          'same_report',
          `Both sides are report ${promised.reportId}: pick year Y's report as promised and year Y+1's as reviewed`,
          `对照的两边是同一报告（${promised.reportId}）：请选择第 Y 年的报告（承诺）和第 Y+1 年的报告（回顾）`,
        );
      }
      return trackPromises(promised.tree, reviewed.tree, { analyze });
    },
  );
};
