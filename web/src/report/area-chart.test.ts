import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../api/types.js';
import { areaBars, areaShortName } from './area-chart.js';

type Area = Dashboard['areas'][number];

const area = (
  id: number,
  label: string,
  title: string,
  total: number,
  completion: number | null,
  expected: number,
) =>
  ({
    id,
    label,
    title,
    status: { total, completion, expected, class: 'on_track', light: 'green' },
  }) as unknown as Area;

describe('各领域进度 chart', () => {
  it('names each area by its number and topic, not by the number alone', () => {
    expect(areaShortName({ label: '一、', title: '坚持以副辅主,高水平推进城市建设' })).toBe(
      '一、高水平推进城市建设',
    );
    expect(areaShortName({ label: '二', title: '坚持以新赋能，高质量推进经济发展' })).toBe(
      '二、高质量推进经济发展',
    );
    expect(areaShortName({ label: null, title: '政府自身建设' })).toBe('政府自身建设');
  });

  it('draws no bar and no 序时进度 point for areas without the reader’s tasks', () => {
    const bars = areaBars([
      area(1, '一、', '甲领域', 0, null, 0),
      area(2, '二、', '乙领域', 3, 0.5, 0.93),
      area(3, '三、', '丙领域', 0, null, 0),
      area(4, '四、', '丁领域', 2, null, 0.93),
    ]);
    expect(bars.map((b) => b.expected)).toEqual([null, 93, null, 93]);
    expect(bars.map((b) => b.completion)).toEqual([null, 50, null, 0]);
    expect(bars.map((b) => b.empty)).toEqual([true, false, true, false]);
  });
});
