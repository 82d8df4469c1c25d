/**
 * A signed-in API client for setting up browser tests through the REST API (units, accounts,
 * assignments, periods) when the screen under test is elsewhere. Keeps cookies and the CSRF token.
 */
export class ApiSession {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  private constructor(private readonly baseUrl: string) {}

  /** Signs in as `username`; throws when the server refuses. */
  static async signIn(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const session = new ApiSession(baseUrl);
    await session.request('GET', '/api/session');
    const answer = await session.request<{ csrfToken: string }>('POST', '/api/session', {
      username,
      password,
    });
    session.csrfToken = answer.csrfToken;
    return session;
  }

  async request<T = unknown>(method: string, path: string, json?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    const body = text ? (JSON.parse(text) as T & { csrfToken?: string }) : (undefined as T);
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
      this.csrfToken = body.csrfToken;
    }
    return body;
  }

  post<T = unknown>(path: string, json: unknown): Promise<T> {
    return this.request<T>('POST', path, json);
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
}

interface ApiTask {
  id: number;
  text: string;
  targets: { id: number; value: number; unit: string; subject: string }[];
  assignments: { unitName: string; role: string }[];
}
export interface ApiArea {
  id: number;
  label: string | null;
  title: string;
  measures: { id: number; label: string | null; title: string; tasks: ApiTask[] }[];
  tasks: ApiTask[];
}
export interface ApiReport {
  id: number;
  title: string;
  areas: ApiArea[];
}

/** The newest report with its tree, as GET /api/reports/:id answers. */
export async function newestReport(api: ApiSession): Promise<ApiReport> {
  const list = await api.get<{ reports: { id: number }[] }>('/api/reports');
  return api.get<ApiReport>(`/api/reports/${list.reports[0]?.id}`);
}

/** Every task of a report tree, in reading order. */
export function reportTasks(report: ApiReport): ApiTask[] {
  return report.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]);
}
