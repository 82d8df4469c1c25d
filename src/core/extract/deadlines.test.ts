import { describe, expect, it } from 'vitest';
import { findDeadline, findDeadlines } from './deadlines.js';

describe('findDeadline', () => {
  it.each([
    ['年底前完成老旧小区改造', '年底前', '2026-12-31', undefined],
    ['6月底前建成投用', '6月底前', '2026-06-30', undefined],
    ['二月底前', '二月底前', '2026-02-28', undefined],
    ['9月30日前完成', '9月30日前', '2026-09-30', undefined],
    ['三季度开工', '三季度', '2026-09-30', '2026-Q3'],
    ['第一季度', '第一季度', '2026-03-31', '2026-Q1'],
    ['上半年完成主体工程', '上半年', '2026-06-30', '2026-Q2'],
    ['下半年', '下半年', '2026-12-31', '2026-Q4'],
    ['2027年前全面建成', '2027年前', '2027-12-31', undefined],
    ['2027年底前建成', '2027年底前', '2027-12-31', undefined],
    ['到2027年，新能源汽车保有量突破50万辆', '到2027年', '2027-12-31', undefined],
    ['2026年6月底前完成', '2026年6月底前', '2026-06-30', undefined],
    ['年内建成', '年内', '2026-12-31', undefined],
  ])('reads %s', (sentence, text, date, quarter) => {
    const deadline = findDeadline(sentence, 2026);
    expect(deadline?.text).toBe(text);
    expect(deadline?.date).toBe(date);
    expect(deadline?.quarter).toBe(quarter);
    expect(sentence.slice(deadline?.span[0], deadline?.span[1])).toBe(text);
  });

  it('keeps seasonal deadlines as text, with a date only where the day is fixed', () => {
    expect(findDeadline('汛前完成河道清淤', 2026)).toEqual({ text: '汛前', span: [0, 2] });
    expect(findDeadline('国庆前建成开放', 2026)?.date).toBe('2026-09-30');
  });

  it('uses the report year it is given', () => {
    expect(findDeadline('年底前完成', 2025)?.date).toBe('2025-12-31');
    expect(findDeadline('二季度', 2024)?.quarter).toBe('2024-Q2');
  });

  it.each([
    '2026年是“十五五”开局之年',
    '2025年1月14日在北京市第十六届人民代表大会第三次会议上',
    '去年底企业数量超过5200万户',
    '2025年前三季度经济增长5.2%',
    '13月底前',
    '新增中小学学位6500个',
  ])('finds no deadline in %s', (sentence) => {
    expect(findDeadline(sentence, 2026)).toBeNull();
  });

  it('lists every deadline in order', () => {
    const all = findDeadlines('6月底前开工，年底前完工', 2026).map((d) => d.text);
    expect(all).toEqual(['6月底前', '年底前']);
  });
});
