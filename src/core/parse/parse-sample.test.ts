import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../ingest/testing/corpus.js';
import { normalizeReportText, parseReport } from './index.js';

interface GoldArea {
  title: string;
  measures: { title: string; taskCount: number; tasks: string[] }[];
  tasks: string[];
}
interface Gold {
  title: string;
  requirements: string[];
  areas: GoldArea[];
  totals: { areas: number; measures: number; tasks: number };
}

const sample = readRepoText('examples/beijing-subcenter-2026-summary.md');
const gold = JSON.parse(readRepoText('test-data/gold/seed-structure.json')) as Gold;

describe('parseReport on the sample (outline style)', () => {
  const text = normalizeReportText(sample);
  const tree = parseReport(text);

  it('finds the gold title, areas, measures and tasks exactly', () => {
    expect(tree.meta.title).toBe(gold.title);
    const actual = tree.areas.map((area) => ({
      title: `${area.label ?? ''}${area.title}`,
      measures: area.measures.map((measure) => ({
        title: measure.title,
        taskCount: measure.tasks.length,
        tasks: measure.tasks.map((task) => task.text),
      })),
      tasks: area.tasks.map((task) => task.text),
    }));
    expect(actual).toEqual(gold.areas);
    const measures = tree.areas.flatMap((area) => area.measures);
    const tasks = tree.areas.flatMap((area) => [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]);
    expect({ areas: tree.areas.length, measures: measures.length, tasks: tasks.length }).toEqual(gold.totals);
    expect(gold.totals).toEqual({ areas: 8, measures: 23, tasks: 103 });
  });

  it('classifies 工作总要求 as requirements and the eight areas as the tasks section', () => {
    expect(tree.sections.map((section) => [section.kind, section.title])).toEqual([
      ['requirements', '工作总要求'],
      ['tasks', '重点做好以下八方面工作'],
    ]);
    expect(tree.sections[0]?.paragraphs.map((p) => p.text)).toEqual(gold.requirements);
  });

  it('keeps the trailing "(陈施君/整理)" as attribution, not as a task', () => {
    expect(tree.meta.attribution).toBe('(陈施君/整理)');
    const tasks = tree.areas.flatMap((area) => [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]);
    expect(tasks.some((task) => task.text.includes('整理'))).toBe(false);
  });

  it('keeps labels and exact spans', () => {
    const first = tree.areas[0];
    expect(first?.label).toBe('一、');
    expect(first && text.slice(first.titleSpan[0], first.titleSpan[1])).toBe(
      '坚持以副辅主,高水平推进城市建设',
    );
    const measure = first?.measures[0];
    expect(measure?.label).toBe('-');
    expect(measure && text.slice(measure.titleSpan[0], measure.titleSpan[1])).toBe('持续提升城市综合承载力');
    const task = measure?.tasks[0];
    expect(task && text.slice(task.span[0], task.span[1])).toBe(
      '- 提升运河商务区活力,新增完工面积25万平方米,打造24小时活力街区',
    );
    for (const area of tree.areas) {
      for (const node of [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]) {
        expect(text.slice(node.span[0], node.span[1])).toContain(node.text);
      }
    }
  });

  it('parses CRLF and BOM input to the same structure', () => {
    const crlf = parseReport(normalizeReportText(`\uFEFF${sample.replace(/\n/g, '\r\n')}`));
    expect(crlf.areas.map((a) => a.title)).toEqual(tree.areas.map((a) => a.title));
    expect(crlf.text).toBe(text);
  });
});
