import { describe, expect, it } from 'vitest';
import type { Target } from '../api/types.js';
import { achievedFigures } from './tree-stats.js';

const target = (id: number, fields: Partial<Target>): Target => ({
  id,
  version: 1,
  value: 0,
  max: null,
  unit: '',
  comparator: '>=',
  change: 'increase',
  subject: '',
  text: '',
  source: 'extracted',
  achieved: null,
  completion: null,
  ...fields,
});

describe('achievedFigures (the ledger’s 最新进展)', () => {
  it('writes each reported figure in its target’s scale, and leaves out targets with none', () => {
    const figures = achievedFigures([
      target(1, { subject: '新建改造城市道路', unit: '平方米', value: 250_000, achieved: 125_000 }),
      target(2, { subject: '中小学学位', unit: '个', value: 6500, achieved: 3250 }),
      target(3, { subject: '保障性租赁住房', unit: '套', value: 2000, achieved: null }),
    ]);
    expect(figures).toEqual([
      { targetId: 1, text: '新建改造城市道路 12.5万平方米' },
      { targetId: 2, text: '中小学学位 3250个' },
    ]);
  });
});
