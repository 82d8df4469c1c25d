import autocannon from 'autocannon';
import { median } from '../bench-result.js';

/** One endpoint under load: how requests are made against a server base URL. */
export interface LoadTarget {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /**
   * Called for every request: the path (with query) to hit and, for writes, the JSON body.
   * `context` is per connection and is handed back to `onResponse` with the answer.
   */
  next: (context: Record<string, unknown>) => { path: string; body?: string };
  headers?: Record<string, string>;
  /** Sees every answer (writes use it to track the versions they must send next). */
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  /**
   * Called before each run (warm-up included). autocannon stops with requests in flight whose
   * answers it never reads, so writes use it to read their versions again from the database.
   */
  beforeRun?: () => Promise<void>;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Answers outside 2xx by status code (e.g. { '409': 3 }), so a non-2xx count says what it was. */
  statuses: Record<string, number>;
}

/** Adds the non-2xx counts of `from` into `into`. */
function addStatuses(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [code, count] of Object.entries(from)) into[code] = (into[code] ?? 0) + count;
  return into;
}

/** "409: 12, 404: 3" — the non-2xx answers by status, most frequent first; "" when there are none. */
export function describeStatuses(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');
}

/** Runs autocannon against every base URL at once (connections split between them) and sums up. */
export async function loadOnce(
  baseUrls: readonly string[],
  target: LoadTarget,
  seconds: number,
  connections: number,
): Promise<LoadFigures> {
  const perInstance = Math.max(1, Math.round(connections / baseUrls.length));
  await target.beforeRun?.();
  const results = await Promise.all(
    baseUrls.map((url) =>
      autocannon({
        url,
        connections: perInstance,
        duration: seconds,
        requests: [
          {
            method: target.method ?? 'GET',
            setupRequest: (request, context) => {
              const next = target.next(context as Record<string, unknown>);
              return {
                ...request,
                path: next.path,
                headers: {
                  ...(target.headers ?? {}),
                  ...(next.body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(next.body === undefined ? {} : { body: next.body }),
              };
            },
            ...(target.onResponse
              ? {
                  onResponse: (status: number, body: string, context: object) =>
                    target.onResponse?.(status, body, context as Record<string, unknown>),
                }
              : {}),
          },
        ],
      }),
    ),
  );
  return {
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    statuses: results.reduce(
      (sum, r) =>
        addStatuses(
          sum,
          Object.fromEntries(
            Object.entries(r.statusCodeStats ?? {})
              .filter(([code]) => !code.startsWith('2'))
              .map(([code, stats]) => [code, stats.count ?? 0]),
          ),
        ),
      {} as Record<string, number>,
    ),
  };
}

/** Median figures of several runs. */
export function medianFigures(runs: readonly LoadFigures[]): LoadFigures {
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    statuses: runs.reduce((sum, r) => addStatuses(sum, r.statuses), {} as Record<string, number>),
  };
}
