import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { LedgerPage } from './pages/ledger-page.js';
import { ensureBuilt, repoRoot } from './support/luoshi-server.js';
import { useLuoshi } from './support/use-luoshi.js';

/**
 * Simulates a rebuild of the web root in place: every hashed asset gets a new name (as new
 * content hashes would), references in index.html and the other assets follow, and the old
 * files are gone. Returns the old → new names.
 */
function rebuildInPlace(webRoot: string): Map<string, string> {
  const assets = path.join(webRoot, 'assets');
  const names = readdirSync(assets);
  const renamed = new Map(names.map((name) => [name, name.replace(/(\.[a-z]+)$/, 'v2$1')]));
  const pattern = new RegExp(
    [...renamed.keys()]
      .sort((a, b) => b.length - a.length)
      .map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
      .join('|'),
    'g',
  );
  const rewrite = (file: string) => {
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(pattern, (old) => renamed.get(old) ?? old),
    );
  };
  for (const [oldName, newName] of renamed) {
    const file = path.join(assets, oldName);
    if (/\.(js|css)$/.test(oldName)) rewrite(file);
    renameSync(file, path.join(assets, newName));
  }
  rewrite(path.join(webRoot, 'index.html'));
  return renamed;
}

/** The lazy chunk of a page (`ledger-page-HASH.js`) among the web root's assets. */
function chunkOf(webRoot: string, page: string): string {
  const name = readdirSync(path.join(webRoot, 'assets')).find(
    (n) => n.startsWith(`${page}-`) && n.endsWith('.js'),
  );
  if (!name) throw new Error(`no ${page} chunk in ${webRoot}`);
  return name;
}

/**
 * A tab still running the previous build after a rebuild: its lazy pages' chunks are gone, so
 * web/src/main.tsx reloads once on `vite:preloadError` and the new build renders the page; a
 * second missing chunk right after that reload is an error, not a reload loop.
 */
describe('a lazy page after a rebuild', { timeout: 90_000 }, () => {
  let webRoot: string;
  // The server serves a copy of the web root that the tests rebuild in place.
  const app = useLuoshi({
    env: () => {
      ensureBuilt();
      webRoot = mkdtempSync(path.join(tmpdir(), 'luoshi-web-root-'));
      cpSync(path.join(repoRoot, 'web/dist'), webRoot, { recursive: true });
      return { WEB_DIST: webRoot };
    },
  });
  let page: Page;
  /** Document loads (first loads and reloads, not in-app route changes) of the page. */
  let loads = 0;

  beforeAll(async () => {
    page = await app.signedIn();
    page.on('load', () => {
      loads += 1;
    });
  });

  afterAll(() => {
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('reloads once and shows the page from the new build', async () => {
    // The dashboard's charts chunk loads after its figures: let it arrive from the old build.
    await new DashboardPage(page).trendChart.waitFor();
    const oldLedger = chunkOf(webRoot, 'ledger-page');
    await page.evaluate('window.__previousBuild = true');
    const renamed = rebuildInPlace(webRoot);
    const newLedger = renamed.get(oldLedger);
    const missing = page.waitForResponse((r) => r.url().endsWith(`/assets/${oldLedger}`));
    const fresh = page.waitForResponse((r) => r.url().endsWith(`/assets/${newLedger}`));
    const before = loads;

    await new AppShell(page).navLink('任务台账').click();
    expect((await missing).status()).toBe(404);
    expect((await fresh).status()).toBe(200);
    await new LedgerPage(page).count.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ledger');
    // A reload happened: the old document (and its marker) is gone, one document load more.
    expect(await page.evaluate('window.__previousBuild')).toBeUndefined();
    expect(loads).toBe(before + 1);
  });

  it('does not reload again when a chunk is missing right after that reload', async () => {
    await page.evaluate('window.__afterReload = true');
    const taskChunk = chunkOf(webRoot, 'task-page');
    rmSync(path.join(webRoot, 'assets', taskChunk));
    const before = loads;
    const missing = page.waitForResponse((r) => r.url().endsWith(`/assets/${taskChunk}`));

    await new LedgerPage(page).taskLinks.first().click();
    expect((await missing).status()).toBe(404);
    // The import error reaches the app's error page (no reload swallowed it); the document stayed.
    const failed = page.getByTestId('route-error');
    await failed.getByRole('heading', { name: '页面无法打开' }).waitFor();
    expect(await failed.textContent()).toContain('系统已更新，请重新加载后再打开此页面。');
    await failed.getByRole('button', { name: '重新加载' }).waitFor();
    // Still inside the app's frame: the navigation is there.
    await new AppShell(page).navLink('任务台账').waitFor();
    expect(await page.evaluate('window.__afterReload')).toBe(true);
    expect(loads).toBe(before);
  });
});
