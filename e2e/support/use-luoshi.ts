import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LoginPage } from '../pages/login-page.js';
import { ApiClient } from './api-client.js';
import { DESKTOP, launchBrowser, newPage, type Viewport } from './browser.js';
import { type LuoshiServer, startLuoshiServer } from './luoshi-server.js';

/** A user name and password to sign in with. */
export interface Account {
  username: string;
  password: string;
}

/** What a browser test file works with; everything it opens is closed after the file. */
export interface LuoshiE2E {
  /** The file's own `luoshi serve` on a fresh data directory. */
  readonly server: LuoshiServer;
  readonly browser: Browser;
  /** The first-start administrator (督查室) and its one-time password. */
  readonly admin: Account;
  /** A fresh, anonymous browser context (fixed clock) and its page. */
  page(viewport?: Viewport): Promise<Page>;
  /** A fresh browser context signed in through the login form, on the dashboard sign-in lands on. */
  signedIn(account?: Account, viewport?: Viewport): Promise<Page>;
  /** An API client signed in as `account` (the administrator by default). */
  api(account?: Account): Promise<ApiClient>;
}

/**
 * The shared set-up of a browser test file: called in a `describe` block, it starts a server on
 * a fresh database and Chromium before the block's tests, and afterwards closes every context
 * and API client opened through it, the browser, and the server. `env` adds variables to the
 * server's environment; it is read when the server starts, after earlier `beforeAll` hooks.
 */
export function useLuoshi(options: { env?: () => Record<string, string> } = {}): LuoshiE2E {
  let server: LuoshiServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const clients: ApiClient[] = [];

  beforeAll(async () => {
    // Both are kept even when the other fails, so that afterAll stops whatever did start.
    const [started, launched] = await Promise.allSettled([
      startLuoshiServer(options.env?.()).then((s) => {
        server = s;
      }),
      launchBrowser().then((b) => {
        browser = b;
      }),
    ]);
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const running = (): { server: LuoshiServer; browser: Browser } => {
    if (!server || !browser) throw new Error('useLuoshi: the server and browser start in beforeAll');
    return { server, browser };
  };

  const e2e: LuoshiE2E = {
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
    get admin() {
      return { username: 'admin', password: running().server.adminPassword };
    },
    async page(viewport = DESKTOP) {
      const { context, page } = await newPage(running().browser, running().server.url, viewport);
      contexts.push(context);
      return page;
    },
    async signedIn(account = e2e.admin, viewport = DESKTOP) {
      const page = await e2e.page(viewport);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(account.username, account.password);
      await page.waitForURL('**/dashboard');
      return page;
    },
    async api(account = e2e.admin) {
      const client = await ApiClient.signIn(running().server.url, account.username, account.password);
      clients.push(client);
      return client;
    },
  };
  return e2e;
}
