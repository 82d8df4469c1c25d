import ExcelJS from 'exceljs';
import { badInput } from '../core/errors.js';

/**
 * Opens the bytes of an .xlsx workbook. Bytes ExcelJS cannot open are refused with a 400
 * `bad_xlsx` whose message the caller words (`refusal` gets ExcelJS's reason, in English).
 */
export async function openXlsxWorkbook(
  bytes: Uint8Array,
  refusal: (reason: string) => { en: string; zh: string },
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const { en, zh } = refusal((error as Error).message);
    throw badInput('bad_xlsx', en, zh);
  }
  return workbook;
}
