import WordExtractor from 'word-extractor';
import { badInput } from '../core/errors.js';

/** word-extractor's getBody takes options its published types leave out. */
interface UnfilteredBody {
  getBody(options: { filterUnicode: boolean }): string;
}

/**
 * Word 97–2003 (.doc) and WPS (.wps, the same OLE2 binary) → the body text, one line per
 * paragraph, with word-extractor. Headers, footers, footnotes and text boxes are left out: they
 * are not part of the report's body. Anything the reader cannot open (an Excel or PowerPoint
 * file, an encrypted or damaged document) raises `broken_doc`.
 */
export async function wordBinaryToText(bytes: Uint8Array, fileName: string): Promise<string> {
  let body: string;
  try {
    const document = await new WordExtractor().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    // Keep curly quotes and dashes as written ("——", “十五五”): the default filter makes them ASCII.
    body = (document as unknown as UnfilteredBody).getBody({ filterUnicode: false });
  } catch (error) {
    throw badInput(
      'broken_doc',
      `${fileName} is an Office binary file that is not a readable Word/WPS document (${(error as Error).message}); open it in Word or WPS and save it as .docx`,
      `${fileName} 不是可读取的 Word/WPS 文档（可能已加密、损坏或是其他 Office 文件），请用 Word 或 WPS 打开后另存为 .docx`,
      { file: fileName },
    );
  }
  // Word marks cells and rows with control characters that word-extractor turns into tabs and
  // newlines; page and section breaks (\f) end a paragraph too.
  return body.replace(/\f/g, '\n');
}
