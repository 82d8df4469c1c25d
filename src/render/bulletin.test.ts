import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bulletinCharts } from './bulletin-charts.js';
import { renderBulletinDocx } from './bulletin-docx.js';
import { renderBulletinMarkdown } from './bulletin-md.js';
import { buildBulletin, bulletinAsOf, parsePeriod } from './bulletin-model.js';
import { svgToPng } from './svg-png.js';
import { makeView } from './testing/factories.js';

const view = makeView({
  areas: 3,
  measuresPerArea: 2,
  tasksPerMeasure: 3,
  withAssignments: true,
  withProgress: true,
});
// One overdue task, so every group appears.
const overdue = view.areas[1]?.measures[0]?.tasks[1];
if (overdue?.status) overdue.status = { ...overdue.status, class: 'behind', overdue: true };

describe('督查通报 model', () => {
  it('reads quarter and month periods and refuses others', () => {
    expect(parsePeriod('2026-Q2')).toMatchObject({
      zh: '2026年第二季度',
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(parsePeriod('2026-02')).toMatchObject({ zh: '2026年2月', end: '2026-02-28' });
    expect(() => parsePeriod('2026-Q5')).toThrow(/2026-Q2/);
  });

  it('groups tasks into completed / on-schedule / lagging / overdue per area and per unit', () => {
    const model = buildBulletin(view, parsePeriod('2026-Q2'));
    const { counts, total } = model.summary;
    expect(total).toBe(18);
    expect(counts.completed + counts['on-schedule'] + counts.lagging + counts.overdue).toBe(18);
    expect(counts.overdue).toBe(1);
    expect(counts.completed).toBeGreaterThan(0);
    expect(counts.lagging).toBeGreaterThan(0);
    expect(model.areas.map((a) => a.total)).toEqual([6, 6, 6]);
    // Every lead unit of the view has a row; units are ranked by completion.
    expect(model.units.length).toBe(5);
    const completions = model.units.map((u) => u.completion);
    expect(completions).toEqual([...completions].sort((a, b) => b - a));
    expect(model.paragraphs[1]).toContain(`18项重点任务中，已完成${counts.completed}项`);
  });
});

describe('督查通报 of an unassigned, not yet started report', () => {
  const fresh = makeView({ areas: 2, measuresPerArea: 1, tasksPerMeasure: 2 });
  const model = buildBulletin(fresh, parsePeriod('2026-Q2'));

  it('lists tasks nobody leads as 未分工 and does not rank 未分工 as a unit', () => {
    expect(model.units).toEqual([]);
    const markdown = renderBulletinMarkdown(model, []);
    expect(markdown).toContain('（未分工）');
    expect(markdown).not.toContain('牵头单位：（未分工）');
  });

  it('draws a full ring when every task is in one group', async () => {
    const groups = Object.values(model.summary.counts).filter((n) => n > 0);
    expect(groups).toHaveLength(1);
    const donut = bulletinCharts(model).find((c) => c.name === 'groups');
    expect(donut?.svg).toMatch(/<circle [^>]*stroke-width="70"/);
    // The ring shows in the picture: the pixel on the ring's left edge is coloured, not white.
    const png = PNG.sync.read(await svgToPng(donut?.svg ?? ''));
    const offset = (260 * png.width + (300 - 135)) * 4;
    const rgb = [...png.data.subarray(offset, offset + 3)];
    expect(Math.min(...rgb)).toBeLessThan(200);
  });

  it('dates an open period’s bulletin as of the given day', () => {
    const asOf = bulletinAsOf(parsePeriod('2026-12'), '2026-12-05');
    expect(asOf).toBe('2026-12-05');
    expect(bulletinAsOf(parsePeriod('2026-Q3'), '2026-12-05')).toBe('2026-09-30');
    expect(bulletinAsOf(parsePeriod('2026-12'), '2026-12-05', '2027-01-03')).toBe('2026-12-31');
    expect(() => bulletinAsOf(parsePeriod('2026-12'), '2026-12-05', '12/05/2026')).toThrow(/2026-12-05/);
    expect(buildBulletin(fresh, parsePeriod('2026-12'), { asOf }).paragraphs[1]).toMatch(
      /^截至2026年12月5日，/,
    );
  });
});

describe('督查通报 files', () => {
  const model = buildBulletin(view, parsePeriod('2026-Q2'), { issuer: '区政府督查室', issueNumber: 2 });
  const charts = bulletinCharts(model);

  it('draws three charts as valid SVG that rasterise to non-blank PNGs', async () => {
    expect(charts.map((c) => c.name)).toEqual(['groups', 'areas', 'units']);
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const chart of charts) {
      expect(() => parser.parse(chart.svg)).not.toThrow();
      const png = PNG.sync.read(await svgToPng(chart.svg));
      expect(png.width).toBe(1000);
      let dark = 0;
      for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 200) dark += 1;
      expect(dark).toBeGreaterThan(1000);
    }
  });

  it('writes Markdown with the figures, tables, chart images and group lists', () => {
    const markdown = renderBulletinMarkdown(
      model,
      charts.map((c) => ({ name: c.name, caption: c.caption, file: `b-${c.name}.png` })),
    );
    expect(markdown).toMatch(/^# 关于2026年第二季度政府工作报告重点任务落实情况的通报/);
    expect(markdown).toContain('**区政府督查室　第2期　2026年6月30日**');
    expect(markdown).toContain(
      '| 工作领域 | 任务数 | 已完成 | 按序时推进 | 滞后于序时进度 | 逾期未完成 | 完成率 | 序时进度 |',
    );
    expect(markdown).toContain('![各领域任务完成率与序时进度](b-areas.png)');
    expect(markdown).toContain('**逾期未完成（1项）**');
    expect(markdown).toContain(`${overdue?.text}（牵头单位：${overdue?.assignment?.leadUnit}）`);
    expect(markdown).toContain('### 区教委');
  });

  it('writes a .docx a Word reader opens, with tables and the chart images embedded', async () => {
    const images = await Promise.all(charts.map(async (c) => ({ ...c, png: await svgToPng(c.svg) })));
    const buffer = await renderBulletinDocx(model, images);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('督 查 通 报');
    expect(html).toContain('关于2026年第二季度政府工作报告重点任务落实情况的通报');
    expect((html.match(/<img /g) ?? []).length).toBe(3);
    expect((html.match(/<table>/g) ?? []).length).toBe(3);
    expect(html).toContain('逾期未完成1项：');
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('四、下一步工作要求');
  }, 30_000);
});
