import { AlignmentType, PageOrientation, Paragraph, Table, TableRow, WidthType } from 'docx';
import { DIVISION_COLUMNS, type DivisionPlan } from './division-model.js';
import { cell, docxBuffer, FONTS, headerRow, run, SIZE, titleParagraph } from './docx-style.js';

/** Column widths in DXA on landscape A4 (about 13,900 DXA of text width). */
const WIDTHS = [700, 5600, 2200, 1300, 2500, 1600];

/**
 * The 分工方案 as a Word document: landscape A4, title, one table with the usual six columns,
 * a shaded heading row per work area, the header repeated on every page.
 */
export async function renderDivisionDocx(plan: DivisionPlan): Promise<Buffer> {
  const total = WIDTHS.reduce((sum, w) => sum + w, 0);
  const rows: TableRow[] = [headerRow(DIVISION_COLUMNS, WIDTHS)];
  for (const group of plan.groups) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(group.heading, { width: total, bold: true, columnSpan: WIDTHS.length, shade: 'F2F2F2' }),
        ],
      }),
    );
    for (const entry of group.rows) {
      const values = [
        String(entry.seq),
        entry.task,
        entry.leadUnit,
        entry.leadOfficial,
        entry.cooperatingUnits,
        entry.deadline,
      ];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: values.map((value, i) =>
            cell(value, { width: WIDTHS[i] ?? 1000, center: i === 0 || i === 3 || i === 5 }),
          ),
        }),
      );
    }
  }
  const children = [titleParagraph(plan.title)];
  if (plan.subtitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(plan.subtitle, { font: FONTS.heading2, size: SIZE.四号 })],
      }),
    );
  }
  return docxBuffer({
    creator: '落实 luoshi',
    title: plan.title,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape: give the portrait A4 size.
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
          },
        },
        children: [
          ...children,
          new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: WIDTHS, rows }),
        ],
      },
    ],
  });
}
