import autocannon from 'autocannon';
import { median } from '../bench-result.js';

/** One endpoint under load: how requests are made against a server base URL. */
export interface LoadTarget {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Called for every request: the path (with query) to hit, so requests can rotate over ids. */
  nextPath: () => string;
  headers?: Record<string, string>;
  /** Builds the request body (JSON) for writes. */
  nextBody?: () => string;
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
            setupRequest: (request) => {
              const body = target.nextBody?.();
              return {
                ...request,
                path: target.nextPath(),
                headers: {
                  ...(target.headers ?? {}),
                  ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(body === undefined ? {} : { body }),
              };
            },
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
