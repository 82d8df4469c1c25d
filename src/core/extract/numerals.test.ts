import { describe, expect, it } from 'vitest';
import {
  isChineseDigit,
  parseChineseNumber,
  parseChineseOrdinal,
  toHalfWidth,
  toHalfWidthChar,
} from './numerals.js';

describe('parseChineseNumber', () => {
  it.each([
    ['6500', 6500],
    ['1.5万', 15000],
    ['25万', 250000],
    ['3.9万亿', 3_900_000_000_000],
    ['2.26万亿', 2_260_000_000_000],
    ['14486亿', 1_448_600_000_000],
    ['1万6千', 16000],
    ['2万5千', 25000],
    ['1亿3千万', 130_000_000],
    ['三千', 3000],
    ['一万二千', 12000],
    ['两百', 200],
    ['四十五', 45],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['千亿', 100_000_000_000],
    ['万亿', 1_000_000_000_000],
    ['百', 100],
    ['二〇二六', 2026],
    ['６５００', 6500],
    ['１．５万', 15000],
    ['1,234', 1234],
    ['0.8', 0.8],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['十四五', '百千万', '1.2.3', '', '万万', '两两', 'abc', '1,23'])('rejects %s', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('parseChineseOrdinal', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['零', 0],
    ['十', 10],
    ['十二', 12],
    ['十零', 10],
    ['二十', 20],
    ['两十两', 22],
    ['九十九', 99],
    ['一百', 100],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseOrdinal(text)).toBe(value);
  });

  it.each(['', '百', '一百一', '二〇', '十十', '一千', '二十一百', '1', '十四五'])('rejects %s', (text) => {
    expect(parseChineseOrdinal(text)).toBeNaN();
  });

  it('counts 两 and 〇 as digits and 十 as a multiplier', () => {
    expect(['〇', '两', '九'].map(isChineseDigit)).toEqual([true, true, true]);
    expect(['十', '百', '1', 'a'].map(isChineseDigit)).toEqual([false, false, false, false]);
  });
});

describe('toHalfWidth', () => {
  it('maps full-width digits, letters and signs without changing the length', () => {
    const text = '增长６．５％，ＰＭ２．５';
    const half = toHalfWidth(text);
    expect(half).toBe('增长6.5%，PM2.5');
    expect(half.length).toBe(text.length);
  });

  it('returns the same string when there is nothing to map', () => {
    const text = '新增中小学学位6500个';
    expect(toHalfWidth(text)).toBe(text);
  });

  it('maps each character as toHalfWidthChar does, whatever comes before it', () => {
    // Every character of the full-width block, after prose with and without full-width punctuation.
    const block = Array.from({ length: 0xff5f - 0xff00 }, (_, i) => String.fromCharCode(0xff00 + i)).join('');
    for (const text of [block, `推进，改革：${block}，完成`, `目标${block}`]) {
      expect(toHalfWidth(text)).toBe([...text].map(toHalfWidthChar).join(''));
    }
    for (const ch of block) expect(toHalfWidth(`，${ch}。`)).toBe(`，${toHalfWidthChar(ch)}。`);
    expect(toHalfWidth('推进，改革：完成。')).toBe('推进，改革：完成。');
  });
});
