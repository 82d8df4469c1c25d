import { describe, expect, it } from 'vitest';
import { measureRoutes } from '../bench/web-bundle.js';
import { ensureBuilt } from './support/luoshi-server.js';

describe('web bundle budget', () => {
  it('loads the dashboard, charts included, in under 400 KB of gzipped JavaScript; ECharts stays off the home page', () => {
    ensureBuilt();
    const routes = new Map(measureRoutes().map((r) => [r.route, r]));
    const dashboard = routes.get('/dashboard');
    const home = routes.get('/');
    expect(dashboard && home).toBeTruthy();
    // Even with the charts chunk that loads right after the figures.
    expect(dashboard?.completeGzip).toBeLessThan(400 * 1024);
    // The charts library stays out of the home page (route-level code splitting).
    expect((dashboard?.completeGzip ?? 0) - (home?.jsGzip ?? 0)).toBeGreaterThan(100 * 1024);
  });
});
