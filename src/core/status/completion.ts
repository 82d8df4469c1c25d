import type { Target } from '../target.js';
import { clampRatio } from './schedule.js';

/** The parts of a target the status engine needs. */
export type TargetRule = Pick<Target, 'value' | 'comparator' | 'change'> & { max?: number };

/** True for targets that cap a value (城镇调查失业率控制在5%以内): met while the value stays under. */
export function isUpperBound(target: TargetRule): boolean {
  return target.comparator === '<=' || target.comparator === '<';
}

/**
 * Completion of one target given the achieved value, in [0, 1]; null when nothing was reported.
 * Increments and levels: achieved / target. Upper bounds: 1 while within the bound, else
 * bound / achieved. Ranges count as reached at their lower end. A zero target is met or not.
 */
export function targetCompletion(target: TargetRule, achieved: number | null | undefined): number | null {
  if (achieved === null || achieved === undefined || !Number.isFinite(achieved)) return null;
  const bound = target.value;
  if (isUpperBound(target)) {
    // Reported figures are rounded, so a value at a strict bound ("低于5%") counts as kept.
    if (achieved <= bound) return 1;
    if (bound <= 0 || achieved <= 0) return 0;
    return clampRatio(bound / achieved);
  }
  if (bound === 0) {
    const reached = target.comparator === '>' ? achieved > 0 : achieved >= 0;
    return reached ? 1 : 0;
  }
  if (bound < 0) {
    // A negative level (e.g. a growth rate of -2% allowed): reaching it means not going below.
    return achieved >= bound ? 1 : 0;
  }
  return clampRatio(achieved / bound);
}
