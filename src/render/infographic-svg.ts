import type { InfographicArea, InfographicModel, InfographicNumber } from './infographic-model.js';
import { type LayoutBox, r, SvgBuilder } from './svg-builder.js';
import { textWidth, wrapText } from './text-measure.js';

/** Block colours of the work areas, in order (cycled beyond eight areas). */
export const AREA_COLORS = [
  '#C0392B',
  '#D35400',
  '#B9770E',
  '#1E8449',
  '#117A65',
  '#1F618D',
  '#5B2C6F',
  '#943126',
] as const;

const RED = '#B71C1C';
const GOLD = '#F7D774';
const INK = '#2B2B2B';
const MUTED = '#5F5F5F';
const PAGE = '#FFF8F0';

export interface InfographicLayout {
  svg: string;
  width: number;
  height: number;
  boxes: LayoutBox[];
}

/** Mixes a #RRGGBB colour with white; `amount` 0 keeps it, 1 is white. */
function tint(color: string, amount: number): string {
  const channel = (offset: number): string => {
    const value = Number.parseInt(color.slice(offset, offset + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

function percent(ratio: number): string {
  return `${Math.round(Math.min(1, Math.max(0, ratio)) * 100)}%`;
}

/** Title size shrinks for long titles so they stay within three lines where possible. */
function titleLines(title: string, width: number): { size: number; lines: string[] } {
  for (const size of [72, 60, 50, 42]) {
    const lines = wrapText(title, size, width);
    if (lines.length <= 3) return { size, lines };
  }
  return { size: 42, lines: wrapText(title, 42, width, 6) };
}

function sectionHeading(svg: SvgBuilder, id: string, text: string, y: number, width: number): number {
  const size = 40;
  const textW = textWidth(text, size);
  const centre = width / 2;
  svg.rect(centre - textW / 2 - 36, y, textW + 72, 64, `rx="32" fill="${RED}"`);
  svg.box({ id, parent: 'canvas', kind: 'container', x: centre - textW / 2 - 36, y, w: textW + 72, h: 64 });
  svg.lines(`${id}-text`, id, [text], centre, y + 4, {
    size,
    fill: '#FFFFFF',
    weight: 700,
    anchor: 'middle',
    leading: 1.4,
  });
  const rule = Math.max(0, centre - textW / 2 - 36 - 76);
  if (rule > 0) {
    svg.rect(60, y + 31, rule, 2, `fill="${RED}" opacity="0.5"`);
    svg.rect(centre + textW / 2 + 52, y + 31, rule, 2, `fill="${RED}" opacity="0.5"`);
  }
  return 64;
}

interface TileOptions {
  id: string;
  parent: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

const NUMBER_SIZE = 60;
const LABEL_SIZE = 24;

/** Height a number tile needs for its label (two lines at most) and completion bar. */
function tileHeight(numbers: InfographicNumber[], width: number): number {
  const labelLines = Math.max(1, ...numbers.map((n) => wrapText(n.label, LABEL_SIZE, width - 32, 2).length));
  const hasCompletion = numbers.some((n) => n.completion !== undefined);
  return 24 + NUMBER_SIZE * 1.2 + 8 + labelLines * LABEL_SIZE * 1.4 + (hasCompletion ? 44 : 0) + 20;
}

/** A big figure: the number large, the unit beside it, the label under it, completion last. */
function numberTile(svg: SvgBuilder, number: InfographicNumber, tile: TileOptions): void {
  const { id, x, y, w, h, color } = tile;
  svg.rect(x, y, w, h, `rx="14" fill="#FFFFFF" stroke="${tint(color, 0.6)}" stroke-width="2"`);
  svg.box({ id, parent: tile.parent, kind: 'container', x, y, w, h });
  // Shrink the figure until prefix + number + unit fit the tile.
  let size = NUMBER_SIZE;
  const unitSize = (s: number): number => Math.round(s * 0.45);
  const figureWidth = (s: number): number =>
    textWidth(number.prefix, s * 0.6) + textWidth(number.number, s) + 6 + textWidth(number.unit, unitSize(s));
  while (size > 28 && figureWidth(size) > w - 28) size -= 4;
  const figureW = figureWidth(size);
  const left = x + (w - figureW) / 2;
  const baseline = y + 24 + NUMBER_SIZE * 1.2 * 0.82;
  const prefixW = textWidth(number.prefix, size * 0.6);
  const numberW = textWidth(number.number, size);
  svg.raw(
    `<text x="${r(left)}" y="${r(baseline)}" fill="${color}" font-weight="700">` +
      (number.prefix ? `<tspan font-size="${r(size * 0.6)}">${number.prefix}</tspan>` : '') +
      `<tspan x="${r(left + prefixW)}" font-size="${size}">${number.number}</tspan>` +
      `<tspan x="${r(left + prefixW + numberW + 6)}" font-size="${unitSize(size)}" font-weight="500">${number.unit}</tspan></text>`,
  );
  svg.box({
    id: `${id}-figure`,
    parent: id,
    kind: 'figure',
    x: left,
    y: baseline - size * 0.82,
    w: figureW,
    h: size,
  });
  let top = y + 24 + NUMBER_SIZE * 1.2 + 8;
  top += svg.paragraph(
    `${id}-label`,
    id,
    number.label,
    x + w / 2,
    top,
    w - 32,
    { size: LABEL_SIZE, fill: MUTED, anchor: 'middle', leading: 1.4 },
    2,
  );
  if (number.completion !== undefined) {
    const barY = top + 12;
    const barW = w - 100;
    svg.rect(x + 16, barY, barW, 12, `rx="6" fill="${tint(color, 0.85)}"`);
    svg.rect(x + 16, barY, Math.max(12, barW * Math.min(1, number.completion)), 12, `rx="6" fill="${color}"`);
    svg.lines(`${id}-completion`, id, [percent(number.completion)], x + w - 16, barY - 8, {
      size: 22,
      fill: color,
      weight: 700,
      anchor: 'end',
      leading: 1.2,
    });
  }
}

/** Lays out tiles in rows of up to `columns`; returns the height used. */
function tileGrid(
  svg: SvgBuilder,
  id: string,
  parent: string,
  numbers: InfographicNumber[],
  x: number,
  y: number,
  width: number,
  color: (index: number) => string,
): number {
  if (numbers.length === 0) return 0;
  const columns = numbers.length === 2 || numbers.length === 4 ? 2 : 3;
  const gap = 20;
  const tileW = (width - gap * (columns - 1)) / columns;
  const h = tileHeight(numbers, tileW);
  const rows = Math.ceil(numbers.length / columns);
  numbers.forEach((number, index) => {
    const row = Math.floor(index / columns);
    const col = index % columns;
    // Centre an incomplete last row.
    const inRow = row === rows - 1 ? numbers.length - row * columns : columns;
    const rowOffset = ((columns - inRow) * (tileW + gap)) / 2;
    numberTile(svg, number, {
      id: `${id}-${index}`,
      parent,
      x: x + rowOffset + col * (tileW + gap),
      y: y + row * (h + gap),
      w: tileW,
      h,
      color: color(index),
    });
  });
  return rows * h + (rows - 1) * gap;
}

function areaBlock(svg: SvgBuilder, area: InfographicArea, index: number, y: number, width: number): number {
  const color = AREA_COLORS[index % AREA_COLORS.length] ?? RED;
  const id = `area-${index}`;
  const x = 48;
  const w = width - 96;
  const inner = w - 64;
  const parts: string[] = [];
  // Header band: ordinal disc, title, completion badge.
  const badge = area.completion === undefined ? '' : `完成 ${percent(area.completion)}`;
  const badgeW = badge ? textWidth(badge, 26) + 36 : 0;
  const titleW = w - 140 - (badge ? badgeW + 24 : 0) - 32;
  const title = wrapText(area.title, 38, titleW);
  const headerH = Math.max(112, title.length * 38 * 1.35 + 48);
  const start = svg.parts.length;
  let top = y + headerH + 32;
  const bodyStart = top;
  top += tileGrid(svg, `${id}-number`, id, area.numbers, x + 32, top, inner, () => color);
  if (area.numbers.length > 0) top += 28;
  area.measures.forEach((measure, m) => {
    const mid = `${id}-measure-${m}`;
    if (measure.title) {
      svg.rect(x + 32, top + 12, 14, 30, `rx="3" fill="${color}"`);
      top += svg.paragraph(`${mid}-title`, id, measure.title, x + 60, top, inner - 28, {
        size: 30,
        fill: INK,
        weight: 700,
        leading: 1.4,
      });
      top += 6;
    }
    for (const [t, item] of measure.items.entries()) {
      svg.raw(`<circle cx="${r(x + 68)}" cy="${r(top + 17)}" r="4" fill="${color}"/>`);
      top += svg.paragraph(`${mid}-item-${t}`, id, item, x + 84, top, inner - 52, {
        size: 24,
        fill: MUTED,
        leading: 1.45,
      });
      top += 4;
    }
    if (measure.more > 0) {
      top += svg.lines(`${mid}-more`, id, [moreTasksLabel(measure.more)], x + 84, top, {
        size: 22,
        fill: color,
        leading: 1.45,
      });
    }
    top += 18;
  });
  if (top === bodyStart) top += 8;
  const h = top - y + 14;
  // Background drawn under the content: insert before what the body wrote.
  parts.push(
    `<rect x="${x}" y="${r(y)}" width="${w}" height="${r(h)}" rx="24" fill="${tint(color, 0.92)}" stroke="${tint(color, 0.55)}" stroke-width="2"/>`,
    `<path d="M${x} ${r(y + 24)}a24 24 0 0 1 24 -24h${w - 48}a24 24 0 0 1 24 24v${r(headerH - 24)}h${-w}z" fill="${color}"/>`,
    `<circle cx="${x + 72}" cy="${r(y + headerH / 2)}" r="40" fill="#FFFFFF"/>`,
  );
  svg.parts.splice(start, 0, ...parts);
  svg.box({ id, parent: 'canvas', kind: 'container', x, y, w, h });
  svg.lines(`${id}-ordinal`, id, [area.ordinal], x + 72, y + headerH / 2 - 24, {
    size: area.ordinal.length > 1 ? 30 : 40,
    fill: color,
    weight: 700,
    anchor: 'middle',
    leading: 1.2,
  });
  svg.lines(`${id}-title`, id, title, x + 140, y + (headerH - title.length * 38 * 1.35) / 2, {
    size: 38,
    fill: '#FFFFFF',
    weight: 700,
    leading: 1.35,
  });
  if (badge) {
    const bx = x + w - 32 - badgeW;
    const by = y + headerH / 2 - 24;
    svg.rect(bx, by, badgeW, 48, `rx="24" fill="#FFFFFF" opacity="0.95"`);
    svg.lines(`${id}-badge`, id, [badge], bx + badgeW / 2, by + 6, {
      size: 26,
      fill: color,
      weight: 700,
      anchor: 'middle',
      leading: 1.4,
    });
  }
  return h;
}

/**
 * The line under a measure's shown tasks that counts the ones left out: "另有 1 项任务", not
 * "等 1 项任务" (等 reads as the total, which for one task says nothing).
 */
export function moreTasksLabel(count: number): string {
  return `另有 ${count} 项任务`;
}

/**
 * Lays out the 一图读懂 long image at `width` px (1080 for WeChat) and returns the SVG with the
 * boxes of everything placed. Height follows the content.
 */
export function renderInfographicSvg(model: InfographicModel, width = 1080): InfographicLayout {
  const svg = new SvgBuilder();
  const content = width - 96;
  let y = 0;
  // Title band.
  const { size: titleSize, lines: title } = titleLines(model.title, content - 40);
  const headerTextH = 56 + 24 + title.length * titleSize * 1.25 + (model.subtitle ? 56 : 0);
  const headerH = headerTextH + 130;
  svg.rect(0, 0, width, headerH, 'fill="url(#band)"');
  svg.raw(
    `<circle cx="${width - 60}" cy="70" r="180" fill="#FFFFFF" opacity="0.06"/>` +
      `<circle cx="70" cy="${r(headerH - 40)}" r="120" fill="#FFFFFF" opacity="0.05"/>` +
      `<rect x="0" y="${r(headerH - 14)}" width="${width}" height="14" fill="${GOLD}"/>`,
  );
  svg.box({ id: 'header', parent: 'canvas', kind: 'container', x: 0, y: 0, w: width, h: headerH });
  y = 64;
  const kickerW = textWidth(model.kicker, 40) + 64;
  svg.rect((width - kickerW) / 2, y, kickerW, 56, `rx="28" fill="${GOLD}"`);
  svg.lines('kicker', 'header', [model.kicker], width / 2, y + 2, {
    size: 40,
    fill: RED,
    weight: 700,
    anchor: 'middle',
    leading: 1.3,
  });
  y += 56 + 24;
  y += svg.lines('title', 'header', title, width / 2, y, {
    size: titleSize,
    fill: '#FFFFFF',
    weight: 700,
    anchor: 'middle',
    leading: 1.25,
  });
  if (model.subtitle) {
    y += 12;
    svg.lines('subtitle', 'header', [model.subtitle], width / 2, y, {
      size: 30,
      fill: GOLD,
      anchor: 'middle',
      leading: 1.4,
    });
  }
  y = headerH + 36;
  // Totals strip.
  const totals: [string, string][] = [
    [String(model.totals.areas), '大领域'],
    [String(model.totals.measures), '项举措'],
    [String(model.totals.tasks), '项任务'],
    [String(model.totals.targets), '个量化目标'],
  ];
  const cellW = content / totals.length;
  svg.rect(48, y, content, 128, `rx="20" fill="#FFFFFF" stroke="${tint(RED, 0.7)}" stroke-width="2"`);
  svg.box({ id: 'totals', parent: 'canvas', kind: 'container', x: 48, y, w: content, h: 128 });
  totals.forEach(([value, label], i) => {
    const cx = 48 + cellW * (i + 0.5);
    svg.lines(`totals-${i}-value`, 'totals', [value], cx, y + 12, {
      size: 52,
      fill: RED,
      weight: 700,
      anchor: 'middle',
      leading: 1.2,
    });
    svg.lines(`totals-${i}-label`, 'totals', [label], cx, y + 80, {
      size: 24,
      fill: MUTED,
      anchor: 'middle',
      leading: 1.3,
    });
    if (i > 0) svg.rect(48 + cellW * i, y + 28, 2, 72, `fill="${tint(RED, 0.8)}"`);
  });
  y += 128 + 56;
  // General requirement.
  if (model.requirement) {
    y += sectionHeading(svg, 'requirement-heading', '总体要求', y, width) + 28;
    const lines = wrapText(model.requirement, 30, content - 80, 10);
    const h = lines.length * 30 * 1.7 + 64;
    svg.rect(48, y, content, h, `rx="20" fill="#FFFFFF" stroke="${tint(RED, 0.7)}" stroke-width="2"`);
    svg.raw(
      `<text x="60" y="${r(y + 84)}" font-size="96" fill="${tint(RED, 0.8)}" font-weight="700">“</text>`,
    );
    svg.box({ id: 'requirement', parent: 'canvas', kind: 'container', x: 48, y, w: content, h });
    svg.lines('requirement-text', 'requirement', lines, 88, y + 32, {
      size: 30,
      fill: INK,
      leading: 1.7,
    });
    y += h + 56;
  }
  // Headline figures.
  if (model.keyNumbers.length > 0) {
    y += sectionHeading(svg, 'numbers-heading', '主要目标', y, width) + 28;
    const h = tileGrid(svg, 'key', 'key-numbers', model.keyNumbers, 48, y, content, () => RED);
    svg.box({ id: 'key-numbers', parent: 'canvas', kind: 'container', x: 48, y, w: content, h });
    y += h + 56;
  }
  // Work areas.
  y += sectionHeading(svg, 'areas-heading', `重点做好${model.areas.length}方面工作`, y, width) + 28;
  model.areas.forEach((area, index) => {
    y += areaBlock(svg, area, index, y, width) + 32;
  });
  // Footer.
  y += 16;
  const footerLines = [
    ...(model.progressAsOf ? [`进度数据截至 ${model.progressAsOf}`] : []),
    ...model.footer,
  ].flatMap((line) => wrapText(line, 24, content, 2));
  const footerH = footerLines.length * 24 * 1.5 + 64;
  svg.rect(0, y, width, footerH, `fill="${RED}"`);
  svg.box({ id: 'footer', parent: 'canvas', kind: 'container', x: 0, y, w: width, h: footerH });
  svg.lines('footer-text', 'footer', footerLines, width / 2, y + 32, {
    size: 24,
    fill: '#FFE9C7',
    anchor: 'middle',
    leading: 1.5,
  });
  const height = Math.ceil(y + footerH);
  svg.box({ id: 'canvas', kind: 'container', x: 0, y: 0, w: width, h: height });
  const defs =
    `<linearGradient id="band" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="#C62828"/><stop offset="1" stop-color="${RED}"/></linearGradient>`;
  const body = `<rect width="${width}" height="${height}" fill="${PAGE}"/>${svg.parts.join('')}`;
  svg.parts.length = 0;
  svg.raw(body);
  return { svg: svg.toSvg(width, height, defs), width, height, boxes: svg.boxes };
}
