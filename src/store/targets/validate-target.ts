import { badInput } from '../../core/errors.js';
import type { Comparator, TargetChange } from '../../core/target.js';

export const COMPARATORS: readonly Comparator[] = ['=', '>=', '<=', '>', '<', '~', 'between'];
export const TARGET_CHANGES: readonly TargetChange[] = ['increase', 'decrease', 'growth-rate', 'level'];

/** The fields of a target a person may edit. */
export interface TargetFields {
  value: number;
  max: number | null;
  unit: string;
  comparator: Comparator;
  change: TargetChange;
  subject: string;
}

/** Refuses a target that would be meaningless (non-finite value, unknown comparator, range without max…). */
export function validateTargetFields(fields: Partial<TargetFields>): void {
  const problems: string[] = [];
  if (fields.value !== undefined && !Number.isFinite(fields.value))
    problems.push('value must be a finite number');
  if (fields.max !== undefined && fields.max !== null && !Number.isFinite(fields.max))
    problems.push('max must be a finite number or null');
  if (fields.comparator !== undefined && !COMPARATORS.includes(fields.comparator))
    problems.push(`comparator must be one of ${COMPARATORS.join(' ')}`);
  if (fields.change !== undefined && !TARGET_CHANGES.includes(fields.change))
    problems.push(`change must be one of ${TARGET_CHANGES.join(', ')}`);
  if (fields.unit !== undefined && fields.unit.trim() === '') problems.push('unit must not be empty');
  if (fields.comparator === 'between' && (fields.max === null || fields.max === undefined))
    problems.push('a between target needs max');
  if (problems.length > 0) {
    throw badInput('invalid_target', `Invalid target: ${problems.join('; ')}`, '量化目标不合法', {
      problems,
    });
  }
}
