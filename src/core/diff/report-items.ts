import type { ReportTree, Span } from '../report-tree.js';

/** What part of the report an item comes from. */
export type ItemKind = 'requirement' | 'measure' | 'task';

/** One comparable unit of a report: a task, a measure heading, or a clause of the general requirements. */
export interface ReportItem {
  kind: ItemKind;
  text: string;
  span: Span;
  /** Index into `ReportTree.areas`; -1 for the general requirements (总体要求, 主要预期目标). */
  areaIndex: number;
  /** Title of the measure the task sits in, where it has one. */
  measure?: string;
  label?: string;
}

/** Clause ends inside requirement paragraphs: the 主要预期目标 sentence lists its targets between "；". */
const CLAUSE_END = /[。！？；]/g;

/** Split a paragraph into clauses, keeping each clause's offsets in the report text. */
export function splitClauses(text: string, offset: number): { text: string; span: Span }[] {
  const clauses: { text: string; span: Span }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const clause = raw.trim();
    if (clause.length > 0) {
      clauses.push({ text: clause, span: [offset + start + lead, offset + start + lead + clause.length] });
    }
  };
  for (const match of text.matchAll(CLAUSE_END)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return clauses;
}

/** Flatten a report into the items a diff compares, in reading order. */
export function collectItems(tree: ReportTree): ReportItem[] {
  const items: ReportItem[] = [];
  for (const section of tree.sections) {
    // Free paragraphs of the tasks part hold the same kind of text when a report has no separate
    // requirements section (national 2023: 主要预期目标 opens "对今年政府工作的建议").
    if (section.kind !== 'requirements' && section.kind !== 'tasks') continue;
    for (const paragraph of section.paragraphs) {
      for (const clause of splitClauses(paragraph.text, paragraph.span[0])) {
        items.push({ kind: 'requirement', text: clause.text, span: clause.span, areaIndex: -1 });
      }
    }
  }
  tree.areas.forEach((area, areaIndex) => {
    for (const task of area.tasks) {
      items.push({ kind: 'task', text: task.text, span: task.span, areaIndex, ...labelOf(task.label) });
    }
    for (const measure of area.measures) {
      items.push({
        kind: 'measure',
        text: measure.title,
        span: measure.titleSpan,
        areaIndex,
        ...labelOf(measure.label),
      });
      for (const task of measure.tasks) {
        items.push({
          kind: 'task',
          text: task.text,
          span: task.span,
          areaIndex,
          measure: measure.title,
          ...labelOf(task.label),
        });
      }
    }
  });
  // Tasks directly under an area may sit before or after its measures; reading order is span order.
  return items.sort((a, b) => a.span[0] - b.span[0]);
}

function labelOf(label: string | undefined): { label?: string } {
  return label === undefined ? {} : { label };
}
