import type {
  AreaNode,
  MeasureNode,
  ReportMeta,
  ReportTree,
  SectionNode,
  Span,
  TaskNode,
} from './report-tree.js';

/** A heading as written: its label (一、, （一）) if it has one, its title and the span of its words. */
export interface WrittenHeading {
  label?: string;
  title: string;
  titleSpan: Span;
}

/**
 * Writes the text of a report tree front to back for a tree that is built rather than parsed (a
 * 分工方案 taken as the plan, a test outline): every piece appended gets its span, and every area
 * and measure spans what was written from its start up to where the text has got to. The tree has
 * one tasks section that spans everything after the title line.
 */
export class ReportTreeWriter {
  #text: string;
  readonly #sectionStart: number;

  constructor(title: string) {
    this.#text = `${title}\n`;
    this.#sectionStart = this.#text.length;
  }

  /** Where the next piece starts. */
  get offset(): number {
    return this.#text.length;
  }

  /** Appends a piece of text and returns its span. */
  append(piece: string): Span {
    const start = this.#text.length;
    this.#text += piece;
    return [start, this.#text.length];
  }

  /** A task whose sentence is appended now. */
  task(sentence: string): TaskNode {
    return { kind: 'task', text: sentence, span: this.append(sentence) };
  }

  /** A measure whose heading and tasks were written from `start` up to here. */
  measure(start: number, heading: WrittenHeading, tasks: TaskNode[]): MeasureNode {
    return {
      kind: 'measure',
      ...(heading.label ? { label: heading.label } : {}),
      title: heading.title,
      span: [start, this.#text.length],
      titleSpan: heading.titleSpan,
      tasks,
    };
  }

  /** A work area whose heading, measures and tasks were written from `start` up to here. */
  area(start: number, heading: WrittenHeading, measures: MeasureNode[], tasks: TaskNode[]): AreaNode {
    return {
      kind: 'area',
      ...(heading.label ? { label: heading.label } : {}),
      title: heading.title,
      span: [start, this.#text.length],
      titleSpan: heading.titleSpan,
      measures,
      tasks,
    };
  }

  /** The finished tree: the text written, and one tasks section titled `sectionTitle` holding `areas`. */
  finish(meta: ReportMeta, sectionTitle: string, areas: AreaNode[]): ReportTree {
    const section: SectionNode = {
      kind: 'tasks',
      title: sectionTitle,
      span: [this.#sectionStart, this.#text.length],
      areas,
      paragraphs: [],
    };
    return { text: this.#text, meta, sections: [section], areas };
  }
}
