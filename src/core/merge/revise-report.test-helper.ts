import type { ReportTree } from '../report-tree.js';
import { flattenTree } from './flatten-tree.js';

/** How to revise a report for merge tests: indexes into its tasks in reading order. */
export interface Revision {
  remove?: number[];
  /** Reword these tasks: a new opening phrase, the rest kept. */
  reword?: number[];
  /** Insert a new sentence after each of these tasks. */
  addAfter?: { task: number; sentence: string }[];
  /** Move a task to just after another one (in another part of the report). */
  move?: { task: number; after: number }[];
}

/** The sentence of task `k` with the delimiter that ends it in the text. */
function sentenceOf(tree: ReportTree, k: number): { start: number; end: number; text: string } {
  const flat = flattenTree(tree);
  const node = flat.nodes[flat.tasks[k]!]!;
  const [start, end] = node.span;
  const stop = /[。；;！？]/.test(tree.text[end] ?? '') ? end + 1 : end;
  return { start, end: stop, text: tree.text.slice(start, stop) };
}

/** The reworded form of a sentence, as an editor would revise it. */
export function reworded(sentence: string): string {
  const opening = sentence.startsWith('持续') ? '着力' : '持续';
  return `${opening}${sentence.slice(2)}`;
}

/**
 * Applies a revision to the report's normalised text, the way an office edits a revised draft:
 * sentences removed, reworded, added, moved. Returns the new text.
 */
export function reviseReport(tree: ReportTree, revision: Revision): string {
  type Edit = { start: number; end: number; insert: string };
  const edits: Edit[] = [];
  for (const k of revision.remove ?? []) {
    const s = sentenceOf(tree, k);
    edits.push({ start: s.start, end: s.end, insert: '' });
  }
  for (const k of revision.reword ?? []) {
    const s = sentenceOf(tree, k);
    edits.push({ start: s.start, end: s.end, insert: reworded(s.text) });
  }
  for (const { task, sentence } of revision.addAfter ?? []) {
    const s = sentenceOf(tree, task);
    edits.push({ start: s.end, end: s.end, insert: sentence });
  }
  for (const { task, after } of revision.move ?? []) {
    const s = sentenceOf(tree, task);
    const target = sentenceOf(tree, after);
    edits.push({ start: s.start, end: s.end, insert: '' });
    edits.push({ start: target.end, end: target.end, insert: s.text });
  }
  let text = tree.text;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
  }
  return text;
}
