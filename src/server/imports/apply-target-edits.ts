import type { z } from 'zod';
import { LuoshiError } from '../../core/errors.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import type { Target, TaskAnalysis } from '../../core/target.js';
import type { targetEditSchema } from './schema.js';

export type TargetEdit = z.infer<typeof targetEditSchema>;

/**
 * The tasks in the order the preview numbers them (`key`): the 主要预期目标 first (as they are
 * stored and shown), then each area's measures' tasks and its own.
 */
export function tasksInPreviewOrder(tree: ReportTree): TaskNode[] {
  return [
    ...(tree.indicators?.tasks ?? []),
    ...tree.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]),
  ];
}

/** A corrected target as the extractor would have written it; its span is found in the sentence. */
function editedTarget(task: TaskNode, edit: TargetEdit): Target {
  const text = edit.text || `${edit.subject}${edit.value}${edit.unit}`;
  const at = task.text.indexOf(text);
  return {
    value: edit.value,
    ...(edit.comparator === 'between' && edit.max != null ? { max: edit.max } : {}),
    unit: edit.unit,
    comparator: edit.comparator,
    change: edit.change,
    subject: edit.subject,
    text,
    span: at >= 0 ? [at, at + text.length] : [0, 0],
  };
}

/**
 * The office's corrections of extracted targets, by task: every edit must name a task of the
 * previewed tree, once. Anything else is a 400 naming each bad edit, before anything is written.
 */
export function resolveTargetEdits(
  tree: ReportTree,
  edits: readonly { task: number; targets: TargetEdit[] }[],
): Map<TaskNode, Target[]> {
  const tasks = tasksInPreviewOrder(tree);
  const resolved = new Map<TaskNode, Target[]>();
  const fields: { path: string; message: string }[] = [];
  edits.forEach((edit, index) => {
    const task = tasks[edit.task];
    if (!task) {
      fields.push({ path: `body.targetEdits.${index}.task`, message: `no task ${edit.task} in the preview` });
    } else if (resolved.has(task)) {
      fields.push({ path: `body.targetEdits.${index}.task`, message: `task ${edit.task} is edited twice` });
    } else {
      resolved.set(
        task,
        edit.targets.map((target) => editedTarget(task, target)),
      );
    }
  });
  if (fields.length > 0) {
    throw new LuoshiError(
      'invalid_target_edits',
      400,
      {
        en: `${fields.length} target edit(s) are invalid; nothing was imported`,
        zh: `${fields.length} 处目标修改无效，未导入任何数据`,
      },
      { fields },
    );
  }
  return resolved;
}

/** The importer's analysis with the corrected targets in place of the extracted ones. */
export function withTargetEdits(
  analyze: (task: TaskNode) => TaskAnalysis,
  edits: ReadonlyMap<TaskNode, Target[]>,
): (task: TaskNode) => TaskAnalysis {
  if (edits.size === 0) return analyze;
  return (task) => {
    const analysis = analyze(task);
    const targets = edits.get(task);
    return targets ? { ...analysis, targets } : analysis;
  };
}
