import { inflateRawSync } from 'node:zlib';
import { badInput, type LuoshiError } from '../core/errors.js';

/** Bounds that keep a hostile archive from exhausting memory. */
export interface ZipLimits {
  /** Largest uncompressed size accepted for one entry we read. */
  maxEntryBytes: number;
  /** Most entries a central directory may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 64 * 1024 * 1024, maxEntries: 5000 };

/** One file listed in the archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function broken(fileName: string, why: string, whyZh: string): LuoshiError {
  return badInput(
    'broken_docx',
    `${fileName} is not a readable .docx file (${why}); open it in Word or WPS and save it again`,
    `${fileName} 不是可读取的 .docx 文件（${whyZh}），请用 Word 或 WPS 打开后重新保存`,
    { file: fileName },
  );
}

/**
 * List the entries of a zip archive from its central directory. Truncated or malformed archives
 * (no end-of-central-directory record, entries pointing past the end) raise `broken_docx`.
 */
export function listZipEntries(bytes: Uint8Array, fileName: string, limits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0)
    throw broken(
      fileName,
      'the file is truncated: no zip directory at its end',
      '文件不完整：末尾缺少压缩目录',
    );
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw broken(fileName, 'ZIP64 archives are not supported', '不支持 ZIP64 压缩格式');
  }
  if (count > limits.maxEntries) throw broken(fileName, `${count} entries`, `包含 ${count} 个条目`);
  if (directoryOffset + directorySize > eocd) {
    throw broken(fileName, 'the zip directory points outside the file', '压缩目录指向文件之外');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw broken(fileName, 'a damaged zip directory entry', '压缩目录条目损坏');
    }
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Read one entry, checking its declared size against the limit before inflating and capping the
 * inflated output at that declared size, so an archive that lies about its sizes (a zip bomb)
 * is refused in bounded memory.
 */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  fileName: string,
  limits = DEFAULT_ZIP_LIMITS,
): Uint8Array {
  if (entry.uncompressedSize > limits.maxEntryBytes) throw zipBomb(fileName, entry);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw broken(fileName, `a damaged entry ${entry.name}`, `条目 ${entry.name} 损坏`);
  }
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw broken(fileName, 'the file is truncated', '文件不完整');
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      throw broken(fileName, 'inconsistent sizes', '大小不一致');
    return data;
  }
  if (entry.method !== 8)
    throw broken(fileName, `compression method ${entry.method}`, `不支持的压缩方式 ${entry.method}`);
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (inflated.length !== entry.uncompressedSize) {
      throw broken(fileName, `entry ${entry.name} has the wrong size`, `条目 ${entry.name} 大小不符`);
    }
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw zipBomb(fileName, entry);
    if ((error as { code?: string }).code === 'broken_docx') throw error;
    throw broken(fileName, `entry ${entry.name} cannot be decompressed`, `条目 ${entry.name} 无法解压`);
  }
}

function zipBomb(fileName: string, entry: ZipEntry): LuoshiError {
  return badInput(
    'zip_bomb',
    `${fileName}: ${entry.name} expands beyond the ${Math.round(DEFAULT_ZIP_LIMITS.maxEntryBytes / 1048576)} MB limit or beyond its declared size; refusing to decompress it`,
    `${fileName}：${entry.name} 解压后超过 ${Math.round(DEFAULT_ZIP_LIMITS.maxEntryBytes / 1048576)} MB 上限或与声明大小不符，已拒绝解压`,
    { file: fileName, entry: entry.name, declaredBytes: entry.uncompressedSize },
  );
}
