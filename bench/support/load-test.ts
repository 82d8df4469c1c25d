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
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon against every base URL at once (connections split between them) and sums up. */
export async function loadOnce(
  baseUrls: readonly string[],
  target: LoadTarget,
  seconds: number,
  connections: number,
): Promise<LoadFigures> {
  const perInstance = Math.max(1, Math.round(connections / baseUrls.length));
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
  };
}
