import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import { listReports } from '../../store/reports/list-reports.js';
import type { AppContext } from '../context.js';
import { routeNotFoundBody } from '../errors.js';
import { renderFallbackPage } from './render-fallback-page.js';

/** The built web app (web/dist), resolved from this file so any working directory works. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the React app from web/dist with an SPA fallback (index.html for every non-/api GET),
 * and a small server-rendered page with the first report's title and areas when the web app
 * has not been built, so the first page is never blank.
 */
export async function installWebApp(
  app: FastifyInstance,
  context: AppContext,
  webDist = WEB_DIST,
): Promise<void> {
  const hasWebApp = existsSync(`${webDist}index.html`);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (
      path.startsWith('/api/') ||
      path === '/api' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return reply.status(404).send(routeNotFoundBody(request.method, request.url));
    }
    if (hasWebApp) return reply.type('text/html; charset=utf-8').sendFile('index.html', webDist);
    const reports = (await listReports(context.db)).filter((r) => request.user || r.publishedAt !== null);
    const first = reports[0];
    const tree = first ? await getReportTree(context.db, first.id) : null;
    return reply.type('text/html; charset=utf-8').send(renderFallbackPage(tree, reports));
  });
}
