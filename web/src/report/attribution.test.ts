import { describe, expect, it } from 'vitest';
import { sourceLine } from './attribution.js';

describe('sourceLine', () => {
  it("names the document as the source and labels a compiler's credit as 整理", () => {
    expect(sourceLine('一图读懂 政府工作报告 (下)', '(陈施君/整理)', '来源')).toBe(
      '来源：一图读懂 政府工作报告 (下) · 整理：陈施君',
    );
    expect(sourceLine('政府工作报告', '（张三／编辑）', 'Source')).toBe('Source：政府工作报告 · 编辑：张三');
  });

  it('keeps a newspaper source line as the source, without saying 来源 twice', () => {
    expect(sourceLine('2026年北京市政府工作报告', '来源：北京日报', '来源')).toBe('来源：北京日报');
  });

  it('gives the document alone when there is no attribution', () => {
    expect(sourceLine('政府工作报告', undefined, '来源')).toBe('来源：政府工作报告');
  });
});
