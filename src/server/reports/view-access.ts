import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../core/errors.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { ViewState, ViewSubject } from '../../store/status/read-view-state.js';
import { adoptSession, sessionTokenOf } from '../auth/session.js';
import type { AppContext } from '../context.js';

/**
 * The first step of a cached read: looks up the request's session and the report (or the
 * task's report) with its change counter, in one query or, while nothing in the database has
 * changed since the same request was last answered, from memory (ViewStateCache);
 * makes the session the request's user, and refuses reports this user may not read (the store's
 * rule, readable-reports.ts) with a 404, as findVisibleReport does. Cached
 * views are filed under the reader's scope (report-scope.ts) as well as the counter.
 * Routes that call it are configured with `sessionLookup: 'route'`.
 */
export async function readReportAccess(
  context: AppContext,
  request: FastifyRequest,
  subject: ViewSubject,
): Promise<ViewState> {
  const now = new Date();
  const state = await context.viewStates.read(context.db, subject, sessionTokenOf(request), now);
  const missing = () =>
    'taskId' in subject
      ? notFound(`Task ${subject.taskId}`, `任务 ${subject.taskId}`)
      : notFound(`Report ${subject.reportId}`, `报告 ${subject.reportId}`);
  if (!state) throw missing();
  await adoptSession(request, context, state.session, now);
  if (!mayReadReport(reportReachOf(request.user?.role ?? null), state.report)) throw missing();
  return state;
}

/**
 * A response body serialised once (with the route's response schema) and gzipped once; a body
 * sent more than once is also compressed with Brotli (quality 5: about as quick as gzip, an
 * eighth fewer bytes for this JSON) for the clients that accept it, as every current browser does.
 */
export interface JsonBody {
  json: Buffer;
  gzip: Buffer;
  brotli?: Buffer;
  /** Sent once already to a client that takes Brotli. */
  sent?: boolean;
}

/** The body of serialised JSON, with its gzip copy (made once, when the view is cached). */
export function jsonBody(text: string): JsonBody {
  const json = Buffer.from(text);
  return { json, gzip: gzipSync(json, { level: 6 }) };
}

const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/**
 * Sends a cached body as it is: Brotli or gzip to clients that accept them (browsers do), plain
 * otherwise. Nothing is serialised or compressed per request.
 */
export function sendJsonBytes(request: FastifyRequest, reply: unknown, body: JsonBody) {
  const out = (reply as FastifyReply)
    .type('application/json; charset=utf-8')
    .header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accepted)) {
    // The first send is often the only one (a per-request body): compress from the second on.
    if (!body.brotli && body.sent) body.brotli = brotliCompressSync(body.json, BROTLI_OPTIONS);
    body.sent = true;
    if (body.brotli) return out.header('content-encoding', 'br').send(body.brotli);
  }
  if (/\bgzip\b/.test(accepted)) {
    return out.header('content-encoding', 'gzip').send(body.gzip);
  }
  return out.send(body.json);
}
