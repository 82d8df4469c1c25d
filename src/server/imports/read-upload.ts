import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { badInput, LuoshiError } from '../../core/errors.js';
import { safeFileName } from './safe-file-name.js';

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  mime: string;
}

/** Errors of the multipart reader that already carry our answer (limits: 413). */
function isKnownUploadError(error: unknown): boolean {
  if (error instanceof LuoshiError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && /^FST_(REQ_FILE_TOO_LARGE|PARTS_LIMIT|FILES_LIMIT|FIELDS_LIMIT)/.test(code)
  );
}

/**
 * The first file part and its bytes. A body that is not well-formed multipart (no boundary, a
 * truncated or garbled body) is the client's fault: 400 `malformed_multipart`, not a 500.
 */
async function readFilePart(request: FastifyRequest) {
  try {
    const part = await request.file();
    if (!part) throw badInput('file_missing', 'No file in the upload', '上传内容中没有文件');
    return { part, buffer: await part.toBuffer() };
  } catch (error) {
    if (isKnownUploadError(error)) throw error;
    throw badInput(
      'malformed_multipart',
      'The upload is not well-formed multipart/form-data (missing boundary or truncated body)',
      '上传内容不是完整的 multipart/form-data（缺少分隔符或内容被截断）',
    );
  }
}

/** Reads the single file of a multipart request; oversize files are a 413, none a 400. */
export async function readUpload(request: FastifyRequest, maxMb: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new LuoshiError('unsupported_media_type', 415, {
      en: 'Send the file as multipart/form-data (field "file")',
      zh: '请以 multipart/form-data 格式上传文件（字段 file）',
    });
  }
  const { part, buffer } = await readFilePart(request);
  if (part.file.truncated) {
    throw new LuoshiError('payload_too_large', 413, {
      en: `The file is larger than ${maxMb} MB`,
      zh: `文件超过 ${maxMb} MB`,
    });
  }
  if (buffer.byteLength === 0) throw badInput('empty_file', 'The file is empty', '文件为空');
  return {
    fileName: safeFileName(part.filename),
    bytes: new Uint8Array(buffer),
    sha256: createHash('sha256').update(buffer).digest('hex'),
    mime: part.mimetype || 'application/octet-stream',
  };
}
