import type { AreaNode, MeasureNode, ReportTree, SectionNode, Span, TaskNode } from '../report-tree.js';

/** Title of the stored block (section and area) of the year's 主要预期目标. */
export const INDICATORS_TITLE = '主要预期目标';

/** One node of a report tree in reading order, with its parent by index. */
export interface FlatNode {
  kind: 'section' | 'area' | 'measure' | 'task';
  /** Index of the parent in the flat list, or -1 at the top. */
  parent: number;
  /** Position among its siblings, from 0. */
  ordinal: number;
  /** Depth from 0 (sections) to 3 (tasks in a measure). */
  depth: number;
  sectionKind: SectionNode['kind'] | null;
  label: string | null;
  /** Heading for sections, areas and measures; the sentence for tasks. */
  title: string;
  span: Span;
  /** The tree object itself (tasks are looked up by identity, e.g. for their analysis). */
  source: SectionNode | AreaNode | MeasureNode | TaskNode;
}

/** The flattened tree plus the index of every task, in reading order. */
export interface FlatTree {
  nodes: FlatNode[];
  /** Indexes into `nodes` of every task, in reading order (the order analyses are given in). */
  tasks: number[];
}

type AreaChild = MeasureNode | TaskNode;

/**
 * Flattens a report tree into pre-order: the 主要预期目标 block first (section `indicators` →
 * one area → its tasks), then sections → areas → measures and direct tasks (in text
 * order) → tasks. Areas listed in `tree.areas` but in no section come last, at the top level.
 */
export function flattenTree(tree: ReportTree): FlatTree {
  const nodes: FlatNode[] = [];
  const tasks: number[] = [];
  const push = (node: Omit<FlatNode, 'ordinal'>, siblings: { count: number }): number => {
    nodes.push({ ...node, ordinal: siblings.count++ });
    if (node.kind === 'task') tasks.push(nodes.length - 1);
    return nodes.length - 1;
  };
  const pushTask = (task: TaskNode, parent: number, depth: number, siblings: { count: number }) =>
    push(
      {
        kind: 'task',
        parent,
        depth,
        sectionKind: null,
        label: task.label ?? null,
        title: task.text,
        span: task.span,
        source: task,
      },
      siblings,
    );
  const pushArea = (area: AreaNode, parent: number, depth: number, siblings: { count: number }) => {
    const index = push(
      {
        kind: 'area',
        parent,
        depth,
        sectionKind: null,
        label: area.label ?? null,
        title: area.title,
        span: area.span,
        source: area,
      },
      siblings,
    );
    const children: AreaChild[] = [...area.measures, ...area.tasks].sort((a, b) => a.span[0] - b.span[0]);
    const inArea = { count: 0 };
    for (const child of children) {
      if (child.kind === 'task') {
        pushTask(child, index, depth + 1, inArea);
        continue;
      }
      const measure = push(
        {
          kind: 'measure',
          parent: index,
          depth: depth + 1,
          sectionKind: null,
          label: child.label ?? null,
          title: child.title,
          span: child.span,
          source: child,
        },
        inArea,
      );
      const inMeasure = { count: 0 };
      for (const task of child.tasks) pushTask(task, measure, depth + 2, inMeasure);
    }
  };

  const top = { count: 0 };
  // 主要预期目标 first: a section of kind `indicators` holding one area whose tasks are the clauses.
  const indicators = tree.indicators;
  if (indicators && indicators.tasks.length > 0) {
    const area: AreaNode = {
      kind: 'area',
      title: INDICATORS_TITLE,
      span: indicators.span,
      titleSpan: indicators.span,
      measures: [],
      tasks: indicators.tasks,
    };
    const section: SectionNode = {
      kind: 'indicators',
      title: INDICATORS_TITLE,
      span: indicators.span,
      areas: [area],
      paragraphs: [],
    };
    const index = push(
      {
        kind: 'section',
        parent: -1,
        depth: 0,
        sectionKind: 'indicators',
        label: null,
        title: section.title,
        span: section.span,
        source: section,
      },
      top,
    );
    pushArea(area, index, 1, { count: 0 });
  }
  const seenAreas = new Set<AreaNode>();
  for (const section of tree.sections) {
    const index = push(
      {
        kind: 'section',
        parent: -1,
        depth: 0,
        sectionKind: section.kind,
        label: section.label ?? null,
        title: section.title,
        span: section.span,
        source: section,
      },
      top,
    );
    const inSection = { count: 0 };
    for (const area of section.areas) {
      seenAreas.add(area);
      pushArea(area, index, 1, inSection);
    }
  }
  for (const area of tree.areas) if (!seenAreas.has(area)) pushArea(area, -1, 0, top);
  return { nodes, tasks };
}
