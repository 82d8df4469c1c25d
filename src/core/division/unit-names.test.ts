import { describe, expect, it } from 'vitest';
import { abbreviates, type DirectoryUnit, resolveUnitNames } from './unit-names.js';

const unit = (
  id: number,
  name: string,
  aliases: string[] = [],
  shortName: string | null = null,
): DirectoryUnit => ({
  id,
  name,
  shortName,
  aliases,
});

const DIRECTORY = [
  unit(1, '区发展和改革委员会'),
  unit(2, '区人力资源和社会保障局'),
  unit(3, '区财政局'),
  unit(4, '区教育委员会'),
  unit(5, '区住房和城乡建设委员会'),
  unit(6, '区城市管理委员会'),
  unit(7, '区机关事务管理局', ['区机关事务局']),
  unit(8, '区卫生健康委员会', [], '区卫健委'),
];

describe('abbreviates', () => {
  it.each([
    ['区发改委', '区发展和改革委员会'],
    ['区发展改革委', '区发展和改革委员会'],
    ['区人力社保局', '区人力资源和社会保障局'],
    ['区住房城乡建设委', '区住房和城乡建设委员会'],
    ['区城管委', '区城市管理委员会'],
  ])('%s abbreviates %s', (short, long) => {
    expect(abbreviates(short, long)).toBe(true);
  });

  it.each([
    ['区财政局', '区发展和改革委员会'],
    ['市发改委', '区发展和改革委员会'],
    ['区发改局', '区发展和改革委员会'],
  ])('%s does not abbreviate %s', (short, long) => {
    expect(abbreviates(short, long)).toBe(false);
  });
});

describe('resolveUnitNames', () => {
  it('resolves names, short names, kept aliases and abbreviations; lists collectives and unknowns', () => {
    const resolved = resolveUnitNames(
      [
        '区财政局',
        '区发改委',
        '区发展改革委',
        '区人力社保局',
        '区机关事务局',
        '区卫健委',
        '各街道',
        '区数据局',
      ],
      DIRECTORY,
    );
    expect(resolved).toEqual([
      { name: '区财政局', status: 'known', unitId: 3, unitName: '区财政局', via: 'name' },
      { name: '区发改委', status: 'known', unitId: 1, unitName: '区发展和改革委员会', via: 'abbreviation' },
      {
        name: '区发展改革委',
        status: 'known',
        unitId: 1,
        unitName: '区发展和改革委员会',
        via: 'abbreviation',
      },
      {
        name: '区人力社保局',
        status: 'known',
        unitId: 2,
        unitName: '区人力资源和社会保障局',
        via: 'abbreviation',
      },
      { name: '区机关事务局', status: 'known', unitId: 7, unitName: '区机关事务管理局', via: 'alias' },
      { name: '区卫健委', status: 'known', unitId: 8, unitName: '区卫生健康委员会', via: 'alias' },
      { name: '各街道', status: 'collective', unitId: null },
      { name: '区数据局', status: 'unknown', candidates: [] },
    ]);
  });

  it('does not pick one of several units a short name could abbreviate', () => {
    const [result] = resolveUnitNames(['区建委'], [unit(1, '区建设委员会'), unit(2, '区建筑业管理委员会')]);
    expect(result).toMatchObject({ status: 'unknown', candidates: [{ id: 1 }, { id: 2 }] });
  });
});
