import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTask } from '../../core/extract/index.js';
import { flattenTree } from '../../core/merge/flatten-tree.js';
import { reviseReport, reworded } from '../../core/merge/revise-report.test-helper.js';
import { normalizeReportText, parseReport } from '../../core/parse/index.js';
import type { TaskNode } from '../../core/report-tree.js';
import { readCorpusText } from '../../ingest/testing/corpus.js';
import { assignTask } from '../assignments/assign-task.js';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { importReport } from '../import-report.js';
import { createReportingPeriod } from '../periods/create-reporting-period.js';
import { findProgressReport } from '../progress/find-progress-report.js';
import { saveProgressReport } from '../progress/save-progress-report.js';
import { getReportTree } from '../reports/get-report-tree.js';
import { updateTarget } from '../targets/update-target.js';
import { findTaskById } from '../tasks/find-task-by-id.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { createUnit } from '../units/create-unit.js';
import { commitMerge } from './commit-merge.js';
import { previewMerge } from './preview-merge.js';

const analyze = (task: TaskNode) => analyzeTask(task.text, { year: 2026 });
const encode = (text: string) => new TextEncoder().encode(text);
const original = parseReport(normalizeReportText(readCorpusText('beijing-2026-work-report.txt')));
const flat = flattenTree(original);
const taskText = (k: number) => flat.nodes[flat.tasks[k]!]!.title;
const n = flat.tasks.length;
/** Tasks chosen by place, and one with a target (to edit it by hand before the merge). */
const [REMOVED, REWORDED, MOVED, ANCHOR] = [3, 7, 12, n - 5];
const WITH_TARGET = flat.tasks.findIndex(
  (i, k) => k > 20 && analyze(flat.nodes[i]!.source as TaskNode).targets.length > 0,
);
const ADDED = '新建社区养老服务驿站35个并实现街道全覆盖';
const revisedText = reviseReport(original, {
  remove: [REMOVED],
  reword: [REWORDED, WITH_TARGET],
  move: [{ task: MOVED, after: ANCHOR }],
  addAfter: [{ task: 20, sentence: `${ADDED}。` }],
});

describe.each(DIALECTS)('re-import merge on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  const ids = new Map<string, number>();
  let editedTargetId = 0;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    ({ reportId } = await importReport(handle.db, {
      bytes: encode(original.text),
      fileName: 'beijing-2026.txt',
      tree: original,
      analyses: analyze,
      actor: CLI_ACTOR,
    }));
    const stored = await getReportTree(handle.db, reportId);
    for (const task of stored.areas.flatMap((a) => [...a.tasks, ...a.measures.flatMap((m) => m.tasks)])) {
      ids.set(task.text, task.id);
    }
    // History that must survive the merge: assignments, a hand-edited target, progress.
    const unit = await createUnit(handle.db, { name: '市民政局', actor: CLI_ACTOR });
    const period = await createReportingPeriod(handle.db, {
      reportId,
      label: '2026-03',
      open: true,
      actor: CLI_ACTOR,
    });
    for (const k of [REMOVED, REWORDED, MOVED, WITH_TARGET]) {
      await assignTask(handle.db, {
        taskId: ids.get(taskText(k))!,
        unitId: unit.id,
        role: 'lead',
        actor: CLI_ACTOR,
      });
    }
    await saveProgressReport(handle.db, {
      taskId: ids.get(taskText(REWORDED))!,
      unitId: unit.id,
      periodId: period.id,
      narrative: '已完成方案制定',
      actor: CLI_ACTOR,
    });
    const edited = (await findTaskById(handle.db, ids.get(taskText(WITH_TARGET))!))!.targets[0]!;
    editedTargetId = edited.id;
    await updateTarget(handle.db, {
      id: edited.id,
      version: edited.version,
      changes: { value: 123_456 },
      actor: CLI_ACTOR,
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('previews kept / changed / added / archived without writing', async () => {
    const preview = await previewMerge(handle.db, reportId, parseReport(revisedText));
    expect(preview.summary).toEqual({ kept: n - 3, changed: 2, added: 1, archived: 1, moved: 1 });
    expect(preview.changed).toEqual([
      expect.objectContaining({
        id: ids.get(taskText(REWORDED)),
        before: taskText(REWORDED),
        after: reworded(taskText(REWORDED)),
      }),
      expect.objectContaining({ id: ids.get(taskText(WITH_TARGET)), after: reworded(taskText(WITH_TARGET)) }),
    ]);
    expect(preview.added).toEqual([expect.objectContaining({ text: ADDED })]);
    expect(preview.archived).toEqual([{ id: ids.get(taskText(REMOVED)), text: taskText(REMOVED) }]);
    const revisions = await handle.db
      .selectFrom('report_revisions')
      .select('id')
      .where('report_id', '=', reportId)
      .execute();
    expect(revisions).toHaveLength(1);
  });

  it('refuses a merge against a stale report version', async () => {
    await expect(
      commitMerge(handle.db, {
        reportId,
        expectedVersion: 0,
        bytes: encode(revisedText),
        fileName: 'beijing-2026-v2.txt',
        tree: parseReport(revisedText),
        analyses: analyze,
        actor: CLI_ACTOR,
      }),
    ).rejects.toMatchObject({ code: 'conflict', status: 409 });
  });

  it('commits the merge: history stays with matched tasks, removed ones are archived, not deleted', async () => {
    const preview = await previewMerge(handle.db, reportId, parseReport(revisedText));
    const result = await commitMerge(handle.db, {
      reportId,
      expectedVersion: preview.reportVersion,
      bytes: encode(revisedText),
      fileName: 'beijing-2026-v2.txt',
      tree: parseReport(revisedText),
      analyses: analyze,
      actor: CLI_ACTOR,
    });
    expect(result.summary).toEqual(preview.summary);
    expect(result.revisionNumber).toBe(2);

    const rewordedTask = (await findTaskById(handle.db, ids.get(taskText(REWORDED))!))!;
    expect(rewordedTask.text).toBe(reworded(taskText(REWORDED)));
    expect(rewordedTask.assignments).toHaveLength(1);
    expect(rewordedTask.revisionId).toBe(result.revisionId);
    const progress = await findProgressReport(handle.db, {
      taskId: rewordedTask.id,
      unitId: rewordedTask.assignments[0]!.unitId,
      periodId: (await handle.db.selectFrom('reporting_periods').select('id').executeTakeFirstOrThrow()).id,
    });
    expect(progress?.row.narrative).toBe('已完成方案制定');

    const removed = (await findTaskById(handle.db, ids.get(taskText(REMOVED))!))!;
    expect(removed).toMatchObject({ archived: true, text: taskText(REMOVED) });
    expect(removed.assignments).toHaveLength(1);

    const moved = (await findTaskById(handle.db, ids.get(taskText(MOVED))!))!;
    const anchor = (await findTaskById(handle.db, ids.get(taskText(ANCHOR))!))!;
    expect(moved.parentId).toBe(anchor.parentId);
    expect(moved.assignments).toHaveLength(1);

    // The reworded task's hand-edited target outranks the re-extracted one: same id, same value.
    const withTarget = (await findTaskById(handle.db, ids.get(taskText(WITH_TARGET))!))!;
    expect(withTarget.text).toBe(reworded(taskText(WITH_TARGET)));
    expect(withTarget.targets[0]).toMatchObject({ id: editedTargetId, value: 123_456 });
    expect(withTarget.targets.filter((t) => t.value === 123_456)).toHaveLength(1);

    const tree = await getReportTree(handle.db, reportId);
    const texts = tree.areas
      .flatMap((a) => [...a.tasks, ...a.measures.flatMap((m) => m.tasks)])
      .map((t) => t.text);
    expect(texts).toHaveLength(n);
    expect(texts).toContain(ADDED);
    expect(texts).not.toContain(taskText(REMOVED));
    const revision = await handle.db
      .selectFrom('report_revisions')
      .selectAll()
      .where('id', '=', result.revisionId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(revision.source).toString('utf8')).toBe(revisedText);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    const indexed = async (body: string) =>
      (
        await sql`select id from search_entries where report_id = ${reportId} and body = ${body}`.execute(
          handle.db,
        )
      ).rows.length;
    expect(await indexed(ADDED)).toBe(1);
    expect(await indexed(taskText(REMOVED))).toBe(0);
  });

  it('re-importing the same revision again keeps everything', async () => {
    const result = await commitMerge(handle.db, {
      reportId,
      bytes: encode(revisedText),
      fileName: 'beijing-2026-v2.txt',
      tree: parseReport(revisedText),
      analyses: analyze,
      actor: CLI_ACTOR,
    });
    expect(result.summary).toEqual({ kept: n, changed: 0, added: 0, archived: 0, moved: 0 });
    const nodes = await handle.db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', reportId)
      .execute();
    expect(nodes.length).toBe(flat.nodes.length + 1); // the one added task; nothing ever deleted
  });
});
