import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { badInput } from '../core/errors.js';
import { DEFAULT_MAX_REPORT_BYTES, type DecodedReport, type DecodeOptions, fileTooLarge } from './decode.js';
import { readDocument } from './read-document.js';

/**
 * Read and decode a report file from disk. The size is checked before reading, so a huge file is
 * refused without loading it.
 */
export async function readReportFile(path: string, options: DecodeOptions = {}): Promise<DecodedReport> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw badInput(
      'file_not_found',
      `${path}: cannot read it (${(error as Error).message}); check the path`,
      `${path}：无法读取该文件，请检查路径`,
      { file: path },
    );
  }
  if (size > maxBytes) throw fileTooLarge(basename(path), size, maxBytes);
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return await readDocument(bytes.subarray(0, bytesRead), basename(path), { maxBytes });
  } finally {
    await handle.close();
  }
}
