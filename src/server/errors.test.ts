import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../store/testing.js';
import { createTestWorld, type TestWorld } from './testing/test-app.js';

describe.each(DIALECTS)('error bodies on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
  });
  afterAll(async () => world?.close());

  it('validation errors name the failing fields', async () => {
    const client = await world.client();
    const response = await client.post('/api/session', { username: '', password: 5 });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; fields: { path: string }[]; messageZh: string }>();
    expect(body.code).toBe('validation_failed');
    expect(body.messageZh).toBeTruthy();
    expect(body.fields.map((f) => f.path).sort()).toEqual(['body.password', 'body.username']);
  });

  it('malformed JSON is a 400 with a stable code', async () => {
    const client = await world.client();
    const response = await client.request('POST', '/api/session', {
      payload: '{"username": "admin", ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'malformed_json' });
  });

  it('oversized JSON bodies are refused with 413', async () => {
    const client = await world.client();
    const response = await client.request('POST', '/api/session', {
      payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('unknown API routes are a JSON 404, bad ids a 400, missing reports a 404', async () => {
    const client = await world.client('admin');
    expect((await client.get('/api/nothing-here')).json()).toMatchObject({ code: 'route_not_found' });
    const bad = await client.get('/api/reports/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'params.id' }] });
    const missing = await client.get('/api/reports/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', messageZh: expect.stringContaining('报告') });
  });

  it('serves the OpenAPI document and the browsable reference', async () => {
    const client = await world.client();
    const spec = await client.get('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/{id}', '/api/session']));
    const docs = await client.get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
