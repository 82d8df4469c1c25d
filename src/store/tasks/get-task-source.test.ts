import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { commitMerge } from '../merge/commit-merge.js';
import { analyseForTest, makeTree, type OutlineArea } from '../test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { getTaskSource } from './get-task-source.js';

const encode = (text: string) => new TextEncoder().encode(text);

const FIRST: OutlineArea[] = [
  { title: '推动高质量发展', tasks: ['新增市场主体3000个。', '优化营商环境。'] },
  {
    title: '保障改善民生',
    measures: [{ title: '办好教育', tasks: ['新增中小学学位6500个。', '建设智慧校园。'] }],
    tasks: ['完善养老服务体系。'],
  },
];
/** The revision: a sentence added before the watched task (so its span moves), one task dropped. */
const SECOND: OutlineArea[] = [
  { title: '推动高质量发展', tasks: ['新增市场主体3000个。'] },
  {
    title: '保障改善民生',
    measures: [{ title: '办好教育', tasks: ['新建幼儿园5所。', '新增中小学学位6500个。', '建设智慧校园。'] }],
    tasks: ['完善养老服务体系。'],
  },
];

describe.each(DIALECTS)('task source passage on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  const taskIds = new Map<string, number>();

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const tree = makeTree('2026年政府工作报告', FIRST);
    ({ reportId } = await importReport(handle.db, {
      bytes: encode(tree.text),
      fileName: 'first.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    }));
    const rows = await handle.db
      .selectFrom('nodes')
      .select(['id', 'text'])
      .where('report_id', '=', reportId)
      .where('kind', '=', 'task')
      .execute();
    for (const row of rows) taskIds.set(row.text, row.id);
  });
  afterAll(async () => handle?.close());

  it('gives the whole work area with the task placed in it', async () => {
    const source = (await getTaskSource(handle.db, taskIds.get('新增中小学学位6500个。')!))!;
    expect(source).toMatchObject({ revisionNumber: 1, fileName: 'first.md', heading: '二、保障改善民生' });
    expect(source.text).toBe(
      '二、保障改善民生\n（一）办好教育。新增中小学学位6500个。建设智慧校园。\n完善养老服务体系。\n',
    );
    expect(source.text.slice(...source.highlight)).toBe('新增中小学学位6500个。');
    expect(await getTaskSource(handle.db, 999_999)).toBeNull();
  });

  it('after a re-import reads the new revision, and a dropped task keeps its old passage', async () => {
    const tree = makeTree('2026年政府工作报告', SECOND);
    await commitMerge(handle.db, {
      reportId,
      bytes: encode(tree.text),
      fileName: 'second.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    });
    const moved = (await getTaskSource(handle.db, taskIds.get('新增中小学学位6500个。')!))!;
    expect(moved).toMatchObject({ revisionNumber: 2, fileName: 'second.md' });
    expect(moved.text).toContain('新建幼儿园5所。新增中小学学位6500个。');
    expect(moved.text.slice(...moved.highlight)).toBe('新增中小学学位6500个。');

    const dropped = (await getTaskSource(handle.db, taskIds.get('优化营商环境。')!))!;
    expect(dropped).toMatchObject({ revisionNumber: 1, heading: '一、推动高质量发展' });
    expect(dropped.text.slice(...dropped.highlight)).toBe('优化营商环境。');
  });
});
