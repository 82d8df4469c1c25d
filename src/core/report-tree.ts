/**
 * The structure of a government work report (政府工作报告) as luoshi tracks it.
 * Offsets in every `Span` index into the *normalised* text (`ReportTree.text`).
 */

/** Half-open [start, end) offsets in UTF-16 code units into the normalised text. */
export type Span = readonly [start: number, end: number];

/** Top-level section kinds of a report. */
export type SectionKind =
  | 'review' // 工作回顾: the past year's work
  | 'requirements' // 总体要求, 政策取向, 主要预期目标
  | 'plan' // “十五五”时期主要目标任务: the five-year plan's goals and tasks, never this year's areas
  | 'tasks' // 政府工作任务, 重点工作: this year's work
  | 'self-building' // 政府自身建设
  | 'appendix' // 附件, 名词解释
  | 'indicators' // 主要预期目标 as stored and shown: the block made from ReportTree.indicators
  | 'other'; // greetings (各位代表！), closing

export interface ReportMeta {
  title: string;
  year?: number;
  /** The government that issues the report, e.g. 北京市, 广东省, 国务院. */
  place?: string;
  speaker?: string;
  /** The speaker's office as the header gives it, e.g. 国务院总理, 北京市市长. */
  speakerTitle?: string;
  /** ISO date (YYYY-MM-DD) of delivery where the text gives it. */
  date?: string;
  /** Trailing attribution such as "(陈施君/整理)" or a newspaper source line. */
  attribution?: string;
  /** Publication the text was taken from ("来源：北京日报" → 北京日报). */
  source?: string;
  /** ISO date of publication ("时间：2026-02-02"), distinct from the delivery date. */
  publishedDate?: string;
}

/** 任务 — one trackable sentence or bullet. */
export interface TaskNode {
  kind: 'task';
  /** Original numbering label ("1.", "（1）", "①", "-", "*") or undefined for a sentence. */
  label?: string;
  text: string;
  span: Span;
}

/** 举措 — a measure: a bullet heading or a paragraph's topic sentence. */
export interface MeasureNode {
  kind: 'measure';
  label?: string;
  title: string;
  span: Span;
  titleSpan: Span;
  tasks: TaskNode[];
}

/** 工作领域 — a work area such as "一、坚持以副辅主，高水平推进城市建设". */
export interface AreaNode {
  kind: 'area';
  /** "一、", "（一）", "1." … */
  label?: string;
  /** Title without its numbering label. */
  title: string;
  span: Span;
  titleSpan: Span;
  /** Text after the heading sentence and before the first measure (context, not a task). */
  preamble?: { text: string; span: Span };
  measures: MeasureNode[];
  /** Tasks directly under the area (not inside a measure). */
  tasks: TaskNode[];
  /**
   * A closing paragraph of pure exhortation ("让…更加…", "奋力谱写…"): part of the area's text,
   * neither a measure nor a task.
   */
  closing?: { text: string; span: Span };
  /**
   * Sentences of pure exhortation standing among the area's tasks ("我们坚信，…一定能…"): part of the
   * area's text, neither a measure nor a task.
   */
  asides?: { text: string; span: Span }[];
  /** 政府自身建设 — the government's own conduct, written as the last numbered area. */
  selfBuilding?: true;
  /**
   * 其他工作 — unnumbered task paragraphs after the last numbered area (国防, 民族, 双拥, 港澳台…),
   * gathered into one area so none of them is lost.
   */
  unnumbered?: true;
}

export interface SectionNode {
  kind: SectionKind;
  label?: string;
  title: string;
  span: Span;
  /** Work areas, for the `tasks` section (and `self-building` where it holds tasks). */
  areas: AreaNode[];
  /** Free paragraphs of the section (requirements text, review paragraphs…), each with its span. */
  paragraphs: { text: string; span: Span }[];
  /**
   * In a tasks section that opens with the year's general requirements and main targets
   * ("今年工作总的要求是：…", "主要预期目标是：…") before its work areas: those paragraphs (the same
   * objects as in `paragraphs`). National reports give these a `requirements` section instead.
   */
  requirements?: { text: string; span: Span }[];
}

/**
 * 主要预期目标 — this year's headline indicators (GDP growth, new urban jobs, unemployment, CPI…),
 * one task per indicator clause, tracked like any other task.
 */
export interface IndicatorsNode {
  /** How the text introduces them ("主要预期目标"). */
  title: string;
  span: Span;
  tasks: TaskNode[];
}

export interface ReportTree {
  /** The normalised text every span points into. */
  text: string;
  meta: ReportMeta;
  sections: SectionNode[];
  /** The work areas of the tasks part, in order (the same objects as inside the sections). */
  areas: AreaNode[];
  /** The year's 主要预期目标, absent when the report states none. */
  indicators?: IndicatorsNode;
}
