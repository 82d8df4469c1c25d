import type { Kysely } from 'kysely';
import type { ReportTree, Span } from '../../core/report-tree.js';
import { KeptValues } from '../kept-values.js';
import { findRevisionTreeJson } from '../reports/read-revision-tree.js';
import type { Database } from '../schema.js';

/** The report text around a task, cut from the revision its span points into. */
export interface TaskSource {
  revisionId: number;
  /** 1, 2, 3… per report. */
  revisionNumber: number;
  fileName: string;
  /** Heading of the passage: the work area (or section) the task belongs to. */
  heading: string | null;
  /** The passage: the whole work area (or section) that holds the task. */
  text: string;
  /** Offset of `text` in the revision's normalised text. */
  offset: number;
  /** Where the task sentence sits inside `text`, half-open [start, end). */
  highlight: [number, number];
}

/** Characters kept on each side of a task that belongs to no area or section. */
const WINDOW = 400;
/** Longest passage returned; a longer area is cut around the task. */
const MAX_PASSAGE = 12_000;

type PassageTree = Pick<ReportTree, 'text' | 'sections' | 'areas'>;

/**
 * Revisions never change once stored, so their parsed trees can be kept (one version), up to
 * about 64 MB of report text and structure (a tree weighs roughly four times its text).
 */
const trees = new KeptValues<number, PassageTree>({
  maxSize: 64 * 1024 * 1024,
  sizeOf: (tree) => tree.text.length * 8,
});

async function loadTree(db: Kysely<Database>, revisionId: number): Promise<PassageTree | null> {
  const kept = trees.get(revisionId, 0);
  if (kept) return kept;
  const treeJson = await findRevisionTreeJson(db, revisionId);
  if (treeJson === undefined) return null;
  const parsed = JSON.parse(treeJson) as ReportTree;
  return trees.set(
    revisionId,
    0,
    Promise.resolve({ text: parsed.text, sections: parsed.sections, areas: parsed.areas }),
  );
}

const contains = (outer: Span, inner: Span) => outer[0] <= inner[0] && inner[1] <= outer[1];

/**
 * The passage of the report that holds a task — its work area, else its section, else a window
 * of text around it — with the task's place in it, so a reader sees the sentence in context.
 * Null when the task's revision or span cannot be found (the text is then only the task's own).
 */
export async function getTaskSource(db: Kysely<Database>, taskId: number): Promise<TaskSource | null> {
  const node = await db
    .selectFrom('nodes as n')
    .innerJoin('report_revisions as r', 'r.id', 'n.revision_id')
    .select(['n.text', 'n.span_start', 'n.span_end', 'n.revision_id', 'r.number', 'r.file_name'])
    .where('n.id', '=', taskId)
    .where('n.kind', '=', 'task')
    .executeTakeFirst();
  if (!node) return null;
  const tree = await loadTree(db, node.revision_id);
  if (!tree) return null;
  let span: Span = [node.span_start, node.span_end];
  // A span that does not cover the task's words (text edited after import) falls back to a search.
  if (tree.text.slice(span[0], span[1]) !== node.text) {
    const at = tree.text.indexOf(node.text);
    if (at < 0) return null;
    span = [at, at + node.text.length];
  }
  const area = tree.areas.find((a) => contains(a.span, span));
  const section = area ? undefined : tree.sections.find((s) => contains(s.span, span));
  let passage: Span = area?.span ?? section?.span ?? [span[0] - WINDOW, span[1] + WINDOW];
  if (passage[1] - passage[0] > MAX_PASSAGE) passage = [span[0] - MAX_PASSAGE / 2, span[1] + MAX_PASSAGE / 2];
  const start = Math.max(0, passage[0]);
  const end = Math.min(tree.text.length, passage[1]);
  const heading = area ? `${area.label ?? ''}${area.title}` : (section?.title ?? null);
  return {
    revisionId: node.revision_id,
    revisionNumber: node.number,
    fileName: node.file_name,
    heading,
    text: tree.text.slice(start, end),
    offset: start,
    highlight: [span[0] - start, span[1] - start],
  };
}
