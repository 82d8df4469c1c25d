import {
  AlignmentType,
  BorderStyle,
  Packer,
  Paragraph,
  ShadingType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * The type conventions of Chinese official documents (GB/T 9704): titles in 方正小标宋 (黑体 where
 * absent), body in 仿宋_GB2312 at 三号 (16 pt), headings 黑体 and 楷体; tables one size smaller.
 */
export const FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
} as const;

/** Half-points, as docx counts font sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  color?: string;
}

/** A text run with a Chinese font for CJK text and Times New Roman for Latin and digits. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: style.font ?? FONTS.body, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: style.size ?? SIZE.三号,
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
  });
}

/** The centred document title (二号 小标宋). */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 360, line: 560 },
    children: [run(text, { font: FONTS.title, size: SIZE.二号 })],
  });
}

/** A body paragraph: 仿宋 三号, first line indented two characters, 28 pt fixed line spacing. */
export function bodyParagraph(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text, style)],
  });
}

/** 一级标题 "一、…" in 黑体, 二级标题 "（一）…" in 楷体. */
export function headingParagraph(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, before: level === 1 ? 120 : 0 },
    keepNext: true,
    children: [run(text, { font: level === 1 ? FONTS.heading1 : FONTS.heading2 })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

export interface CellOptions {
  /** Width in twentieths of a point (DXA). */
  width: number;
  bold?: boolean;
  center?: boolean;
  shade?: string;
  columnSpan?: number;
  font?: string;
}

/** A bordered table cell holding one paragraph of 五号 text. */
export function cell(text: string, options: CellOptions): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } } : {}),
    children: [
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          run(text, {
            font: options.font ?? (options.bold ? FONTS.heading1 : FONTS.table),
            size: SIZE.五号,
            ...(options.bold ? { bold: true } : {}),
          }),
        ],
      }),
    ],
  });
}

/** A header row repeated at the top of every page the table spans. */
export function headerRow(labels: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map((label, i) =>
      cell(label, { width: widths[i] ?? 1000, bold: true, center: true, shade: 'D9E1F2' }),
    ),
  });
}

/** Serialises a docx Document to a Buffer. */
export async function docxBuffer(
  document: ConstructorParameters<typeof import('docx').Document>[0],
): Promise<Buffer> {
  const { Document } = await import('docx');
  return Packer.toBuffer(new Document(document));
}
