import {
  BULLETIN_GROUP_ZH,
  BULLETIN_GROUPS,
  type BulletinGroup,
  type BulletinModel,
  type BulletinStats,
} from './bulletin-model.js';
import { r, SvgBuilder } from './svg-builder.js';
import { textWidth, wrapText } from './text-measure.js';

/** One chart of the bulletin: a file name stem, a caption and the SVG. */
export interface BulletinChart {
  name: string;
  caption: string;
  svg: string;
  width: number;
  height: number;
}

export const GROUP_COLORS: Record<BulletinGroup, string> = {
  completed: '#2E7D32',
  'on-schedule': '#1565C0',
  lagging: '#F9A825',
  overdue: '#C62828',
};

const WIDTH = 1000;
const INK = '#333333';
const GRID = '#DDDDDD';

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/**
 * A label in at most two lines of about equal length, so a title a little too long for one line
 * does not leave one character alone on the second ("…推进城市建" / "设").
 */
function balancedLines(text: string, fontSize: number, maxWidth: number): string[] {
  const lines = wrapText(text, fontSize, maxWidth, 2);
  if (lines.length !== 2 || lines[1]?.endsWith('…')) return lines;
  const half = Math.ceil(textWidth(text, fontSize) / 2) + fontSize;
  const balanced = wrapText(text, fontSize, Math.min(maxWidth, half), 2);
  return balanced.length === 2 && !balanced[1]?.endsWith('…') ? balanced : lines;
}

/**
 * Horizontal bars of completion per row with a red tick at the expected share (序时进度), the
 * dashboard's "progress against schedule" chart as a still image.
 */
function progressBars(name: string, caption: string, rows: readonly BulletinStats[]): BulletinChart {
  const svg = new SvgBuilder();
  const labelW = 330;
  const barX = labelW + 30;
  const barW = WIDTH - barX - 90;
  const rowH = 56;
  let y = 20;
  svg.lines('title', 'canvas', [caption], WIDTH / 2, y, {
    size: 26,
    fill: INK,
    weight: 700,
    anchor: 'middle',
  });
  y += 56;
  // Legend.
  svg.rect(barX, y + 6, 28, 16, 'fill="#1565C0"');
  svg.lines('legend-done', 'canvas', ['完成率'], barX + 36, y, { size: 18, fill: INK, leading: 1.5 });
  svg.rect(barX + 130, y + 2, 4, 24, 'fill="#C62828"');
  svg.lines('legend-expected', 'canvas', ['序时进度'], barX + 142, y, { size: 18, fill: INK, leading: 1.5 });
  y += 44;
  const top = y;
  const bottom = top + rows.length * rowH;
  // Vertical grid under the bars at 0/25/50/75/100 %.
  for (let k = 0; k <= 4; k += 1) {
    svg.raw(
      `<line x1="${r(barX + (barW * k) / 4)}" y1="${r(top)}" x2="${r(barX + (barW * k) / 4)}" y2="${r(bottom)}" stroke="${GRID}" stroke-dasharray="4 4"/>`,
    );
    svg.lines(`axis-${k}`, 'canvas', [`${k * 25}%`], barX + (barW * k) / 4, bottom + 6, {
      size: 16,
      fill: '#777777',
      anchor: 'middle',
    });
  }
  for (const [i, row] of rows.entries()) {
    const label = balancedLines(row.name, 20, labelW);
    const labelH = label.length * 20 * 1.3;
    svg.lines(`label-${i}`, 'canvas', label, labelW, y + (rowH - labelH) / 2, {
      size: 20,
      fill: INK,
      anchor: 'end',
      leading: 1.3,
    });
    svg.rect(barX, y + 14, barW, rowH - 28, `fill="#EEF2F7"`);
    svg.rect(barX, y + 14, Math.max(2, barW * Math.min(1, row.completion)), rowH - 28, 'fill="#1565C0"');
    svg.rect(barX + barW * Math.min(1, row.expected) - 2, y + 6, 4, rowH - 12, 'fill="#C62828"');
    svg.lines(`value-${i}`, 'canvas', [pct(row.completion)], barX + barW + 10, y + 14, {
      size: 20,
      fill: INK,
      weight: 700,
      leading: 1.4,
    });
    y += rowH;
  }
  const height = y + 40;
  const body = svg.parts.join('');
  return {
    name,
    caption,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${r(height)}" viewBox="0 0 ${WIDTH} ${r(height)}" font-family="'Noto Sans SC','Noto Sans S Chinese',sans-serif"><rect width="${WIDTH}" height="${r(height)}" fill="#FFFFFF"/>${body}</svg>`,
    width: WIDTH,
    height,
  };
}

/** A donut of the four groups with a legend of counts and shares. */
function groupDonut(model: BulletinModel): BulletinChart {
  const svg = new SvgBuilder();
  const caption = `${model.period.zh}重点任务推进情况分布`;
  svg.lines('title', 'canvas', [caption], WIDTH / 2, 20, {
    size: 26,
    fill: INK,
    weight: 700,
    anchor: 'middle',
  });
  const cx = 300;
  const cy = 260;
  const outer = 170;
  const inner = 100;
  const total = model.summary.total || 1;
  let angle = -Math.PI / 2;
  for (const group of BULLETIN_GROUPS) {
    const count = model.summary.counts[group];
    if (count === 0) continue;
    if (count === total) {
      // One group holds every task: a full ring (an arc cannot start and end at one point).
      svg.raw(
        `<circle cx="${cx}" cy="${cy}" r="${(outer + inner) / 2}" fill="none" stroke="${GROUP_COLORS[group]}" stroke-width="${outer - inner}"/>`,
      );
      break;
    }
    const sweep = (count / total) * Math.PI * 2;
    const end = angle + Math.min(sweep, Math.PI * 2 - 1e-4);
    const large = end - angle > Math.PI ? 1 : 0;
    const p = (radius: number, a: number): string =>
      `${r(cx + radius * Math.cos(a))} ${r(cy + radius * Math.sin(a))}`;
    svg.raw(
      `<path d="M${p(outer, angle)}A${outer} ${outer} 0 ${large} 1 ${p(outer, end)}L${p(inner, end)}A${inner} ${inner} 0 ${large} 0 ${p(inner, angle)}Z" fill="${GROUP_COLORS[group]}"/>`,
    );
    angle = end;
  }
  svg.lines('total', 'canvas', [String(model.summary.total)], cx, cy - 40, {
    size: 48,
    fill: INK,
    weight: 700,
    anchor: 'middle',
    leading: 1.2,
  });
  svg.lines('total-label', 'canvas', ['项任务'], cx, cy + 18, {
    size: 20,
    fill: '#777777',
    anchor: 'middle',
  });
  let y = 130;
  for (const group of BULLETIN_GROUPS) {
    const count = model.summary.counts[group];
    svg.rect(560, y + 8, 24, 24, `rx="4" fill="${GROUP_COLORS[group]}"`);
    const label = `${BULLETIN_GROUP_ZH[group]}  ${count} 项（${pct(count / total)}）`;
    svg.lines(`legend-${group}`, 'canvas', [label], 600, y, { size: 22, fill: INK, leading: 1.8 });
    y += 60;
  }
  const height = 470;
  return {
    name: 'groups',
    caption,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="'Noto Sans SC','Noto Sans S Chinese',sans-serif"><rect width="${WIDTH}" height="${height}" fill="#FFFFFF"/>${svg.parts.join('')}</svg>`,
    width: WIDTH,
    height,
  };
}

/** The bulletin's charts: group distribution, completion by area, and by lead unit (top 15). */
export function bulletinCharts(model: BulletinModel): BulletinChart[] {
  return [
    groupDonut(model),
    progressBars('areas', '各领域任务完成率与序时进度', model.areas),
    progressBars('units', '牵头单位任务完成率（前15名）', model.units.slice(0, 15)),
  ];
}
