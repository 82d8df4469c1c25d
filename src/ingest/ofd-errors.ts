import { badInput, type LuoshiError } from '../core/errors.js';

/** The error for an OFD package that cannot be read (kept apart so sniffing need not load the reader). */
export function brokenOfd(fileName: string, why: string, whyZh: string): LuoshiError {
  return badInput(
    'broken_ofd',
    `${fileName} is not a readable OFD document (${why}); open it in an OFD reader and export it again`,
    `${fileName} 不是可读取的 OFD 文档（${whyZh}），请用 OFD 阅读器打开后重新导出`,
    { file: fileName },
  );
}
