import { describe, expect, it } from 'vitest';
import { formatReportedValue, formatTarget } from './target-format.js';

describe('target and reported figures in one scale', () => {
  const area = { value: 250000, unit: '平方米', comparator: '=' as const };

  it('prints a target in 万 where Chinese publications do', () => {
    expect(formatTarget(area)).toEqual({ prefix: '', number: '25', unit: '万平方米' });
  });

  it("prints a reported figure in its target's scale, so the two read side by side", () => {
    expect(formatReportedValue(area, 125000)).toBe('12.5万平方米');
    expect(formatReportedValue({ value: 5, unit: '%' }, 5.2)).toBe('5.2%');
    expect(formatReportedValue({ value: 6500, unit: '个' }, 3900)).toBe('3900个');
  });
});
