import { type APIRequestContext, type APIResponse, request } from 'playwright-core';

/**
 * A signed-in API client for setting up a browser test's data the way the web app would (session
 * cookie, CSRF header on writes), or for checking what the API answers a browser context's user.
 */
export class ApiClient {
  private csrfToken = '';

  private constructor(
    readonly http: APIRequestContext,
    private readonly ownsContext: boolean,
  ) {}

  /** A fresh client signed in as `username`. */
  static async signIn(baseURL: string, username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(await request.newContext({ baseURL }), true);
    await client.refreshCsrf();
    const session = await client.write('POST', '/api/session', { username, password });
    client.csrfToken = ((await session.json()) as { csrfToken: string }).csrfToken;
    return client;
  }

  /** The API as the user signed in to a browser context is (shares its cookies). */
  static async of(http: APIRequestContext): Promise<ApiClient> {
    const client = new ApiClient(http, false);
    await client.refreshCsrf();
    return client;
  }

  private async refreshCsrf(): Promise<void> {
    const session = await this.http.get('/api/session');
    this.csrfToken = ((await session.json()) as { csrfToken: string }).csrfToken;
  }

  /** A state-changing request with the CSRF header; answers whatever the server said. */
  write(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<APIResponse> {
    return this.http.fetch(url, {
      method,
      headers: { 'x-csrf-token': this.csrfToken },
      ...(data === undefined ? {} : { data }),
    });
  }

  /** GET `url` and parse JSON, failing on a non-2xx answer. */
  async json<T>(url: string): Promise<T> {
    const response = await this.http.get(url);
    if (!response.ok()) throw new Error(`GET ${url}: HTTP ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A write that must succeed; answers its JSON. */
  async ok<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<T> {
    const response = await this.write(method, url, data);
    if (!response.ok())
      throw new Error(`${method} ${url}: HTTP ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Uploads `file` as the multipart field `file`; fails on a non-2xx answer; answers its JSON. */
  async upload<T = unknown>(
    url: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<T> {
    const response = await this.http.post(url, {
      multipart: { file },
      headers: { 'x-csrf-token': this.csrfToken },
    });
    if (!response.ok()) throw new Error(`upload ${url}: HTTP ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Replaces the signed-in user's password (POST /api/session/password) and keeps the new CSRF token. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const session = await this.ok<{ csrfToken: string }>('POST', '/api/session/password', {
      currentPassword,
      newPassword,
    });
    this.csrfToken = session.csrfToken;
  }

  async dispose(): Promise<void> {
    if (this.ownsContext) await this.http.dispose();
  }
}

/** A task of GET /api/reports/:id, as far as the browser tests read it. */
export interface ApiTask {
  id: number;
  text: string;
  targets: { id: number; value: number; unit: string; subject: string }[];
  deadline: { text: string; date: string | null } | null;
  status: { expected: number; class: string };
}
interface ApiArea {
  measures: { tasks: ApiTask[] }[];
  tasks: ApiTask[];
}

/** The first report's id and its tasks in reading order. */
export async function firstReportTasks(api: ApiClient): Promise<{ reportId: number; tasks: ApiTask[] }> {
  const list = await api.json<{ reports: { id: number }[] }>('/api/reports');
  const reportId = list.reports[0]?.id;
  if (reportId === undefined) throw new Error('no report loaded');
  const report = await api.json<{ areas: ApiArea[] }>(`/api/reports/${reportId}`);
  const tasks = report.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]);
  return { reportId, tasks };
}

/** Creates a unit and one account in it (or none for a leader); answers the account's password. */
export async function createAccount(
  admin: ApiClient,
  account: {
    username: string;
    displayName: string;
    role: 'reporter' | 'unit_head' | 'leader';
    unitId?: number;
  },
): Promise<string> {
  const created = await admin.ok<{ password: string }>('POST', '/api/users', {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    ...(account.unitId === undefined ? {} : { unitId: account.unitId }),
  });
  return created.password;
}
