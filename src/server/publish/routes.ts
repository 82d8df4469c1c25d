import { z } from 'zod';
import { buildInfographicModel } from '../../render/infographic-model.js';
import { renderInfographicSvg } from '../../render/infographic-svg.js';
import { listReports } from '../../store/reports/list-reports.js';
import { PUBLISHED_REPORTS } from '../../store/reports/readable-reports.js';
import { findVisibleReport } from '../auth/object-access.js';
import type { AppContext, RouteModule, ZodApp } from '../context.js';
import { listPublishedUpdates, renderAtomFeed } from './atom-feed.js';
import { documentRoutes } from './document-routes.js';
import { loadReportView } from './load-report-view.js';
import { cachedPng } from './png-cache.js';
import { renderInfographicPage, renderProgressPage, renderPublicIndex } from './public-pages.js';

const reportParams = z.object({ id: z.coerce.number().int().positive() });

/** The public view of a report: published reports only, approved progress only. */
async function publicView(context: AppContext, id: number) {
  await findVisibleReport(context.db, id, null);
  return loadReportView(context.db, id, {
    at: context.today(),
    warnDays: context.config.DEADLINE_WARN_DAYS,
    approvedOnly: true,
  });
}

function publicRoutes(app: ZodApp, context: AppContext): void {
  const hidden = { hide: true };
  app.get('/public', { schema: hidden }, async (_request, reply) => {
    const reports = await listReports(context.db, PUBLISHED_REPORTS);
    return reply.type('text/html; charset=utf-8').send(renderPublicIndex(reports));
  });

  app.get('/public/reports/:id', { schema: { ...hidden, params: reportParams } }, async (request, reply) => {
    const view = await publicView(context, request.params.id);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderProgressPage(request.params.id, view, context.today()));
  });

  app.get(
    '/public/reports/:id/infographic',
    { schema: { ...hidden, params: reportParams } },
    async (request, reply) => {
      const view = await publicView(context, request.params.id);
      return reply.type('text/html; charset=utf-8').send(renderInfographicPage(request.params.id, view));
    },
  );

  app.get(
    '/public/reports/:id/infographic.svg',
    { schema: { ...hidden, params: reportParams } },
    async (request, reply) => {
      const view = await publicView(context, request.params.id);
      const { svg } = renderInfographicSvg(buildInfographicModel(view, { generatedOn: context.today() }));
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="infographic-${request.params.id}.svg"`)
        .send(svg);
    },
  );

  app.get(
    '/public/reports/:id/infographic.png',
    { schema: { ...hidden, params: reportParams } },
    async (request, reply) => {
      const view = await publicView(context, request.params.id);
      const { svg } = renderInfographicSvg(buildInfographicModel(view, { generatedOn: context.today() }));
      return reply
        .type('image/png')
        .header('content-disposition', `attachment; filename="infographic-${request.params.id}.png"`)
        .send(await cachedPng(svg, context.config.CJK_FONT_FILE));
    },
  );

  app.get('/public/feed.atom', { schema: hidden }, async (_request, reply) => {
    const entries = await listPublishedUpdates(context.db);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .send(renderAtomFeed(entries, context.config.PUBLIC_URL));
  });
}

/**
 * Publishing: the public pages (no sign-in; published reports and approved progress only) —
 * 一图读懂 page and downloads, progress page, Atom feed — and the office's documents API
 * (分工方案, 台账, 督查通报, infographic) in document-routes.ts.
 */
export const publishRoutes: RouteModule = async (app, context) => {
  publicRoutes(app, context);
  await documentRoutes(app, context);
};
