import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LoginPage } from '../pages/login-page.js';
import { PasswordPage } from '../pages/password-page.js';
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
  /**
   * The first-start administrator (督查室) and its password: the one-time one until a sign-in
   * through `signedIn` or `api` replaced it, the replacement afterwards.
   */
  readonly admin: Account;
  /** A fresh, anonymous browser context (fixed clock) and its page. */
  page(viewport?: Viewport): Promise<Page>;
  /**
   * A fresh browser context signed in through the login form, on the page sign-in lands on
   * (dashboard, or 待报任务 for a unit's people). A one-time password is replaced on the forced
   * 修改密码 page first; later sign-ins of the account use the replacement.
   */
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
  /** Passwords that replaced one-time passwords, by username. */
  const replaced = new Map<string, string>();
  const current = (account: Account): Account => ({
    username: account.username,
    password: replaced.get(account.username) ?? account.password,
  });
  /** The password a test account's one-time password is replaced with. */
  const replacement = (password: string) => `${password}#e2e-own`;

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
      return current({ username: 'admin', password: running().server.adminPassword });
    },
    async page(viewport = DESKTOP) {
      const { context, page } = await newPage(running().browser, running().server.url, viewport);
      contexts.push(context);
      return page;
    },
    async signedIn(account = e2e.admin, viewport = DESKTOP) {
      const { username, password } = current(account);
      const page = await e2e.page(viewport);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(username, password);
      await page.waitForURL((url) => url.pathname !== '/login');
      if (new URL(page.url()).pathname === '/account/password') {
        await new PasswordPage(page).change(password, replacement(password));
        await page.waitForURL((url) => url.pathname !== '/account/password');
        replaced.set(username, replacement(password));
      }
      await page.waitForURL(/\/(dashboard|inbox)$/);
      return page;
    },
    async api(account = e2e.admin) {
      const { username, password } = current(account);
      const client = await ApiClient.signIn(running().server.url, username, password);
      clients.push(client);
      const session = await client.json<{ user: { mustChangePassword?: boolean } | null }>('/api/session');
      if (session.user?.mustChangePassword) {
        await client.changePassword(password, replacement(password));
        replaced.set(username, replacement(password));
      }
      return client;
    },
  };
  return e2e;
}
