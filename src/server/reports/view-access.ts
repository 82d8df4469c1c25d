import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../core/errors.js';
import { KeptValues } from '../../store/kept-values.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { ViewState, ViewSubject } from '../../store/status/read-view-state.js';
import { adoptSession, sessionTokenOf } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { type ReportScope, reportScopeOf, scopeKey } from './report-scope.js';

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
  if (!mayReadReport(reportReachOf(request.user), state.report)) throw missing();
  return state;
}

/** A cached view's read: the access state, the day it is read at, the reader's scope and its cache key. */
export interface ScopedViewRead {
  state: ViewState;
  /** The day the view is computed for: the query's `at`, today without one. */
  at: string;
  scope: ReportScope;
  /** `<report or task id>:<scope>:<at>`: the part of a view's cache key every view shares. */
  key: string;
}

/**
 * The preamble of every cached report or task view: readReportAccess (which makes the session
 * the request's user, so the scope is read after it), the day and the reader's scope.
 */
export async function readScopedView(
  context: AppContext,
  request: FastifyRequest,
  subject: ViewSubject,
  at: string | undefined,
): Promise<ScopedViewRead> {
  const state = await readReportAccess(context, request, subject);
  const day = at ?? context.today();
  const scope = reportScopeOf(request.user);
  const id = 'taskId' in subject ? subject.taskId : subject.reportId;
  return { state, at: day, scope, key: `${id}:${scopeKey(scope)}:${day}` };
}

/**
 * A response body serialised once (with the route's response schema) and compressed once, kept
 * as it is (never changed after it is made). A body made per request carries gzip; a kept body
 * (one of the view caches) carries Brotli (quality 5: about as quick as gzip, an eighth fewer
 * bytes for this JSON), which every current browser accepts, and its gzip copy is made the first
 * time a client without Brotli asks (gzipCopies), not for every view that a write makes anew.
 */
export interface JsonBody {
  readonly json: Buffer;
  readonly gzip?: Buffer;
  readonly brotli?: Buffer;
}

const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/** The body of serialised JSON with its gzip copy, or its Brotli copy when `kept` (a body a cache keeps). */
export function jsonBody(text: string, kept = false): JsonBody {
  const json = Buffer.from(text);
  return kept
    ? { json, brotli: brotliCompressSync(json, BROTLI_OPTIONS) }
    : { json, gzip: gzipSync(json, { level: 6 }) };
}

/** The bytes a kept body holds (for caches sized by memory). */
export function jsonBodyBytes(body: JsonBody): number {
  return body.json.length + (body.gzip?.length ?? 0) + (body.brotli?.length ?? 0);
}

/** gzip copies of kept bodies, by the body (a kept body never changes), made when first asked for. */
const gzipCopies = new KeptValues<JsonBody, { gzip: Buffer }>({
  maxSize: 16 * 1024 * 1024,
  sizeOf: (copy) => copy.gzip.length,
});

function gzipOf(body: JsonBody): Promise<Buffer> | Buffer {
  if (body.gzip) return body.gzip;
  return gzipCopies
    .getOrCompute(body, 0, async () => ({ gzip: gzipSync(body.json, { level: 6 }) }))
    .then((copy) => copy.gzip);
}

/**
 * Sends a body as it is: Brotli or gzip to clients that accept them (browsers do), plain
 * otherwise. Nothing is serialised per request, and each body is compressed once per encoding.
 */
export async function sendJsonBytes(request: FastifyRequest, reply: unknown, body: JsonBody) {
  const out = (reply as FastifyReply)
    .type('application/json; charset=utf-8')
    .header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'] ?? '';
  if (body.brotli && /\bbr\b/.test(accepted)) return out.header('content-encoding', 'br').send(body.brotli);
  if (/\bgzip\b/.test(accepted)) return out.header('content-encoding', 'gzip').send(await gzipOf(body));
  return out.send(body.json);
}
