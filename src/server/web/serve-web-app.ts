import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import { listReports } from '../../store/reports/list-reports.js';
import { reportReachOf } from '../../store/reports/readable-reports.js';
import type { AppContext } from '../context.js';
import { routeNotFoundBody } from '../errors.js';
import { renderFallbackPage } from './render-fallback-page.js';

/** The built web app (web/dist), resolved from this file so any working directory works. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Vite's hashed build output: a file's name changes with its content, so browsers keep it a year. */
const ASSETS_PREFIX = '/assets/';

/** index.html and other unhashed files: revalidated on every use, so a new build shows at once. */
const NO_CACHE = 'no-cache';

/** A path whose last segment has an extension asks for a file; anything else is a page of the app. */
function isFilePath(pathname: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(pathname.slice(pathname.lastIndexOf('/') + 1));
}

/** The web root's file a request path names, relative to the root, when it exists now. */
async function existingRootFile(webDist: string, pathname: string): Promise<string | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname).slice(1);
  } catch {
    return null;
  }
  const segments = relative.split('/');
  // No dotfiles (.vite/manifest.json), no traversal, no empty segments.
  if (segments.some((s) => s === '' || s.startsWith('.') || s.includes('\\'))) return null;
  const stats = await stat(path.join(webDist, relative)).catch(() => null);
  return stats?.isFile() ? relative : null;
}

function sendUncached(reply: FastifyReply, file: string, webDist: string): FastifyReply {
  return reply.header('cache-control', NO_CACHE).sendFile(file, webDist, { cacheControl: false });
}

/**
 * Serves the React app from web/dist: every file under /assets/ as it is on disk at request time
 * (a rebuild's new chunks work without a restart; a missing one is 404, never index.html) with
 * year-long immutable caching; index.html, uncached, for every page route (the SPA fallback); and
 * a small server-rendered page with the first report's title and areas when the web app has not
 * been built, so the first page is never blank.
 */
export async function installWebApp(
  app: FastifyInstance,
  context: AppContext,
  webDist = WEB_DIST,
): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(webDist, 'assets'),
    prefix: ASSETS_PREFIX,
    wildcard: true,
    index: false,
    dotfiles: 'ignore',
    maxAge: '365d',
    immutable: true,
    // The folder may appear only with the first build after start.
    suppressWarning: true,
  });
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (
      pathname.startsWith('/api/') ||
      pathname === '/api' ||
      pathname.startsWith(ASSETS_PREFIX) ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return reply.status(404).send(routeNotFoundBody(request.method, request.url));
    }
    if (isFilePath(pathname)) {
      const file = await existingRootFile(webDist, pathname);
      if (file === null) return reply.status(404).send(routeNotFoundBody(request.method, request.url));
      return sendUncached(reply, file, webDist);
    }
    if (existsSync(path.join(webDist, 'index.html'))) {
      return sendUncached(reply.type('text/html; charset=utf-8'), 'index.html', webDist);
    }
    const reports = await listReports(context.db, reportReachOf(request.user));
    const first = reports[0];
    const tree = first ? await getReportTree(context.db, first.id) : null;
    return reply
      .header('cache-control', NO_CACHE)
      .type('text/html; charset=utf-8')
      .send(renderFallbackPage(tree, reports));
  });
}
