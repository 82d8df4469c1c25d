import type { TargetChange } from '../target.js';
import type { UnitKind } from './units.js';

/**
 * Whether a number is an increment (新增 6500 个), a decrease (下降 3%), a growth rate (增长 5%)
 * or a level (控制在 5% 以内). The verb nearest before the number in its clause decides.
 */

// Order matters: "提高到" (a level) must win over "提高" (an increment) at the same place.
const VERBS =
  /(提高到|提高至|提升到|提升至|增加到|增加至|增至|上升到|上升至|扩大到|扩大至|跃升到|跃升至|降至|降到|下降到|下降至|减少到|减少至|缩小到|缩小至|缩减到|缩减至|压缩到|压缩至|缩至|调整到|调整至|调整为|延长到|延长至|缩短到|缩短至|稳定在|保持在|控制在|达到)|(年均增长|增长|增速|增幅|涨幅|上涨)|(新增|新建|增加(?!值)|增补|扩增|净增|新设|新开工|新认定|新培育|新引进|新筹建|增设|新开|新改建|新开发|提高|提升|上升|扩大|再增加)|(下降|降低|压减|减少|削减|缩减|精简|压缩|减排|下调|缩小|降幅|减轻|减负|淘汰|压降)/g;

/**
 * The change a clause expresses for a number that follows `clauseBefore` (the clause text up
 * to the number). `kind` is the unit kind: a growth verb with a rate (增长 5%) is a growth rate,
 * with an amount (比上年增长 1000 亿元) an increment.
 */
export function detectChange(clauseBefore: string, kind: UnitKind | null): TargetChange {
  VERBS.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let match = VERBS.exec(clauseBefore); match !== null; match = VERBS.exec(clauseBefore)) {
    last = match;
  }
  if (last === null) return 'level';
  if (last[1] !== undefined) return 'level';
  if (last[2] !== undefined) return kind === 'percent' || kind === 'ratio' ? 'growth-rate' : 'increase';
  if (last[3] !== undefined) return 'increase';
  return 'decrease';
}
