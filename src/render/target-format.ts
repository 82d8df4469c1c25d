import { COMPARATOR_SIGN, type Target } from '../core/target.js';

/** A target as a big number: "≥" "1.5" "万人". */
export interface FormattedTarget {
  /** Comparator sign shown before the number ("≥", "≤", "约") or "". */
  prefix: string;
  number: string;
  unit: string;
}

/** Up to two decimals, no trailing zeros: 1.50 → "1.5", 6500 → "6500". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The 万/亿/万亿 scale a target prints in: 250000 平方米 → 万, 5 % → none. */
function targetScale(target: Pick<Target, 'value' | 'max' | 'unit'>): { scale: number; name: string } {
  const percent = target.unit === '%' || target.unit === '‰';
  const top = Math.max(target.value, target.max ?? 0);
  if (!percent && !/^[万亿]/u.test(target.unit)) {
    if (top >= 1e12 && target.value % 1e10 === 0) return { scale: 1e12, name: '万亿' };
    if (top >= 1e8 && target.value % 1e6 === 0) return { scale: 1e8, name: '亿' };
    if (top >= 1e4 && target.value % 100 === 0) return { scale: 1e4, name: '万' };
  }
  return { scale: 1, name: '' };
}

/**
 * Formats a target the way Chinese publications print figures: 15000 人 → "1.5 万人",
 * 250000 平方米 → "25 万平方米", 5 % → "5 %". Ranges print as "3-5".
 */
export function formatTarget(target: Pick<Target, 'value' | 'max' | 'unit' | 'comparator'>): FormattedTarget {
  const prefix = COMPARATOR_SIGN[target.comparator];
  const { scale, name } = targetScale(target);
  const low = formatNumber(target.value / scale);
  const number = target.max === undefined ? low : `${low}-${formatNumber(target.max / scale)}`;
  return { prefix, number, unit: `${name}${target.unit}` };
}

/**
 * A reported figure in its target's scale, so it reads beside the target: 125000 平方米 against
 * 25 万平方米 prints "12.5万平方米".
 */
export function formatReportedValue(target: Pick<Target, 'value' | 'max' | 'unit'>, value: number): string {
  const { scale, name } = targetScale(target);
  return `${formatNumber(value / scale)}${name}${target.unit}`;
}

/** Chinese ordinal numerals for area labels: 1 → "一", 12 → "十二". */
export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : (digits[n] ?? String(n));
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (digits[n % 10] ?? '')}`;
  return String(n);
}
