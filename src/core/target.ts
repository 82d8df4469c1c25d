import type { Span } from './report-tree.js';

/** How a reported value is compared with the promised one. */
export type Comparator = '=' | '>=' | '<=' | '>' | '<' | '~' | 'between';

/** The sign written before a target's number for each comparator: "≥6500", "约30"; none for = and ranges. */
export const COMPARATOR_SIGN: Readonly<Record<Comparator, string>> = {
  '=': '',
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '~': '约',
  between: '',
};

/** Whether the number is a level, an increment, a decrease or a growth rate. */
export type TargetChange = 'increase' | 'decrease' | 'growth-rate' | 'level';

/** 量化目标 — one quantitative target found in a task sentence. */
export interface Target {
  value: number;
  /** Upper bound, for `between` ranges ("3至5个", "6%－6.5%"). */
  max?: number;
  /** One normalised Chinese spelling: 平方米, 个, 人, 元, %, ‰, 微克/立方米 … */
  unit: string;
  comparator: Comparator;
  change: TargetChange;
  /** The thing measured, a short phrase from the sentence ("中小学学位"). */
  subject: string;
  /** The matched text in the sentence. */
  text: string;
  /** Offsets of `text` within the analysed sentence. */
  span: Span;
}

/** 完成时限 — a deadline stated in the task. */
export interface Deadline {
  /** Source text, e.g. "6月底前", "三季度", "年底前". */
  text: string;
  /** Normalised last day (YYYY-MM-DD) where it resolves to a date. */
  date?: string;
  /** Normalised quarter ("2026-Q3") where the text names a quarter. */
  quarter?: string;
  span: Span;
}

/** The kind of commitment a task makes, from its verbs. */
export type Commitment = 'complete' | 'start' | 'advance' | 'strive' | 'ensure';

export interface TaskAnalysis {
  targets: Target[];
  deadline: Deadline | null;
  commitment: Commitment | null;
}
