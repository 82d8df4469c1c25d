import { describe, expect, it } from 'vitest';
import type { Span } from './report-tree.js';
import { ReportTreeWriter } from './report-tree-writer.js';

describe('ReportTreeWriter', () => {
  it('gives every piece, measure, area and the section the span of what was written for it', () => {
    const out = new ReportTreeWriter('标题');
    const areaStart = out.offset;
    const titleSpan = out.append('一、领域');
    out.append('\n');
    const measureStart = out.offset;
    const measureTitle = out.append('（一）举措');
    const task = out.task('新增学位6500个。');
    const measure = out.measure(measureStart, { label: '（一）', title: '举措', titleSpan: measureTitle }, [
      task,
    ]);
    const area = out.area(areaStart, { title: '领域', titleSpan }, [measure], []);
    const tree = out.finish({ title: '标题', year: 2026 }, '重点任务', [area]);

    const words = (span: Span) => tree.text.slice(span[0], span[1]);
    expect(tree.text).toBe('标题\n一、领域\n（一）举措新增学位6500个。');
    expect(words(task.span)).toBe('新增学位6500个。');
    expect(words(measure.span)).toBe('（一）举措新增学位6500个。');
    expect(words(area.span)).toBe('一、领域\n（一）举措新增学位6500个。');
    expect(words(tree.sections[0]!.span)).toBe(words(area.span));
    expect(area).not.toHaveProperty('label');
    expect(measure.label).toBe('（一）');
    expect(tree.sections[0]).toMatchObject({ kind: 'tasks', title: '重点任务', paragraphs: [] });
    expect(tree.areas).toEqual([area]);
  });
});
