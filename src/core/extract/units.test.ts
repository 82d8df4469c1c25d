import { describe, expect, it } from 'vitest';
import { normalizeUnit, readUnit, UNIT_LEXICON } from './units.js';

describe('unit lexicon', () => {
  it.each([
    ['％', '%'],
    ['㎡', '平方米'],
    ['平米', '平方米'],
    ['千米', '公里'],
    ['km', '公里'],
    ['平方千米', '平方公里'],
    ['公斤', '千克'],
    ['标准箱', '标箱'],
    ['TEU', '标箱'],
    ['微克每立方米', '微克/立方米'],
    ['周岁', '岁'],
    ['百分点', '个百分点'],
    ['元人民币', '元'],
    ['港币', '港元'],
    ['吨标煤', '吨标准煤'],
  ])('normalises %s to %s', (surface, unit) => {
    expect(normalizeUnit(surface)).toBe(unit);
  });

  it('reads the longest spelling first', () => {
    expect(readUnit('千瓦时。', 0, true)?.unit).toBe('千瓦时');
    expect(readUnit('人次，', 0, true)?.unit).toBe('人次');
    expect(readUnit('个百分点', 0, true)?.unit).toBe('个百分点');
    expect(readUnit('个工作日以内', 0, true)?.unit).toBe('个工作日');
  });

  it('reads rate units with a denominator', () => {
    expect(readUnit('吨/日', 0, true)).toEqual({ unit: '吨/日', kind: 'measure', end: 3 });
    expect(readUnit('元/人左右', 0, true)?.unit).toBe('元/人');
    expect(readUnit('立方米/秒', 0, true)?.unit).toBe('立方米/秒');
  });

  it('does not read the first character of another word as a unit', () => {
    expect(readUnit('人口大国', 0, true)).toBeNull();
    expect(readUnit('项目', 0, true)).toBeNull();
    expect(readUnit('台湾', 0, true)).toBeNull();
    expect(readUnit('张家湾', 0, true)).toBeNull();
    expect(readUnit('张家庭养老床位', 0, true)?.unit).toBe('张');
  });

  it('counts 期 only after Arabic digits (二期 is a project phase)', () => {
    expect(readUnit('期', 0, true)?.unit).toBe('期');
    expect(readUnit('期', 0, false)).toBeNull();
  });

  it('gives every entry a kind and a one-spelling unit', () => {
    for (const entry of UNIT_LEXICON) {
      expect(entry.unit.length).toBeGreaterThan(0);
      expect(['count', 'measure', 'money', 'percent', 'ratio', 'duration', 'age']).toContain(entry.kind);
    }
  });
});
