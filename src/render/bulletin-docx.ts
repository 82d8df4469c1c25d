import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  BULLETIN_GROUP_ZH,
  BULLETIN_GROUPS,
  type BulletinIndicator,
  type BulletinModel,
  type BulletinStats,
  type BulletinTask,
} from './bulletin-model.js';
import { formatChineseDate } from './division-model.js';
import {
  bodyParagraph,
  cell,
  docxBuffer,
  FONTS,
  headerRow,
  headingParagraph,
  run,
  SIZE,
  titleParagraph,
} from './docx-style.js';
import { chineseOrdinal } from './target-format.js';

/** A chart as a PNG to embed, with its pixel size. */
export interface ChartImage {
  name: string;
  caption: string;
  png: Buffer;
  width: number;
  height: number;
}

/** Text width of portrait A4 with 2.8 cm / 2.6 cm margins, in DXA. */
const TEXT_WIDTH = 8844;

function pct(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function statsTable(first: string, rows: readonly BulletinStats[], total?: BulletinStats): Table {
  const labels = [first, '任务数', ...BULLETIN_GROUPS.map((g) => BULLETIN_GROUP_ZH[g]), '完成率', '序时进度'];
  const widths = [2444, 800, 800, 1000, 1000, 1000, 900, 900];
  const line = (name: string, s: BulletinStats, bold = false): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        name,
        s.total,
        ...BULLETIN_GROUPS.map((g) => s.counts[g]),
        pct(s.completion),
        pct(s.expected),
      ].map((value, i) => cell(String(value), { width: widths[i] ?? 900, center: i > 0, bold })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      headerRow(labels, widths),
      ...rows.map((s) => line(s.name, s)),
      ...(total ? [line('合计', total, true)] : []),
    ],
  });
}

/** 主要预期目标: each indicator with its target, the figure reported and the verdict. */
function indicatorTable(indicators: readonly BulletinIndicator[]): Table {
  const labels = ['主要预期目标', '目标', '实际', '评价', '牵头单位'];
  const widths = [3244, 1200, 1200, 1300, 1900];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      headerRow(labels, widths),
      ...indicators.map(
        (indicator) =>
          new TableRow({
            cantSplit: true,
            children: [
              indicator.text,
              indicator.target,
              indicator.actual,
              indicator.verdictZh,
              indicator.leadUnit,
            ].map((value, i) => cell(value, { width: widths[i] ?? 1200, center: i > 0 && i < 4 })),
          }),
      ),
    ],
  });
}

function chartParagraphs(chart: ChartImage | undefined): Paragraph[] {
  if (!chart) return [];
  // 15.5 cm wide at 96 dpi ≈ 586 px; height keeps the aspect ratio.
  const width = 586;
  const height = Math.round((chart.height / chart.width) * width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: chart.name, title: chart.caption, description: chart.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(chart.caption, { font: FONTS.heading2, size: SIZE.小四 })],
    }),
  ];
}

function groupParagraphs(tasks: readonly BulletinTask[], withUnit: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of BULLETIN_GROUPS) {
    const own = tasks.filter((task) => task.group === group);
    if (own.length === 0) continue;
    out.push(bodyParagraph(`${BULLETIN_GROUP_ZH[group]}${own.length}项：`, { font: FONTS.heading2 }));
    own.forEach((task, i) => {
      const unit = !withUnit ? '' : task.leadUnit ? `（牵头单位：${task.leadUnit}）` : '（未分工）';
      const done = task.completion === null ? '' : `，完成${pct(Math.min(1, task.completion))}`;
      out.push(bodyParagraph(`${i + 1}. ${task.task}${unit}${done}。`.replace(/。。$/u, '。')));
    });
  }
  return out;
}

/**
 * The 督查通报 as a Word document in the usual form: title, issuer/issue/date line over a red
 * rule, 仿宋 body, 黑体/楷体 headings, summary tables, chart images, and per area and per unit
 * the completed / on-schedule / lagging / overdue tasks.
 */
export async function renderBulletinDocx(
  model: BulletinModel,
  charts: readonly ChartImage[],
): Promise<Buffer> {
  const chart = (name: string) => chartParagraphs(charts.find((c) => c.name === name));
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run('督 查 通 报', { font: FONTS.title, size: 72, color: 'C00000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
      spacing: { after: 360 },
      children: [
        run(`${model.issuer}　　${model.issue}　　${formatChineseDate(model.date)}`, { size: SIZE.三号 }),
      ],
    }),
    titleParagraph(model.title),
    ...model.paragraphs.map((p) => bodyParagraph(p)),
    headingParagraph('一、总体情况', 1),
    statsTable('类别', [], model.summary),
    ...chart('groups'),
    ...(model.indicators.length > 0
      ? [headingParagraph('主要预期目标完成情况', 2), indicatorTable(model.indicators)]
      : []),
    headingParagraph('二、分领域推进情况', 1),
    statsTable('工作领域', model.areas, model.summary),
    ...chart('areas'),
  ];
  model.areas.forEach((area, index) => {
    children.push(
      headingParagraph(
        `（${chineseOrdinal(index + 1)}）${area.name.replace(/^[一二三四五六七八九十]+、/u, '')}`,
        2,
      ),
    );
    children.push(...groupParagraphs(area.tasks, true));
  });
  children.push(
    headingParagraph('三、分单位推进情况', 1),
    statsTable('牵头单位', model.units),
    ...chart('units'),
  );
  model.units.forEach((unit, index) => {
    children.push(headingParagraph(`（${chineseOrdinal(index + 1)}）${unit.name}`, 2));
    children.push(...groupParagraphs(unit.tasks, false));
  });
  children.push(
    headingParagraph('四、下一步工作要求', 1),
    bodyParagraph(
      '各牵头单位要对照任务分工和序时进度，对滞后、逾期任务逐项分析原因，明确整改措施和完成时限；' +
        '配合单位要主动对接、形成合力。督查室将持续跟踪问效，对推进不力的予以通报督办。',
    ),
  );
  return docxBuffer({
    creator: '落实 luoshi',
    title: model.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children,
      },
    ],
  });
}
