import type { TargetRule } from './completion.js';
import { clampRatio } from './schedule.js';

/**
 * 主要预期目标 are rates and levels (GDP +5%左右, unemployment 5.5%左右, CPI 2%左右, grain 1.4万亿斤),
 * not amounts that build up over the year: the figure a unit reports each period (地区生产总值
 * Q1 +5.2%) is compared with the target itself, never as a share of it on a time schedule.
 *
 * Tolerances (percentages and 个百分点/‰ are read in percentage points, other units relative
 * to the target):
 * - 左右 (~) is reached within 0.2 points (2%) on the wrong side of the target;
 * - "near" (接近) is a further 0.5 points (5%) short; beyond that the indicator is behind.
 * Higher is better unless the target caps the value (≤, 以内) or the subject is a price, an
 * unemployment rate, an intensity of energy or emissions, a deficit or a debt ratio, read as a
 * level or growth rate; then the same bands apply upwards. A range (5%—5.5%) is reached at its
 * lower bound (its upper bound for a capped subject).
 */

/** 达标 / 接近 / 未达 — how the reported figure stands against the indicator. */
export type IndicatorVerdict = 'reached' | 'near' | 'behind';

export const INDICATOR_VERDICT_ZH: Record<IndicatorVerdict, string> = {
  reached: '达标',
  near: '接近目标',
  behind: '未达目标',
};

/** An indicator's target as the judgement needs it. */
export type IndicatorRule = TargetRule & { unit?: string; subject?: string };

/** Subjects where a lower figure is the better one (as a level or growth rate). */
const LOWER_IS_BETTER =
  /失业率|价格|涨幅|CPI|通胀|能耗|排放|赤字|债务|负债|杠杆|浓度|PM2\.?5|事故|死亡率|发生率/;

/** Units read in percentage points. */
const POINT_UNITS = new Set(['%', '个百分点', '‰']);

const ABOUT_POINTS = 0.2;
const NEAR_POINTS = 0.5;
const ABOUT_SHARE = 0.02;
const NEAR_SHARE = 0.05;

/** True when a lower reported figure is better for this indicator. */
export function lowerIsBetter(rule: IndicatorRule): boolean {
  if (rule.comparator === '<=' || rule.comparator === '<') return true;
  if (rule.change === 'decrease' || rule.change === 'increase') return false;
  return LOWER_IS_BETTER.test(rule.subject ?? '');
}

function bands(rule: IndicatorRule): { about: number; near: number } {
  if (POINT_UNITS.has(rule.unit ?? '%')) return { about: ABOUT_POINTS, near: NEAR_POINTS };
  const scale = Math.abs(rule.value);
  return { about: ABOUT_SHARE * scale, near: NEAR_SHARE * scale };
}

/** The verdict on a reported figure, or null when nothing was reported. */
export function judgeIndicator(
  rule: IndicatorRule,
  actual: number | null | undefined,
): IndicatorVerdict | null {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return null;
  const { about, near } = bands(rule);
  const slack = rule.comparator === '~' ? about : 0;
  if (lowerIsBetter(rule)) {
    const bound = (rule.comparator === 'between' ? (rule.max ?? rule.value) : rule.value) + slack;
    if (actual <= bound + 1e-9) return 'reached';
    return actual <= bound + near + 1e-9 ? 'near' : 'behind';
  }
  const bound = rule.value - slack;
  if (actual >= bound - 1e-9) return 'reached';
  return actual >= bound - near - 1e-9 ? 'near' : 'behind';
}

/**
 * A completion share for roll-ups and bars: 1 once reached, else how far the figure got
 * (actual/target upwards, target/actual for a lower-is-better indicator); null when unreported.
 */
export function indicatorCompletion(rule: IndicatorRule, actual: number | null | undefined): number | null {
  const verdict = judgeIndicator(rule, actual);
  if (verdict === null || actual === null || actual === undefined) return null;
  if (verdict === 'reached') return 1;
  if (lowerIsBetter(rule)) return actual <= 0 ? 1 : clampRatio(rule.value / actual);
  return rule.value <= 0 ? 0 : clampRatio(actual / rule.value);
}
