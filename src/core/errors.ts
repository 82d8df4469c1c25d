/**
 * The one error type of luoshi. Every failure a user can cause carries a stable `code`,
 * an HTTP status for the server edge, and a message in Chinese and English.
 */
export class LuoshiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    status: number,
    message: { en: string; zh: string },
    details?: Record<string, unknown>,
  ) {
    super(message.en);
    this.name = 'LuoshiError';
    this.code = code;
    this.status = status;
    this.messageZh = message.zh;
    this.details = details;
  }
}

/** Input that cannot be read or understood (wrong encoding, broken file, hostile text). */
export function badInput(
  code: string,
  en: string,
  zh: string,
  details?: Record<string, unknown>,
): LuoshiError {
  return new LuoshiError(code, 400, { en, zh }, details);
}

export function notFound(what: string, zhWhat: string, details?: Record<string, unknown>): LuoshiError {
  return new LuoshiError('not_found', 404, { en: `${what} not found`, zh: `未找到${zhWhat}` }, details);
}

export function conflict(en: string, zh: string, details?: Record<string, unknown>): LuoshiError {
  return new LuoshiError('conflict', 409, { en, zh }, details);
}

export function forbidden(en = 'You may not do this', zh = '无权执行此操作'): LuoshiError {
  return new LuoshiError('forbidden', 403, { en, zh });
}

export function isLuoshiError(error: unknown): error is LuoshiError {
  return error instanceof LuoshiError;
}
