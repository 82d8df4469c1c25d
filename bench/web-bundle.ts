/**
 * The web app's first-load weight per route, from Vite's build manifest: the entry chunk, the
 * route's lazily loaded page chunk, and every chunk they import statically, gzipped (level 9,
 * as a static server or CDN would). ECharts sits only in the dashboard's chunks.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './bench-result.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const distDir = path.join(repoRoot, 'web/dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The routes of web/src/app.tsx: the page module each loads lazily (null: in the entry), and the
 * modules the page itself loads lazily right after rendering (the dashboard's charts).
 */
export const ROUTE_PAGES: Record<string, { page: string | null; after?: string[] }> = {
  '/': { page: null },
  '/dashboard': { page: 'src/pages/dashboard-page.tsx', after: ['src/pages/dashboard-charts.tsx'] },
  '/ledger': { page: 'src/pages/ledger-page.tsx' },
  '/tasks/:id': { page: 'src/pages/task-page.tsx' },
  '/login': { page: 'src/pages/login-page.tsx' },
};

export interface RouteWeight {
  route: string;
  files: number;
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
  /** Gzipped JavaScript once the page's own lazy parts (charts) have loaded too. */
  completeGzip: number;
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** Manifest keys of a chunk and all chunks it imports statically (what the browser must fetch). */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipSize = (file: string): number =>
  gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;

/** First-load weight of every route of the built web app (web/dist must exist). */
export function measureRoutes(): RouteWeight[] {
  const manifest = readManifest();
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('web/dist/.vite/manifest.json has no entry chunk');
  const chunkOf = (key: string): string => {
    if (!manifest[key]) throw new Error(`${key} is not a chunk of its own: is it still loaded lazily?`);
    return key;
  };
  return Object.entries(ROUTE_PAGES).map(([route, { page, after = [] }]) => {
    const keys = staticClosure(manifest, entry);
    if (page) staticClosure(manifest, chunkOf(page), keys);
    const complete = new Set(keys);
    for (const key of after) staticClosure(manifest, chunkOf(key), complete);
    const completeJs = [...complete]
      .map((key) => manifest[key]?.file)
      .filter((f): f is string => f !== undefined);
    const chunks = [...keys].map((key) => manifest[key]).filter((c): c is ManifestChunk => c !== undefined);
    const js = chunks.map((c) => c.file);
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
    return {
      route,
      files: js.length + css.length,
      jsBytes: js.reduce((sum, f) => sum + readFileSync(path.join(distDir, f)).length, 0),
      jsGzip: js.reduce((sum, f) => sum + gzipSize(f), 0),
      cssGzip: css.reduce((sum, f) => sum + gzipSize(f), 0),
      completeGzip: completeJs.reduce((sum, f) => sum + gzipSize(f), 0),
    };
  });
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** `npm run bench -- web`: rebuilds web/dist and reports each route's first load. */
export async function benchWebBundle(): Promise<BenchResult> {
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:web failed');
  const routes = measureRoutes();
  return {
    name: 'Web app first load (JavaScript + CSS per route)',
    rows: routes.map((r) => ({
      route: r.route,
      files: r.files,
      'JS KB (minified)': kb(r.jsBytes),
      'JS KB (gzip)': kb(r.jsGzip),
      'CSS KB (gzip)': kb(r.cssGzip),
      'JS KB (gzip) with lazy charts': kb(r.completeGzip),
    })),
    notes: [
      'From web/dist/.vite/manifest.json: the entry chunk plus the route’s lazy page chunk and their static imports.',
      'Budget (issue 7): the dashboard’s first load stays under 400 KB gzipped, charts included; e2e/bundle-budget.test.ts enforces it.',
      'The dashboard renders its figures first and loads the ECharts chunk (bar + line charts) right after.',
      'ECharts is imported through echarts/core with only bar/line charts and five components registered.',
    ],
  };
}
