import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../ingest/testing/corpus.js';
import { normalizeReportText, parseReport } from '../parse/index.js';
import { type FlatTree, flattenTree } from './flatten-tree.js';
import { type ExistingNode, planMerge } from './plan-merge.js';
import { reviseReport, reworded } from './revise-report.test-helper.js';

/** The stored form of a parsed report: every flat node with an id (index + 1). */
function asStored(flat: FlatTree): ExistingNode[] {
  return flat.nodes.map((node, i) => ({
    id: i + 1,
    kind: node.kind,
    sectionKind: node.sectionKind,
    text: node.title,
    parentId: node.parent >= 0 ? node.parent + 1 : null,
    position: i,
    archived: false,
  }));
}

describe.each([
  'national-2025-work-report.txt',
  'beijing-2026-work-report.txt',
  'zhejiang-2026-work-report.txt',
] as const)('planMerge on an edited copy of %s', (file) => {
  const original = parseReport(normalizeReportText(readCorpusText(file)));
  const flat = flattenTree(original);
  const stored = asStored(flat);
  const taskText = (k: number) => flat.nodes[flat.tasks[k]!]!.title;
  const n = flat.tasks.length;
  const [removed, rewordedTask, moved, anchor, addedAfter] = [3, 7, 12, n - 5, 20];
  const added = '新建社区养老服务驿站35个并实现街道全覆盖';
  const revised = parseReport(
    reviseReport(original, {
      remove: [removed],
      reword: [rewordedTask],
      move: [{ task: moved, after: anchor }],
      addAfter: [{ task: addedAfter, sentence: `${added}。` }],
    }),
  );
  const revisedFlat = flattenTree(revised);
  const plan = planMerge(stored, revisedFlat);
  const planOf = (text: string) => {
    const index = revisedFlat.nodes.findIndex((node) => node.kind === 'task' && node.title === text);
    expect(index, text).toBeGreaterThanOrEqual(0);
    return plan.nodes[index]!;
  };

  it('keeps every untouched task under its old id', () => {
    expect(plan.tasks).toEqual({ kept: n - 2, changed: 1, added: 1, archived: 1, moved: 1 });
    for (let k = 0; k < n; k++) {
      if ([removed, rewordedTask, moved].includes(k)) continue;
      expect(planOf(taskText(k))).toMatchObject({ status: 'kept', existingId: flat.tasks[k]! + 1 });
    }
  });

  it('continues the reworded task, archives the removed one, adds the new one', () => {
    expect(planOf(reworded(taskText(rewordedTask)))).toMatchObject({
      status: 'changed',
      existingId: flat.tasks[rewordedTask]! + 1,
    });
    expect(plan.archived.map((node) => node.id)).toEqual([flat.tasks[removed]! + 1]);
    expect(planOf(added)).toMatchObject({ status: 'added', existingId: null });
  });

  it('follows the moved task to its new place', () => {
    expect(planOf(taskText(moved))).toMatchObject({
      status: 'kept',
      existingId: flat.tasks[moved]! + 1,
      moved: true,
    });
  });

  it('matches an unchanged report to itself entirely', () => {
    const same = planMerge(stored, flat);
    expect(same.tasks).toEqual({ kept: n, changed: 0, added: 0, archived: 0, moved: 0 });
    expect(same.nodes.every((node, i) => node.existingId === i + 1)).toBe(true);
  });
});

describe('planMerge with a task archived earlier', () => {
  it('restores it when a later revision brings it back', () => {
    const tree = parseReport(normalizeReportText(readCorpusText('beijing-subcenter-2026-summary.md')));
    const flat = flattenTree(tree);
    const stored = asStored(flat).map((node, i) =>
      i === flat.tasks[5] ? { ...node, archived: true } : node,
    );
    const plan = planMerge(stored, flat);
    expect(plan.nodes[flat.tasks[5]!]).toMatchObject({ status: 'kept', restored: true });
    expect(plan.archived).toEqual([]);
  });
});
