import { readFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { analyzeTask } from '../core/extract/index.js';
import { analyzeReportFile } from '../server/imports/analyze-report-file.js';
import { findCjkFont } from './cjk-font.js';
import { buildInfographicModel, condenseRequirement } from './infographic-model.js';
import { moreTasksLabel, renderInfographicSvg } from './infographic-svg.js';
import { reportViewFromTree } from './report-view.js';
import { svgToPng } from './svg-png.js';
import { makeView } from './testing/factories.js';
import { overflowing, overlapping } from './testing/layout-checks.js';
import { compareWithSnapshot, luminanceGrid } from './testing/visual-snapshot.js';
import { textWidth } from './text-measure.js';

/** All text content of an SVG, read back with an XML parser. */
function svgTexts(svg: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });
  const texts: string[] = [];
  const walk = (nodes: unknown[], inText: boolean): void => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text' && inText) texts.push(String(value));
        else if (Array.isArray(value)) walk(value, inText || key === 'text');
      }
    }
  };
  walk(parser.parse(svg) as unknown[], false);
  return texts.map((text) =>
    text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );
}

describe('infographic layout', () => {
  const shapes = [
    { name: '3 areas', shape: { areas: 3 } },
    { name: '8 areas with progress', shape: { areas: 8, withProgress: true } },
    { name: '12 areas, 6 measures each', shape: { areas: 12, measuresPerArea: 6, tasksPerMeasure: 5 } },
    {
      name: 'very long titles',
      shape: {
        areas: 4,
        titleRepeat: 6,
        reportTitle: `一图读懂 ${'北京城市副中心（通州区）2026年政府工作报告重点任务'.repeat(5)}`,
      },
    },
    { name: 'no targets', shape: { areas: 2, withTargets: false } },
  ];
  for (const { name, shape } of shapes) {
    it(`keeps every box inside its parent without overlaps: ${name}`, () => {
      const layout = renderInfographicSvg(
        buildInfographicModel(makeView(shape), { generatedOn: '2026-07-01' }),
      );
      expect(layout.width).toBe(1080);
      expect(overflowing(layout.boxes)).toEqual([]);
      expect(overlapping(layout.boxes)).toEqual([]);
      const areaBoxes = layout.boxes.filter((box) => /^area-\d+$/.test(box.id));
      expect(areaBoxes).toHaveLength(shape.areas);
    });
  }

  it('detects an overflow when one is introduced (the checks can fail)', () => {
    const layout = renderInfographicSvg(buildInfographicModel(makeView({ areas: 3 })));
    const title = layout.boxes.find((box) => box.id === 'area-0-title');
    expect(title).toBeDefined();
    if (title) title.w += 2000;
    expect(overflowing(layout.boxes)).toContain('area-0-title overflows area-0');
  });

  it('counts the tasks left out of a measure as 另有 N 项任务, right for one task too', () => {
    expect(moreTasksLabel(1)).toBe('另有 1 项任务');
    const layout = renderInfographicSvg(buildInfographicModel(makeView({ areas: 1, tasksPerMeasure: 4 })));
    const texts = svgTexts(layout.svg);
    expect(texts).toContain('另有 1 项任务');
    expect(texts.some((text) => text.startsWith('等 '))).toBe(false);
  });

  it('shows big numbers with units, comparators and completion', () => {
    const model = buildInfographicModel(makeView({ areas: 3, withProgress: true }));
    const layout = renderInfographicSvg(model);
    const texts = svgTexts(layout.svg).join('|');
    expect(texts).toContain('6500');
    expect(texts).toContain('个');
    expect(texts).toContain('≤');
    expect(texts).toContain('中小学学位');
    expect(texts).toContain('一图读懂');
    // 3900 of 6500 reported → 60%; 4.6% under a ≤5% bound → met.
    expect(texts).toContain('60%');
    expect(texts).toContain('100%');
    expect(model.progressAsOf).toBe('2026-06-30');
  });

  it('renders a PNG 1080 px wide that is not blank', async () => {
    const layout = renderInfographicSvg(buildInfographicModel(makeView({ areas: 3 })));
    const png = PNG.sync.read(await svgToPng(layout.svg));
    expect(png.width).toBe(1080);
    expect(png.height).toBe(layout.height);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if ((png.data[i] ?? 255) + (png.data[i + 1] ?? 255) + (png.data[i + 2] ?? 255) < 300) dark += 1;
    }
    // Text and colour blocks cover a real share of the page.
    expect(dark / (png.width * png.height)).toBeGreaterThan(0.03);
  });
});

describe('infographic of the sample report', () => {
  it('renders every area of the parsed sample into a readable SVG and PNG', async () => {
    const file = new URL('../../examples/beijing-subcenter-2026-summary.md', import.meta.url);
    const bytes = new Uint8Array(await readFile(file));
    const { tree } = await analyzeReportFile(bytes, 'beijing-subcenter-2026-summary.md');
    const view = reportViewFromTree(tree, (text) => analyzeTask(text, { year: 2026 }));
    const layout = renderInfographicSvg(buildInfographicModel(view, { generatedOn: '2026-07-01' }));
    expect(overflowing(layout.boxes)).toEqual([]);
    expect(overlapping(layout.boxes)).toEqual([]);
    const texts = svgTexts(layout.svg).join('');
    expect(layout.boxes.filter((box) => /^area-\d+$/.test(box.id))).toHaveLength(tree.areas.length);
    for (const area of tree.areas) {
      // Titles may wrap over lines; their characters all appear in order.
      expect(texts.replace(/\s/g, '')).toContain(area.title.replace(/\s/g, '').slice(0, 8));
    }
    expect(texts).toContain('一图读懂');
    // The headline figures of the sample: 6500 个 学位, ≥1.5 万人 就业, ≤5 % 失业率.
    expect(texts).toContain('6500个中小学学位');
    expect(texts).toContain('≥1.5万人城乡劳动力就业');
    expect(texts).toContain('≤5%城镇调查失业率');
    // A third of the width keeps the test quick; the 1080 px output is checked on the small report.
    const png = PNG.sync.read(await svgToPng(layout.svg, { width: 360 }));
    expect(png.width).toBe(360);
    expect(Math.abs(png.height - layout.height / 3)).toBeLessThanOrEqual(1);
    expect(layout.height).toBeGreaterThan(3000);
  }, 60_000);
});

describe('visual snapshot', () => {
  it('matches the committed reference rendering of a fixed 3-area report', async () => {
    const model = buildInfographicModel(makeView({ areas: 3, withProgress: true }), {
      generatedOn: '2026-07-01',
    });
    const png = await svgToPng(renderInfographicSvg(model).svg);
    const result = compareWithSnapshot(
      luminanceGrid(png),
      new URL('./snapshots/infographic-3-areas.json', import.meta.url),
    );
    expect(result.sameSize).toBe(true);
    expect(result.meanDiff).toBeLessThan(2);
    expect(result.changedShare).toBeLessThan(0.01);
  });
});

describe('font setting', () => {
  it('fails with a clear error when CJK_FONT_FILE names a missing file', async () => {
    await expect(
      svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', {
        fontFile: '/nonexistent/font.otf',
      }),
    ).rejects.toMatchObject({
      code: 'cjk_font_missing',
      message: expect.stringContaining('CJK_FONT_FILE'),
    });
  });
});

describe('condenseRequirement', () => {
  it('keeps whole clauses, never splitting inside quotes, within the budget', () => {
    const text =
      '坚持以习近平新时代中国特色社会主义思想为指导,深入落实各项决策部署,牢牢把握“立长远、强功能,全面上台阶”要求,以推动高质量发展为主题,推动协同发展取得新突破。';
    const condensed = condenseRequirement([text], 60);
    expect(condensed.length).toBeLessThanOrEqual(60);
    expect(condensed).toContain('“立长远、强功能,全面上台阶”');
    expect(condensed).not.toMatch(/^全面上台阶/);
  });
});

describe('text width estimate', () => {
  it('is never narrower than the text rendered with the shipped font', () => {
    const font = findCjkFont();
    const samples = [
      '政府工作报告',
      '新增中小学学位6500个',
      'M101线一期（2026年）',
      '≤5% 失业率',
      'WWW mmm 1+1+4',
    ];
    for (const sample of samples) {
      const size = 40;
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100">` +
        `<text x="0" y="60" font-size="${size}" font-weight="700">${sample}</text></svg>`;
      const resvg = new Resvg(svg, {
        font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family },
      });
      const measured = resvg.getBBox()?.width ?? 0;
      expect(measured).toBeGreaterThan(sample.length * 10);
      expect(textWidth(sample, size)).toBeGreaterThanOrEqual(measured);
    }
  });
});

describe('主要目标 of a report with 主要预期目标', () => {
  it('puts the indicators first with clean labels, and no fragment of a sentence', async () => {
    const { normalizeReportText, parseReport } = await import('../core/parse/index.js');
    const { readCorpusText } = await import('../ingest/testing/corpus.js');
    const tree = parseReport(normalizeReportText(readCorpusText('national-2025-work-report.txt')));
    const model = buildInfographicModel(
      reportViewFromTree(tree, (text) => analyzeTask(text, { year: 2025 })),
    );
    const shown = model.keyNumbers.map((n) => `${n.label} ${n.prefix}${n.number}${n.unit}`);
    expect(shown.slice(0, 6)).toEqual([
      '国内生产总值增长 约5%',
      '城镇调查失业率 约5.5%',
      '城镇新增就业 ≥1200万人',
      '居民消费价格涨幅 约2%',
      '粮食产量 约1.4万亿斤',
      '单位国内生产总值能耗降低 约3%',
    ]);
    expect(model.keyNumbers.every((n) => n.label.length <= 16)).toBe(true);
    // The indicators are not one of the numbered work areas.
    expect(model.areas[0]?.title).not.toBe('主要预期目标');
  });
});
