/**
 * Publishing speed on the sample report (8 areas, 103 tasks): the 一图读懂 layout, its PNG with the
 * font subset per image (what luoshi does) against the whole 8 MB font (what resvg-js does by
 * default), and the office documents (分工方案 xlsx/docx, 台账 xlsx, 督查通报 docx with charts).
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { analyzeTask } from '../src/core/extract/index.js';
import { normalizeReportText, parseReport } from '../src/core/parse/index.js';
import { bulletinCharts } from '../src/render/bulletin-charts.js';
import { renderBulletinDocx } from '../src/render/bulletin-docx.js';
import { buildBulletin, parsePeriod } from '../src/render/bulletin-model.js';
import { findCjkFont } from '../src/render/cjk-font.js';
import { renderDivisionDocx } from '../src/render/division-docx.js';
import { buildDivisionPlan } from '../src/render/division-model.js';
import { renderDivisionXlsx } from '../src/render/division-xlsx.js';
import { buildInfographicModel } from '../src/render/infographic-model.js';
import { renderInfographicSvg } from '../src/render/infographic-svg.js';
import { buildLedger } from '../src/render/ledger-model.js';
import { renderLedgerXlsx } from '../src/render/ledger-xlsx.js';
import { reportViewFromTree } from '../src/render/report-view.js';
import { svgToPng } from '../src/render/svg-png.js';
import { type BenchResult, median } from './bench-result.js';

async function time(run: () => unknown, warmup: number, runs: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return Number(median(times).toFixed(1));
}

/** Render times of every publishing output for the sample report. */
export async function benchPublishing(): Promise<BenchResult> {
  const sample = new URL('../examples/beijing-subcenter-2026-summary.md', import.meta.url);
  const tree = parseReport(normalizeReportText(readFileSync(sample, 'utf8')));
  const view = reportViewFromTree(tree, (text) => analyzeTask(text, { year: 2026 }));
  const model = buildInfographicModel(view, { generatedOn: '2026-06-30' });
  const layout = renderInfographicSvg(model);
  const font = findCjkFont();
  const bulletin = buildBulletin(view, parsePeriod('2026-Q2'));
  const rows: BenchResult['rows'] = [
    {
      output: '一图读懂 SVG (layout + markup)',
      'median ms': await time(() => renderInfographicSvg(model), 3, 20),
    },
    {
      output: `一图读懂 PNG ${layout.width}×${layout.height}, font subset per image`,
      'median ms': await time(() => svgToPng(layout.svg), 1, 5),
    },
    {
      output: `一图读懂 PNG ${layout.width}×${layout.height}, whole font files`,
      'median ms': await time(
        () =>
          new Resvg(layout.svg, {
            font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family },
          })
            .render()
            .asPng(),
        0,
        3,
      ),
    },
    {
      output: '分工方案 .xlsx',
      'median ms': await time(() => renderDivisionXlsx(buildDivisionPlan(view)), 2, 10),
    },
    {
      output: '分工方案 .docx',
      'median ms': await time(() => renderDivisionDocx(buildDivisionPlan(view)), 2, 10),
    },
    {
      output: '台账 .xlsx',
      'median ms': await time(() => renderLedgerXlsx(buildLedger(view, '2026-06-30')), 2, 10),
    },
    {
      output: '督查通报 .docx with 3 chart PNGs',
      'median ms': await time(
        async () => {
          const charts = await Promise.all(
            bulletinCharts(bulletin).map(async (c) => ({ ...c, png: await svgToPng(c.svg) })),
          );
          return renderBulletinDocx(bulletin, charts);
        },
        1,
        5,
      ),
    },
  ];
  return {
    name: 'Publishing (sample report: 8 areas, 103 tasks)',
    rows,
    notes: [
      'resvg-js re-reads its font files for every glyph it lays out; cutting the 8 MB Noto Sans SC down to the characters of the image (harfbuzz hb-subset) first is what the "font subset" row measures.',
    ],
  };
}
