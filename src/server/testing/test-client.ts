import type { FastifyInstance, InjectOptions } from 'fastify';

let nextAddress = 1;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * A browser-like client over fastify.inject: keeps cookies between requests and sends the
 * CSRF token it fetched from GET /api/session on every write, as the web app does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  /** Each client looks like a different machine, so per-address rate limits apply per client. */
  readonly remoteAddress = `10.${nextAddress >> 16}.${(nextAddress >> 8) & 255}.${nextAddress++ & 255}`;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    options: {
      json?: unknown;
      payload?: InjectOptions['payload'];
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<TestResponse> {
    const writes = method !== 'GET' && method !== 'HEAD';
    const sendCsrf = writes && (options.csrf ?? true);
    if (sendCsrf && this.csrfToken === null) await this.refreshCsrf();
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (sendCsrf) headers['x-csrf-token'] = this.csrfToken ?? '';
    let payload = options.payload;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const cookie of response.cookies) {
      const expired =
        cookie.value === '' ||
        (cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now()) ||
        cookie.maxAge === 0;
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: response.body,
      json: <T>() => JSON.parse(response.body) as T,
    };
  }

  /** GET /api/session and keep its CSRF token. */
  async refreshCsrf(): Promise<void> {
    this.csrfToken = null;
    const response = await this.request('GET', '/api/session');
    this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, json?: unknown) {
    return this.request('POST', url, json === undefined ? {} : { json });
  }
  put(url: string, json?: unknown) {
    return this.request('PUT', url, json === undefined ? {} : { json });
  }
  patch(url: string, json?: unknown) {
    return this.request('PATCH', url, json === undefined ? {} : { json });
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** POST one file as multipart/form-data (field "file"). */
  upload(
    url: string,
    fileName: string,
    bytes: Uint8Array | string,
    contentType = 'application/octet-stream',
  ) {
    const boundary = `----luoshi${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const payload = Buffer.concat([head, Buffer.from(bytes), tail]);
    return this.request('POST', url, {
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  /** Sign in; throws when the server refuses. */
  async login(username: string, password: string): Promise<void> {
    const response = await this.post('/api/session', { username, password });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  }
}
