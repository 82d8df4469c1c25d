import { fileTypeFromBuffer } from 'file-type';
import { badInput } from '../../core/errors.js';

/**
 * Evidence files units may attach (佐证材料), by extension: the type they are served as, and what
 * file-type must find in the first bytes (Word and Excel 97–2003 files are OLE compound files,
 * `cfb`; a text file has no signature at all).
 */
const EVIDENCE_TYPES: Record<string, { mime: string; content: string | null }> = {
  '.pdf': { mime: 'application/pdf', content: 'pdf' },
  '.jpg': { mime: 'image/jpeg', content: 'jpg' },
  '.jpeg': { mime: 'image/jpeg', content: 'jpg' },
  '.png': { mime: 'image/png', content: 'png' },
  '.doc': { mime: 'application/msword', content: 'cfb' },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: 'docx',
  },
  '.xls': { mime: 'application/vnd.ms-excel', content: 'cfb' },
  '.xlsx': { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: 'xlsx' },
  '.txt': { mime: 'text/plain; charset=utf-8', content: null },
};

export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * The type an evidence file is stored and served as, once its name is on the list and its bytes
 * are what the name says (a renamed .exe is not a PDF); otherwise a 400 naming the file.
 */
export async function evidenceTypeOf(fileName: string, bytes: Uint8Array): Promise<string> {
  const allowed = EVIDENCE_TYPES[extensionOf(fileName)];
  if (!allowed) {
    throw badInput(
      'unsupported_file',
      `${fileName}: attach pdf, jpg, png, doc(x), xls(x) or txt files`,
      `${fileName}：仅支持 pdf、jpg、png、doc(x)、xls(x)、txt 文件`,
    );
  }
  const found = await fileTypeFromBuffer(bytes);
  const matches =
    allowed.content === null
      ? found === undefined && !bytes.subarray(0, 8192).includes(0)
      : found?.ext === allowed.content;
  if (!matches) {
    throw badInput(
      'file_content_mismatch',
      `${fileName}: the content is not a ${extensionOf(fileName).slice(1)} file${found ? ` (it looks like ${found.ext})` : ''}; attach the original file`,
      `${fileName}：文件内容与扩展名不符${found ? `（实为 ${found.ext}）` : ''}，请上传原始文件`,
    );
  }
  return allowed.mime;
}
