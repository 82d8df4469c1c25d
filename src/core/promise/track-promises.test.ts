import { describe, expect, it } from 'vitest';
import { buildTree } from '../diff/build-tree.test-helper.js';
import { sketchAnalyze } from '../diff/sketch-analyzer.test-helper.js';
import type { Comparator, Target, TargetChange } from '../target.js';
import { judgePromise } from './judge-promise.js';
import { trackPromises } from './track-promises.js';

function target(
  value: number,
  comparator: Comparator,
  subject: string,
  change: TargetChange = 'level',
): Target {
  return { value, comparator, subject, change, unit: '%', text: '', span: [0, 0] };
}

describe('judgePromise', () => {
  it.each([
    ['a floor reached', target(1200, '>=', '城镇新增就业', 'increase'), 1256, 'met'],
    ['a floor missed', target(1200, '>=', '城镇新增就业', 'increase'), 1150, 'not-met'],
    ['an about-target hit', target(5, '~', '国内生产总值', 'growth-rate'), 5, 'met'],
    ['an about-target within tolerance', target(5, '~', '国内生产总值', 'growth-rate'), 4.8, 'met'],
    ['an about-target clearly missed', target(5, '~', '国内生产总值', 'growth-rate'), 4.5, 'not-met'],
    ['a ceiling respected', target(5.5, '~', '城镇调查失业率'), 5.1, 'met'],
    ['a ceiling broken', target(5, '<=', '城镇调查失业率'), 5.3, 'not-met'],
    ['a price rise kept under its cap', target(3, '~', '居民消费价格涨幅'), 0.2, 'met'],
    ['a promised cut delivered in full', target(2.5, '~', '单位国内生产总值能耗', 'decrease'), 3, 'met'],
    ['a promised cut fallen short', target(2.5, '>=', '单位国内生产总值能耗', 'decrease'), 2, 'not-met'],
    ['a plain number delivered', target(6500, '=', '中小学学位', 'increase'), 6600, 'met'],
  ] as const)('%s', (_name, promised, actual, verdict) => {
    expect(judgePromise(promised, { ...promised, value: actual, comparator: '=' })).toBe(verdict);
  });
});

describe('trackPromises', () => {
  const promised = buildTree({
    title: '2024年政府工作报告',
    year: 2024,
    requirements: [
      '今年主要预期目标是：城镇新增就业1200万人以上；城镇调查失业率5.5%左右；国内生产总值增长5%左右。',
    ],
    areas: [
      {
        title: '办好民生实事',
        measures: [{ title: '发展教育', tasks: ['新增中小学学位6500个', '建设养老服务驿站30个'] }],
      },
    ],
  });
  const reviewed = buildTree({
    title: '2025年政府工作报告',
    year: 2025,
    review: [
      '经济规模稳步扩大，国内生产总值增长5.2%。城镇新增就业1256万人、城镇调查失业率平均为5.1%。',
      '教育事业加快发展，中小学学位达到6000个。',
    ],
    areas: [{ title: '今年任务', measures: [{ title: '就业', tasks: ['城镇新增就业1200万人以上'] }] }],
  });
  const report = trackPromises(promised, reviewed, { analyze: sketchAnalyze });
  const bySubject = (subject: string) => report.links.find((l) => l.promise.target.subject === subject);

  it('links each target to the review sentence that reports it, with both sentences', () => {
    const jobs = bySubject('城镇新增就业')!;
    expect(jobs.verdict).toBe('met');
    expect(jobs.promise.sentence).toBe('今年主要预期目标是：城镇新增就业1200万人以上；');
    expect(jobs.achievement?.sentence).toBe('城镇新增就业1256万人、城镇调查失业率平均为5.1%。');
    expect(jobs.achievement?.target.value).toBe(12_560_000);
    expect(bySubject('城镇调查失业率')?.achievement?.target.value).toBe(5.1);
    expect(bySubject('国内生产总值')?.achievement?.target.value).toBe(5.2);
  });

  it("judges met, not met and not reported, and never links to next year's own targets", () => {
    expect(bySubject('中小学学位')?.verdict).toBe('not-met');
    expect(bySubject('养老服务驿站')?.verdict).toBe('not-reported');
    expect(bySubject('养老服务驿站')?.achievement).toBeUndefined();
    expect(report.counts).toEqual({ met: 3, 'not-met': 1, 'not-reported': 1 });
  });
});
