import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

const sample = readFileSync(SAMPLE_REPORT, 'utf8');

interface PreviewTarget {
  value: number;
  max: number | null;
  unit: string;
  comparator: string;
  change: string;
  subject: string;
  text: string;
}
interface PreviewTask {
  key: number;
  text: string;
  targets: PreviewTarget[];
}
interface Preview {
  uploadId: string;
  fileName: string;
  counts: { tasks: number; targets: number };
  indicators: { title: string; tasks: PreviewTask[] } | null;
  areas: { measures: { tasks: PreviewTask[] }[]; tasks: PreviewTask[] }[];
}

/** Every task of a preview in key order: the 主要预期目标, then the areas' tasks. */
function previewTasks(preview: Preview): PreviewTask[] {
  return [
    ...(preview.indicators?.tasks ?? []),
    ...preview.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]),
  ];
}

/** A report whose 主要预期目标 passage lists this year's headline indicators. */
const withIndicators = readFileSync(
  new URL('../../../test-data/corpus/beijing-2026-work-report.txt', import.meta.url),
  'utf8',
);

describe.each(DIALECTS)('import wizard target edits on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let copies = 0;

  /** Uploads a fresh copy of the sample (distinct bytes, so it is not "already imported"). */
  async function preview(): Promise<Preview> {
    copies += 1;
    const response = await admin.upload(
      '/api/imports',
      `copy-${copies}.md`,
      `${sample}${'\n'.repeat(copies)}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<Preview>();
  }

  async function countRows(): Promise<{ reports: number; targets: number; audit: number }> {
    const db = world.database.db;
    const [reports, targets, audit] = await Promise.all([
      db.selectFrom('reports').select('id').execute(),
      db.selectFrom('targets').select('id').execute(),
      db.selectFrom('audit_events').select('id').execute(),
    ]);
    return { reports: reports.length, targets: targets.length, audit: audit.length };
  }

  beforeAll(async () => {
    world = await createTestWorld(dialect);
    admin = await world.client('admin');
  });
  afterAll(async () => world?.close());

  it('numbers the preview tasks 0…n-1 in reading order', async () => {
    const tasks = previewTasks(await preview());
    expect(tasks.map((t) => t.key)).toEqual(tasks.map((_, index) => index));
    expect(tasks).toHaveLength(103);
  });

  it('stores corrected, added and removed targets on commit, marked as edited by the office', async () => {
    const shown = await preview();
    const tasks = previewTasks(shown);
    const schools = tasks.find((t) => t.targets.some((x) => x.subject.includes('中小学学位')));
    const removed = tasks.find((t) => t !== schools && t.targets.length > 0);
    const plain = tasks.find((t) => t.targets.length === 0);
    if (!schools || !removed || !plain) throw new Error('sample lacks the tasks this test needs');
    const schoolTarget = schools.targets.find((x) => x.subject.includes('中小学学位'))!;
    const committed = await admin.post(`/api/imports/${shown.uploadId}/commit`, {
      fileName: shown.fileName,
      targetEdits: [
        {
          task: schools.key,
          targets: [
            { ...schoolTarget, max: null, value: 7000 },
            { value: 3, max: 5, unit: '所', comparator: 'between', change: 'increase', subject: '新建学校' },
          ],
        },
        { task: removed.key, targets: [] },
        {
          task: plain.key,
          targets: [{ value: 100, unit: '%', comparator: '>=', change: 'level', subject: '完成率' }],
        },
      ],
    });
    expect(committed.statusCode).toBe(200);
    const { reportId } = committed.json<{ reportId: number }>();
    const stored = await world.database.db
      .selectFrom('targets')
      .innerJoin('nodes', 'nodes.id', 'targets.node_id')
      .select([
        'nodes.text as task',
        'targets.value',
        'targets.max',
        'targets.unit',
        'targets.comparator',
        'targets.change',
        'targets.subject',
        'targets.text',
        'targets.edited_by',
        'targets.edited_at',
      ])
      .where('nodes.report_id', '=', reportId)
      .orderBy('targets.node_id')
      .orderBy('targets.ordinal')
      .execute();
    const of = (text: string) => stored.filter((t) => t.task === text);
    expect(
      of(schools.text).map(({ value, max, unit, comparator, subject }) => ({
        value,
        max,
        unit,
        comparator,
        subject,
      })),
    ).toEqual([
      {
        value: 7000,
        max: null,
        unit: schoolTarget.unit,
        comparator: schoolTarget.comparator,
        subject: schoolTarget.subject,
      },
      { value: 3, max: 5, unit: '所', comparator: 'between', subject: '新建学校' },
    ]);
    expect(of(removed.text)).toEqual([]);
    expect(of(plain.text)).toMatchObject([
      { value: 100, unit: '%', comparator: '>=', change: 'level', subject: '完成率', text: '完成率100%' },
    ]);
    const adminId = world.userIds.admin;
    expect(
      [...of(schools.text), ...of(plain.text)].every((t) => t.edited_by === adminId && t.edited_at),
    ).toBe(true);
    const untouched = stored.filter((t) => t.task !== schools.text && t.task !== plain.text);
    expect(untouched.every((t) => t.edited_by === null && t.edited_at === null)).toBe(true);
    expect(stored).toHaveLength(shown.counts.targets - schools.targets.length - removed.targets.length + 3);
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'edit')
      .where('entity', '=', 'targets_of_task')
      .execute();
    expect(audit).toHaveLength(3);

    // A revised report re-imported into this one keeps the office's corrections (hand edits win).
    const revised = `${sample}${'\n'.repeat(50)}`.replace('新增中小学学位6500个', '新增中小学学位6600个');
    const merge = await admin.upload(`/api/imports?reportId=${reportId}`, 'revised.md', revised);
    const mergePreview = merge.json<{
      uploadId: string;
      merge: { reportVersion: number; counts: { changed: number } };
    }>();
    expect(mergePreview.merge.counts.changed).toBe(1);
    const merged = await admin.post(`/api/imports/${mergePreview.uploadId}/commit`, {
      fileName: 'revised.md',
      reportId,
      reportVersion: mergePreview.merge.reportVersion,
    });
    expect(merged.statusCode).toBe(200);
    const kept = await world.database.db
      .selectFrom('targets')
      .innerJoin('nodes', 'nodes.id', 'targets.node_id')
      .select(['targets.value', 'targets.subject'])
      .where('nodes.report_id', '=', reportId)
      .where('nodes.text', 'like', '%中小学学位6600个%')
      .where('targets.archived', '=', 0)
      .orderBy('targets.ordinal')
      .execute();
    expect(kept).toEqual([
      { value: 7000, subject: schoolTarget.subject },
      { value: 3, subject: '新建学校' },
    ]);
  });

  it.each([
    [
      'a range without an upper bound',
      {
        task: 0,
        targets: [{ value: 3, unit: '个', comparator: 'between', change: 'increase', subject: '学校' }],
      },
      'body.targetEdits.0.targets.0.max',
    ],
    [
      'an upper bound on a non-range',
      {
        task: 0,
        targets: [{ value: 3, max: 9, unit: '个', comparator: '>=', change: 'level', subject: '学校' }],
      },
      'body.targetEdits.0.targets.0.max',
    ],
    [
      'an unknown comparator',
      { task: 0, targets: [{ value: 3, unit: '个', comparator: '≥', change: 'level', subject: '学校' }] },
      'body.targetEdits.0.targets.0.comparator',
    ],
    [
      'an empty unit',
      { task: 0, targets: [{ value: 3, unit: ' ', comparator: '=', change: 'level', subject: '学校' }] },
      'body.targetEdits.0.targets.0.unit',
    ],
    [
      'a value that is not a number',
      { task: 0, targets: [{ value: '三', unit: '个', comparator: '=', change: 'level', subject: '学校' }] },
      'body.targetEdits.0.targets.0.value',
    ],
  ])('refuses %s with 400 and the field, writing nothing', async (_, edit, path) => {
    const shown = await preview();
    const before = await countRows();
    const response = await admin.post(`/api/imports/${shown.uploadId}/commit`, {
      fileName: shown.fileName,
      targetEdits: [edit],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; fields: { path: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.path)).toContain(path);
    expect(await countRows()).toEqual(before);
  });

  it('refuses edits of tasks not in the preview, or of one task twice, naming each', async () => {
    const shown = await preview();
    const before = await countRows();
    const response = await admin.post(`/api/imports/${shown.uploadId}/commit`, {
      fileName: shown.fileName,
      targetEdits: [
        { task: 2, targets: [] },
        { task: 103, targets: [] },
        { task: 2, targets: [] },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_target_edits',
      messageZh: '2 处目标修改无效，未导入任何数据',
      fields: [
        { path: 'body.targetEdits.1.task', message: 'no task 103 in the preview' },
        { path: 'body.targetEdits.2.task', message: 'task 2 is edited twice' },
      ],
    });
    expect(await countRows()).toEqual(before);
  });

  it('refuses target edits on a merged revision', async () => {
    const response = await admin.upload(
      `/api/imports?reportId=${world.reportId}`,
      'revised.md',
      `${sample}\n\n\n\n\n\n\n\n\n\n`,
    );
    const shown = response.json<Preview & { merge: { reportVersion: number } }>();
    const before = await countRows();
    const commit = await admin.post(`/api/imports/${shown.uploadId}/commit`, {
      fileName: shown.fileName,
      reportId: world.reportId,
      reportVersion: shown.merge.reportVersion,
      targetEdits: [{ task: 0, targets: [] }],
    });
    expect(commit.statusCode).toBe(400);
    expect(commit.json()).toMatchObject({ code: 'target_edits_on_merge' });
    expect(await countRows()).toEqual(before);
  });

  it('shows the 主要预期目标 first with their targets, and stores an indicator target the office corrected', async () => {
    const response = await admin.upload('/api/imports', 'beijing-2026.txt', withIndicators);
    expect(response.statusCode).toBe(200);
    const shown = response.json<Preview>();
    expect(shown.indicators?.title).toBe('主要预期目标');
    const indicators = shown.indicators?.tasks ?? [];
    // Keys number the indicators first, then the areas' tasks, without gaps.
    const tasks = previewTasks(shown);
    expect(tasks.map((t) => t.key)).toEqual(tasks.map((_, index) => index));
    expect(indicators.map((t) => t.key)).toEqual(indicators.map((_, index) => index));
    expect(shown.counts.tasks).toBe(tasks.length);
    expect(shown.counts.targets).toBe(tasks.reduce((n, t) => n + t.targets.length, 0));
    const gdp = indicators.find((t) => t.text === '地区生产总值增长5%左右');
    expect(gdp?.targets).toEqual([
      expect.objectContaining({ value: 5, unit: '%', comparator: '~', change: 'growth-rate' }),
    ]);

    const committed = await admin.post(`/api/imports/${shown.uploadId}/commit`, {
      fileName: shown.fileName,
      targetEdits: [
        {
          task: gdp?.key,
          targets: [
            {
              value: 5,
              max: 5.5,
              unit: '%',
              comparator: 'between',
              change: 'growth-rate',
              subject: '地区生产总值',
            },
          ],
        },
      ],
    });
    expect(committed.statusCode).toBe(200);
    const { reportId } = committed.json<{ reportId: number }>();
    const stored = await world.database.db
      .selectFrom('targets')
      .innerJoin('nodes', 'nodes.id', 'targets.node_id')
      .select(['targets.value', 'targets.max', 'targets.comparator', 'targets.edited_by'])
      .where('nodes.report_id', '=', reportId)
      .where('nodes.text', '=', '地区生产总值增长5%左右')
      .execute();
    expect(stored).toEqual([{ value: 5, max: 5.5, comparator: 'between', edited_by: world.userIds.admin }]);
  });
});
