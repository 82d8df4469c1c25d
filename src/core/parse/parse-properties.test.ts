import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportTree, Span } from '../report-tree.js';
import { normalizeReportText, parseReport } from './index.js';
import { splitSentences } from './sentences.js';

/** Fragments that exercise every rule of the parser when strung together at random. */
const FRAGMENTS = [
  '一、',
  '二、',
  '三、2026年政府工作任务',
  '二、2025年工作回顾',
  '（一）',
  '（二）',
  '(三)',
  '1.',
  '2、',
  '（1）',
  '①',
  '- ',
  '  - ',
  '    * ',
  '• ',
  '# ',
  '## ',
  '### ',
  '各位代表：',
  '各位代表！',
  '附件1',
  '名词解释',
  '政府工作报告',
  '——2024年3月5日在第十四届全国人民代表大会第二次会议上',
  '国务院总理　李　强',
  '来源：北京日报',
  '(某某/整理)',
  '推动产业链供应链优化升级。',
  '保持工业经济平稳运行，',
  '新增中小学学位6500个；',
  '“',
  '”',
  '《',
  '》',
  '（',
  '）',
  '。',
  '！',
  '？',
  '\n',
  '\n\n',
  '\r\n',
  '\r\r\n',
  '　　',
  '\u200b',
  '\ufeff',
];

const reportLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), reportLike);

function inside(outer: Span, inner: Span): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1] && inner[0] <= inner[1];
}

/** Every span lies in the text, children inside parents, siblings in order without overlap. */
function checkSpans(tree: ReportTree): void {
  const whole: Span = [0, tree.text.length];
  let previousEnd = 0;
  for (const section of tree.sections) {
    expect(inside(whole, section.span)).toBe(true);
    expect(section.span[0]).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = section.span[1];
    for (const paragraph of section.paragraphs) expect(inside(section.span, paragraph.span)).toBe(true);
    let areaEnd = section.span[0];
    for (const area of section.areas) {
      expect(inside(section.span, area.span)).toBe(true);
      expect(area.span[0]).toBeGreaterThanOrEqual(areaEnd);
      areaEnd = area.span[1];
      expect(inside(whole, area.titleSpan)).toBe(true);
      if (area.preamble) expect(inside(area.span, area.preamble.span)).toBe(true);
      let measureEnd = area.span[0];
      for (const measure of area.measures) {
        expect(inside(area.span, measure.span)).toBe(true);
        expect(inside(measure.span, measure.titleSpan)).toBe(true);
        expect(measure.span[0]).toBeGreaterThanOrEqual(measureEnd);
        measureEnd = measure.span[1];
        for (const task of measure.tasks) expect(inside(measure.span, task.span)).toBe(true);
      }
      for (const task of area.tasks) expect(inside(area.span, task.span)).toBe(true);
    }
  }
}

describe('parseReport properties', () => {
  it('never throws, keeps every span inside the text and properly nested', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = normalizeReportText(raw);
        const tree = parseReport(text);
        expect(tree.text).toBe(text);
        checkSpans(tree);
        for (const area of tree.areas) {
          for (const task of [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]) {
            expect(task.text.length).toBeGreaterThan(0);
            // Hard-wrapped text drops its line breaks from node texts, so compare without them.
            const source = tree.text.slice(task.span[0], task.span[1]).replace(/\s/g, '');
            expect(source).toContain(task.text.replace(/\s/g, ''));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = normalizeReportText(raw);
        expect(JSON.stringify(parseReport(text))).toBe(JSON.stringify(parseReport(text)));
      }),
      { numRuns: 200 },
    );
  });

  it('normalisation leaves no CR and keeps every other character', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = normalizeReportText(raw);
        expect(text.includes('\r')).toBe(false);
        expect(text.replace(/\n/g, '')).toBe(raw.replace(/^\uFEFF/, '').replace(/[\r\n]/g, ''));
      }),
    );
  });

  it('splits sentences only outside quotes and brackets, covering every word', () => {
    fc.assert(
      fc.property(reportLike, (raw) => {
        const text = normalizeReportText(raw);
        const spans = splitSentences(text, 0, text.length);
        let previous = 0;
        for (const [start, end] of spans) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThan(start);
          previous = end;
        }
      }),
    );
  });
});

describe('sentence splitting', () => {
  const split = (text: string): string[] =>
    splitSentences(text, 0, text.length).map(([s, e]) => text.slice(s, e));

  it('never splits inside “” 「」 《》 （）', () => {
    expect(
      split('他说：“要抓落实。要见实效！”然后散会。《关于某事。的通知》已印发；（详见附件。）完成。'),
    ).toEqual([
      '他说：“要抓落实。要见实效！”然后散会。',
      '《关于某事。的通知》已印发；',
      '（详见附件。）完成。',
    ]);
    expect(split('「一。二」三。')).toEqual(['「一。二」三。']);
  });

  it('does not let an unmatched quote swallow the paragraph', () => {
    expect(split('推动发展“新动能。加快建设。')).toEqual(['推动发展“新动能。', '加快建设。']);
    expect(split('完成任务）。开工建设。')).toEqual(['完成任务）。', '开工建设。']);
  });

  it('keeps a run of terminators together and drops empty pieces', () => {
    expect(split('真的吗？！是的。。 ；')).toEqual(['真的吗？！', '是的。。']);
  });
});
