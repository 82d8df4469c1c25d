import type { TaskAnalysis } from '../target.js';
import { detectCommitment } from './commitment.js';
import { findDeadline } from './deadlines.js';
import { toHalfWidth } from './numerals.js';
import { extractTargets } from './targets.js';

export { detectChange } from './change.js';
export { detectCommitment } from './commitment.js';
export { readComparatorPrefix, readComparatorSuffix } from './comparators.js';
export { findDeadline, findDeadlines } from './deadlines.js';
export { quotedRanges } from './identifiers.js';
export { parseChineseNumber, toHalfWidth } from './numerals.js';
export { scanQuantities } from './quantities.js';
export { findSubject } from './subject.js';
export { extractTargets } from './targets.js';
export { normalizeUnit, readUnit, UNIT_LEXICON, type UnitKind } from './units.js';

/** Where a task sits, which sharpens how it is read. */
export interface TaskContext {
  /**
   * The report's year: 年底前 in a 2026 report is 2026-12-31. The caller decides it (the report's
   * stated year, or at the edge the clock's), so reading stays deterministic.
   */
  year: number;
  /** The section kind (review, tasks …) of the task. */
  sectionKind?: string;
  /** The title of the work area the task belongs to. */
  areaTitle?: string;
}

/**
 * Reads one task sentence: its quantitative targets (value, unit, comparator, change, subject,
 * span), its deadline and its commitment type. Pure and deterministic for a given context year;
 * one linear pass, so it runs at tens of megabytes per second.
 */
export function analyzeTask(sentence: string, context: TaskContext): TaskAnalysis {
  const text = toHalfWidth(sentence);
  const { year } = context;
  return {
    targets: extractTargets(text, sentence),
    deadline: findDeadline(sentence, year, text),
    commitment: detectCommitment(text),
  };
}

/**
 * The targets and the deadline of one task sentence, as `analyzeTask` reads them, without the
 * commitment: for callers that print only these (`luoshi extract --lines`), which saves a scan
 * of every sentence for verbs.
 */
export function findTargetsAndDeadline(
  sentence: string,
  context: TaskContext,
): Pick<TaskAnalysis, 'targets' | 'deadline'> {
  const text = toHalfWidth(sentence);
  return {
    targets: extractTargets(text, sentence),
    deadline: findDeadline(sentence, context.year, text),
  };
}
