import type { Kysely } from 'kysely';
import { flattenTree } from '../../core/merge/flatten-tree.js';
import { type MergePlan, planMerge } from '../../core/merge/plan-merge.js';
import type { ReportTree } from '../../core/report-tree.js';
import type { Database } from '../schema.js';
import { loadVersioned } from '../versioned/update-versioned.js';
import { loadExistingNodes } from './load-existing-nodes.js';

/** The diff a person reviews before committing a re-import (tasks only). */
export interface MergePreview {
  reportId: number;
  /** Pass it back to commitMerge: the merge is refused if the report changed in between. */
  reportVersion: number;
  summary: MergePlan['tasks'];
  kept: { id: number; text: string; moved: boolean }[];
  changed: {
    id: number;
    before: string;
    after: string;
    similarity: number;
    moved: boolean;
    restored: boolean;
  }[];
  added: { text: string; area: string | null }[];
  archived: { id: number; text: string }[];
}

/** Builds the person-readable preview from a plan. */
export function describeMerge(
  reportId: number,
  reportVersion: number,
  tree: ReportTree,
  plan: MergePlan,
  textOf: (id: number) => string,
): MergePreview {
  const flat = flattenTree(tree).nodes;
  const areaOf = (index: number): string | null => {
    for (let at = flat[index]!.parent; at >= 0; at = flat[at]!.parent)
      if (flat[at]!.kind === 'area') return flat[at]!.title;
    return null;
  };
  const preview: MergePreview = {
    reportId,
    reportVersion,
    summary: plan.tasks,
    kept: [],
    changed: [],
    added: [],
    archived: plan.archived.filter((n) => n.kind === 'task').map((n) => ({ id: n.id, text: n.text })),
  };
  for (const node of plan.nodes) {
    const flatNode = flat[node.flatIndex]!;
    if (flatNode.kind !== 'task') continue;
    if (node.status === 'added') preview.added.push({ text: flatNode.title, area: areaOf(node.flatIndex) });
    else if (node.status === 'kept')
      preview.kept.push({ id: node.existingId!, text: flatNode.title, moved: node.moved });
    else {
      preview.changed.push({
        id: node.existingId!,
        before: textOf(node.existingId!),
        after: flatNode.title,
        similarity: Math.round(node.similarity * 1000) / 1000,
        moved: node.moved,
        restored: node.restored,
      });
    }
  }
  return preview;
}

/**
 * 合并预览 — what re-importing `tree` into a stored report would do (kept / changed / added /
 * archived tasks), without writing anything.
 */
export async function previewMerge(
  db: Kysely<Database>,
  reportId: number,
  tree: ReportTree,
): Promise<MergePreview> {
  const report = await loadVersioned(db, 'reports', reportId);
  const existing = await loadExistingNodes(db, reportId);
  const plan = planMerge(existing, flattenTree(tree));
  const texts = new Map(existing.map((n) => [n.id, n.text]));
  return describeMerge(reportId, report.version, tree, plan, (id) => texts.get(id) ?? '');
}
