import type { Target } from '../target.js';

/** Whether a promised target was delivered, by what the next year's review says. */
export type PromiseVerdict = 'met' | 'not-met' | 'not-reported';

/**
 * Indicators where a smaller number is the better outcome. Their "左右" targets are ceilings
 * (a CPI rise of "3%左右" is met by 0.2%, an unemployment rate of "5.5%左右" by 5.1%).
 */
const LOWER_IS_BETTER = /失业率|涨幅|物价|价格|赤字率|浓度|杠杆率|事故|死亡|能耗(?!降)|排放量?(?!降|减)/;

/** How far below an "about" (左右) target a result may fall and still count as met. */
const ABOUT_TOLERANCE = 0.05;

/**
 * Judge one promised target against the value a review reports for it. Increments and levels
 * are met when reached, ceilings when not exceeded, "about" targets within a small tolerance,
 * and a promised decrease is met by an equal or larger decrease.
 */
export function judgePromise(promised: Target, achieved: Target): Exclude<PromiseVerdict, 'not-reported'> {
  const actual = achieved.value;
  const floor = promised.value;
  const ceiling = promised.comparator === 'between' ? (promised.max ?? promised.value) : promised.value;
  const lowerIsBetter = promised.change !== 'decrease' && LOWER_IS_BETTER.test(promised.subject);
  const epsilon = 1e-9 * Math.max(1, Math.abs(floor));

  if (promised.comparator === '<=' || promised.comparator === '<' || lowerIsBetter) {
    const limit = promised.comparator === '~' ? ceiling * (1 + ABOUT_TOLERANCE) : ceiling;
    const within = promised.comparator === '<' ? actual < limit : actual <= limit + epsilon;
    return within ? 'met' : 'not-met';
  }
  if (promised.comparator === '~')
    return actual >= floor * (1 - ABOUT_TOLERANCE) - epsilon ? 'met' : 'not-met';
  if (promised.comparator === '>') return actual > floor ? 'met' : 'not-met';
  return actual >= floor - epsilon ? 'met' : 'not-met';
}
