import type { Target, TaskAnalysis } from '../target.js';

const UNITS = ['万人', '个', '条', '%', '万亿斤', '场', '公里'];
const SCALE: Record<string, [number, string]> = { 万人: [1e4, '人'], 万亿斤: [1e12, '斤'] };

/**
 * A deliberately tiny target reader for hand-made test sentences ("新增中小学学位6500个",
 * "城镇新增就业1200万人以上"), so the diff and promise code can be tested apart from the real
 * extractor. The subject is the run of characters before the number, after the last comma or verb.
 */
export function sketchAnalyze(sentence: string): TaskAnalysis {
  const targets: Target[] = [];
  const pattern = new RegExp(`(\\d+(?:\\.\\d+)?)(${UNITS.join('|')})(以上|左右|以内)?`, 'g');
  for (const match of sentence.matchAll(pattern)) {
    const before =
      sentence
        .slice(0, match.index)
        .split(/[，、；。：]/)
        .pop() ?? '';
    const subject = before
      .replace(/^(新增|建设|建成|完成|举办|达到|控制在|增长|提供)/, '')
      .replace(/(达到|为|增长)$/, '');
    const [scale, unit] = SCALE[match[2]!] ?? [1, match[2]!];
    const suffix = match[3];
    targets.push({
      value: Number(match[1]) * scale,
      unit,
      comparator: suffix === '以上' ? '>=' : suffix === '左右' ? '~' : suffix === '以内' ? '<=' : '=',
      change: /增长/.test(before) ? 'growth-rate' : /新增/.test(before) ? 'increase' : 'level',
      subject,
      text: match[0],
      span: [match.index, match.index + match[0].length],
    });
  }
  return { targets, deadline: null, commitment: null };
}
