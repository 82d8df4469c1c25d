import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfd } from '../../ingest/testing/ofd-writer.js';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

const FORMATS = new URL('../../../test-data/formats/', import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, FORMATS));
const plainText = fixture('beijing-2026-short.txt');

interface Preview {
  uploadId: string;
  title: string;
  counts: { areas: number; measures: number; tasks: number; targets: number };
}

describe.each(DIALECTS)('imports of every format on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { env: { MAX_UPLOAD_MB: '1' } });
  });
  afterAll(async () => world?.close());

  it('previews PDF, .doc, .wps, OFD and web page uploads like the plain text', async () => {
    const admin = await world.client('admin');
    const text = await admin.upload('/api/imports', 'report.txt', plainText);
    expect(text.statusCode).toBe(200);
    const expected = text.json<Preview>();
    expect(expected.counts).toMatchObject({ areas: 3, measures: 10 });
    const uploads: [string, Buffer][] = [
      ['report.pdf', fixture('beijing-2026-short.pdf')],
      ['report.doc', fixture('beijing-2026-short.doc')],
      ['report.wps', fixture('beijing-2026-short.wps')],
      ['report.html', fixture('beijing-2026-short.gbk.html')],
      ['report.ofd', Buffer.from(buildOfd(plainText.toString('utf8'), { objects: 'line' }))],
    ];
    for (const [name, bytes] of uploads) {
      const response = await admin.upload('/api/imports', name, bytes);
      expect(response.statusCode, name).toBe(200);
      expect(response.json<Preview>(), name).toMatchObject({
        title: expected.title,
        counts: expected.counts,
      });
    }
  });

  it.each([
    ['secret.pdf', () => fixture('encrypted.pdf'), 'pdf_encrypted'],
    ['scan.pdf', () => fixture('scanned-no-text.pdf'), 'no_text_layer'],
    [
      'broken.ofd',
      () => Buffer.from(buildOfd('一、总体要求\n', { objects: 'line' }).subarray(0, 200)),
      'broken_ofd',
    ],
    [
      'index.html',
      () => Buffer.from('<!DOCTYPE html><html><body><nav><a href="/">首页</a></nav></body></html>'),
      'no_article_text',
    ],
    ['cut.doc', () => fixture('beijing-2026-short.doc').subarray(0, 4096), 'broken_doc'],
    ['report.exe', () => Buffer.from('MZ'), 'unsupported_format'],
  ])('refuses %s with 400 %s and stores nothing', async (name, bytes, code) => {
    const admin = await world.client('admin');
    const count = async (table: 'blobs' | 'reports'): Promise<number> =>
      (
        await world.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = [await count('blobs'), await count('reports')];
    const response = await admin.upload('/api/imports', name, bytes());
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
    expect([await count('blobs'), await count('reports')].map(Number)).toEqual(before.map(Number));
  });
});
