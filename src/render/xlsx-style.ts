import ExcelJS from 'exceljs';

/** Body font of our spreadsheets: 宋体 is present in every Excel and WPS install in China. */
export const SHEET_FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A new workbook with the document properties Excel and WPS show. */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实 luoshi';
  workbook.title = title;
  // A fixed date keeps exports byte-comparable between runs of the same data.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

/** Writes a merged title row across `columns` columns and returns the next free row number. */
export function titleRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  columns: number,
  text: string,
  size = 16,
): number {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: '黑体', size, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(row).height = size * 2;
  return row + 1;
}

/** Styles a header row: bold, shaded, bordered, centred, wrapped. */
export function styleHeader(row: ExcelJS.Row): void {
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = CELL_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

/** Styles a body row: bordered, wrapped, top-aligned; columns in `centred` are centred. */
export function styleBody(row: ExcelJS.Row, centred: readonly number[] = []): void {
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.font = { name: SHEET_FONT, size: 10.5 };
    cell.border = CELL_BORDER;
    cell.alignment = {
      vertical: 'middle',
      wrapText: true,
      horizontal: centred.includes(column) ? 'center' : 'left',
    };
  });
}

/**
 * Row height that shows wrapped text whole: Excel does not grow rows for merged or
 * wrapped cells on open, so we estimate lines from the widest cell (2 width units per CJK char).
 */
export function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const text = cell.text ?? '';
    const width = widths[column - 1] ?? 10;
    let units = 0;
    for (const char of text) units += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1.1;
    lines = Math.max(lines, Math.ceil(units / Math.max(1, width - 1)));
  });
  row.height = Math.max(20, lines * 15 + 6);
}

/** Landscape A4, fitted to the page width, header rows repeated on every printed page. */
export function printSetup(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 28)}(${n})`;
  taken.add(name);
  return name;
}

/** Text a spreadsheet program could take for a formula (or DDE) when the cell is edited or exported to CSV. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that begins like a formula (= + - @, tab, CR), written with a leading apostrophe — the
 * spreadsheet convention for "this is text" — so a task text or narrative such as
 * `=HYPERLINK(…)` stays text in Excel and WPS however the file is edited or re-saved.
 * Readers of our own templates take the apostrophe off again (unquoteFormulaText).
 */
export function quoteFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text quoteFormulaText wrote, as it was. */
export function unquoteFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Quotes every text cell of the workbook that begins like a formula (quoteFormulaText). */
export function quoteFormulaCells(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string') cell.value = quoteFormulaText(cell.value);
        else if (cell.value && typeof cell.value === 'object' && 'richText' in cell.value) {
          const [first, ...rest] = cell.value.richText;
          if (first) cell.value = { richText: [{ ...first, text: quoteFormulaText(first.text) }, ...rest] };
        }
      });
    });
  });
}

/** Serialises a workbook to a Buffer, formula-like text quoted (quoteFormulaCells). */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  quoteFormulaCells(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
