import { matchItems } from '../diff/match-items.js';
import type { FlatNode, FlatTree } from './flatten-tree.js';

/** A node already stored for the report (any revision, archived or not). */
export interface ExistingNode {
  id: number;
  kind: FlatNode['kind'];
  sectionKind: string | null;
  /** Heading, or the sentence of a task. */
  text: string;
  parentId: number | null;
  position: number;
  archived: boolean;
}

/**
 * What becomes of a node of the new revision:
 * kept — same text as a stored node; changed — a reworded stored node; added — new.
 */
export type MergeStatus = 'kept' | 'changed' | 'added';

export interface PlannedNode {
  /** Index into the new flat tree. */
  flatIndex: number;
  status: MergeStatus;
  /** The stored node it continues (kept/changed), or null (added). */
  existingId: number | null;
  /** Bigram similarity to the stored node (1 for kept; 0 for added). */
  similarity: number;
  /** Its parent is not the one it had (moved to another measure or area). */
  moved: boolean;
  /** It continues a node archived by an earlier revision, which comes back. */
  restored: boolean;
}

export interface MergePlan {
  /** One entry per node of the new flat tree, in its order. */
  nodes: PlannedNode[];
  /** Stored nodes (not yet archived) that the new revision no longer has: to be archived. */
  archived: ExistingNode[];
  /** Counts per status, for tasks only (what people care about). */
  tasks: { kept: number; changed: number; added: number; archived: number; moved: number };
}

/** Least similarity for a reworded task to continue a stored one (else it is added + archived). */
export const TASK_MIN_SIMILARITY = 0.5;
/** Headings are short; a looser bound keeps a retitled area or measure. */
const HEADING_MIN_SIMILARITY = 0.4;

/**
 * Plans the merge of a revised report into the stored one, pure: nodes are matched kind by
 * kind by content (character bigrams, numbers ignored) and position (relative place in the
 * report), best pairs first. Matched nodes keep their ids — and so their assignments, edited
 * targets and progress; unmatched stored nodes are archived, never deleted.
 */
export function planMerge(existing: readonly ExistingNode[], next: FlatTree): MergePlan {
  const nodes: PlannedNode[] = next.nodes.map((_, flatIndex) => ({
    flatIndex,
    status: 'added',
    existingId: null,
    similarity: 0,
    moved: false,
    restored: false,
  }));
  const matchedIds = new Set<number>();
  const byId = new Map(existing.map((node) => [node.id, node]));

  for (const kind of ['section', 'area', 'measure', 'task'] as const) {
    const before = existing.filter((n) => n.kind === kind).sort((a, b) => a.position - b.position);
    const after = next.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.kind === kind);
    const matches = matchItems(
      before.map((n) => n.text),
      after.map(({ n }) => n.title),
      { minSimilarity: kind === 'task' ? TASK_MIN_SIMILARITY : HEADING_MIN_SIMILARITY },
    );
    for (const match of matches) {
      const old = before[match.before]!;
      const { n, i } = after[match.after]!;
      if (kind === 'section' && old.sectionKind !== n.sectionKind) continue;
      matchedIds.add(old.id);
      nodes[i] = {
        flatIndex: i,
        status: old.text === n.title ? 'kept' : 'changed',
        existingId: old.id,
        similarity: old.text === n.title ? 1 : match.similarity,
        moved: false,
        restored: old.archived,
      };
    }
  }
  // A node moved when its new parent does not continue its old parent.
  for (const planned of nodes) {
    if (planned.existingId === null) continue;
    const parentFlat = next.nodes[planned.flatIndex]!.parent;
    const newParentId = parentFlat >= 0 ? nodes[parentFlat]!.existingId : null;
    planned.moved = newParentId !== byId.get(planned.existingId)!.parentId;
  }

  const archived = existing.filter((n) => !n.archived && !matchedIds.has(n.id));
  const tasks = { kept: 0, changed: 0, added: 0, archived: 0, moved: 0 };
  for (const planned of nodes) {
    if (next.nodes[planned.flatIndex]!.kind !== 'task') continue;
    tasks[planned.status]++;
    if (planned.moved) tasks.moved++;
  }
  tasks.archived = archived.filter((n) => n.kind === 'task').length;
  return { nodes, archived, tasks };
}
