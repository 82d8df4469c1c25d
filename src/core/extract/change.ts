import type { TargetChange } from '../target.js';
import type { UnitKind } from './units.js';
import { WordSet } from './word-set.js';

/**
 * Whether a number is an increment (新增 6500 个), a decrease (下降 3%), a growth rate (增长 5%)
 * or a level (控制在 5% 以内). The verb nearest before the number in its clause decides.
 */

const LEVEL_VERBS = [
  ...[
    '提高',
    '提升',
    '增加',
    '上升',
    '扩大',
    '跃升',
    '下降',
    '减少',
    '缩小',
    '缩减',
    '压缩',
    '调整',
    '延长',
    '缩短',
  ].flatMap((verb) => [`${verb}到`, `${verb}至`]),
  ...['增至', '降至', '降到', '缩至', '调整为', '稳定在', '保持在', '控制在', '达到'],
];
const GROWTH_VERBS = ['年均增长', '增长', '增速', '增幅', '涨幅', '上涨'];
const INCREASE_VERBS = [
  ...[
    '新增',
    '新建',
    '增加',
    '增补',
    '扩增',
    '净增',
    '新设',
    '新开工',
    '新认定',
    '新培育',
    '新引进',
    '新筹建',
  ],
  ...['增设', '新开', '新改建', '新开发', '提高', '提升', '上升', '扩大', '再增加'],
];
const DECREASE_VERBS = [
  ...['下降', '降低', '压减', '减少', '削减', '缩减', '精简', '压缩', '减排', '下调', '缩小', '降幅'],
  ...['减轻', '减负', '淘汰', '压降'],
];
/** Words that contain a verb but are nouns: 增加值 (value added). */
const NOT_VERBS = ['增加值', '新增长点'];

const CATEGORY = new Map<string, TargetChange | null>([
  ...INCREASE_VERBS.map((w): [string, TargetChange] => [w, 'increase']),
  ...DECREASE_VERBS.map((w): [string, TargetChange] => [w, 'decrease']),
  ...GROWTH_VERBS.map((w): [string, TargetChange] => [w, 'growth-rate']),
  ...LEVEL_VERBS.map((w): [string, TargetChange] => [w, 'level']),
  ...NOT_VERBS.map((w): [string, null] => [w, null]),
]);
const VERBS = new WordSet(CATEGORY.keys());

/**
 * The change a clause expresses for a number that follows `clauseBefore` (the clause text up
 * to the number): the last verb before it decides, the longest spelling winning ("提高到" is a
 * level, "提高" an increment). `kind` is the unit kind: a growth verb with a rate (增长 5%) is a
 * growth rate, with an amount (比上年增长 1000 亿元) an increment.
 */
export function detectChange(clauseBefore: string, kind: UnitKind | null): TargetChange {
  let change: TargetChange = 'level';
  for (let i = 0; i < clauseBefore.length; ) {
    const word = VERBS.at(clauseBefore, i);
    if (word === null) {
      i++;
      continue;
    }
    change = CATEGORY.get(word) ?? change;
    i += word.length;
  }
  if (change === 'growth-rate' && kind !== 'percent' && kind !== 'ratio') return 'increase';
  return change;
}
