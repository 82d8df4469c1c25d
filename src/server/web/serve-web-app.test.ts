import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>';
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

for (const dialect of DIALECTS) {
  describe(`web app files (${dialect})`, () => {
    let world: TestWorld;
    let webRoot: string;

    beforeAll(async () => {
      webRoot = mkdtempSync(path.join(tmpdir(), 'luoshi-web-'));
      mkdirSync(path.join(webRoot, 'assets'));
      mkdirSync(path.join(webRoot, '.vite'));
      writeFileSync(path.join(webRoot, 'index.html'), INDEX_HTML);
      writeFileSync(path.join(webRoot, 'assets/index-Ab12Cd34.js'), 'console.log("first build");');
      writeFileSync(path.join(webRoot, '.vite/manifest.json'), '{}');
      writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      world = await createTestWorld(dialect, { webDist: webRoot });
    });
    afterAll(async () => {
      await world?.close();
      rmSync(webRoot, { recursive: true, force: true });
    });

    it('serves a hashed asset with year-long immutable caching', async () => {
      const response = await (await world.client()).get('/assets/index-Ab12Cd34.js');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('console.log("first build");');
      expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(response.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    });

    it('serves an asset a rebuild wrote after the server started', async () => {
      mkdirSync(path.join(webRoot, 'assets/nested'), { recursive: true });
      writeFileSync(path.join(webRoot, 'assets/dashboard-Zz98Yy76.js'), 'export const rebuilt = 1;');
      writeFileSync(path.join(webRoot, 'assets/nested/chart-Qq11Ww22.css'), '.chart{}');
      const client = await world.client();
      const script = await client.get('/assets/dashboard-Zz98Yy76.js');
      expect(script.statusCode).toBe(200);
      expect(script.body).toBe('export const rebuilt = 1;');
      expect(script.headers['cache-control']).toBe(YEAR_IMMUTABLE);
      const style = await client.get('/assets/nested/chart-Qq11Ww22.css');
      expect(style.statusCode).toBe(200);
      expect(style.headers['content-type']).toMatch(/^text\/css/);
      expect(style.body).toBe('.chart{}');
    });

    it('answers 404 (not index.html) for a missing asset, a folder or a path escaping the assets', async () => {
      const client = await world.client();
      for (const url of [
        '/assets/index-Gone0000.js',
        '/assets/no-extension',
        '/assets/nested',
        '/assets/',
        '/assets/..%2findex.html',
        '/assets/nested%2f..%2f..%2findex.html',
      ]) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, url).toBeLessThan(500);
        expect(response.body, url).not.toContain('<div id="root">');
      }
      const missing = await client.get('/assets/index-Gone0000.js');
      expect(missing.statusCode).toBe(404);
      expect(missing.json<{ code: string }>().code).toBe('route_not_found');
    });

    it('answers page routes with index.html, never cached, and HEAD likewise', async () => {
      const client = await world.client();
      for (const url of ['/', '/dashboard', '/tasks/12', '/ledger?report=1&area=2', '/index.html']) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type'], url).toMatch(/^text\/html/);
        expect(response.headers['cache-control'], url).toBe('no-cache');
        expect(response.body, url).toBe(INDEX_HTML);
      }
      const head = await client.request('HEAD', '/tasks/12');
      expect(head.statusCode).toBe(200);
      expect(head.headers['cache-control']).toBe('no-cache');
    });

    it('serves other files of the web root uncached, and 404s missing files and dotfiles', async () => {
      const client = await world.client();
      const icon = await client.get('/favicon.svg');
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['cache-control']).toBe('no-cache');
      for (const url of ['/favicon.ico', '/.vite/manifest.json', '/robots.txt']) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).not.toContain('<div id="root">');
      }
    });

    it('still answers unknown API routes and writes with a JSON 404', async () => {
      const client = await world.client();
      const api = await client.get('/api/no-such-thing');
      expect(api.statusCode).toBe(404);
      expect(api.json<{ code: string }>().code).toBe('route_not_found');
    });
  });
}

describe('before the web app is built', () => {
  let world: TestWorld;
  let emptyRoot: string;

  beforeAll(async () => {
    emptyRoot = mkdtempSync(path.join(tmpdir(), 'luoshi-web-empty-'));
    world = await createTestWorld('sqlite', { webDist: emptyRoot });
  });
  afterAll(async () => {
    await world?.close();
    rmSync(emptyRoot, { recursive: true, force: true });
  });

  it('renders the first report server-side for page routes, 404s assets, and serves a build made later', async () => {
    const client = await world.client();
    const page = await client.get('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('政府工作报告');
    expect((await client.get('/assets/index-Ab12Cd34.js')).statusCode).toBe(404);

    mkdirSync(path.join(emptyRoot, 'assets'));
    writeFileSync(path.join(emptyRoot, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(emptyRoot, 'assets/index-Ab12Cd34.js'), 'built later');
    expect((await client.get('/ledger')).body).toBe(INDEX_HTML);
    const asset = await client.get('/assets/index-Ab12Cd34.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('built later');
  });
});
