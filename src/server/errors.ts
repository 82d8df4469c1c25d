import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLuoshiError } from '../core/errors.js';
import { databaseFailureResponse } from './database-errors.js';

/** One failing input field of a rejected request. */
export const fieldErrorSchema = z.object({
  /** Where the value came from and its path, e.g. "body.password" or "params.id". */
  path: z.string(),
  message: z.string(),
});

/** The body of every error the API answers with. */
export const errorBodySchema = z
  .object({
    code: z.string().describe('Stable machine-readable error code'),
    message: z.string().describe('English message'),
    messageZh: z.string().describe('中文说明'),
    fields: z.array(fieldErrorSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Statuses every route may answer with; spread into a route's `response` schema. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
} as const;

interface FastifyCodeMapping {
  code: string;
  en: string;
  zh: string;
}

/** Fastify's own client errors, given our stable codes and both languages. */
const FASTIFY_CLIENT_ERRORS: Record<string, FastifyCodeMapping> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_json',
    en: 'The request body is not valid JSON',
    zh: '请求体不是有效的 JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    en: 'The request body is empty but JSON was declared',
    zh: '请求体为空，但声明为 JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    en: 'The request body is too large',
    zh: '请求体过大',
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'payload_too_large',
    en: 'The uploaded file is too large',
    zh: '上传的文件过大',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    en: 'This content type is not accepted here',
    zh: '不支持该内容类型',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    en: 'Content-Length does not match the body',
    zh: '内容长度与请求体不符',
  },
  FST_CSRF_INVALID_TOKEN: {
    code: 'csrf_invalid',
    en: 'Missing or invalid CSRF token: fetch GET /api/session and send its csrfToken in the x-csrf-token header',
    zh: 'CSRF 令牌缺失或无效：请先请求 GET /api/session，并在 x-csrf-token 头中发送 csrfToken',
  },
  FST_CSRF_MISSING_SECRET: {
    code: 'csrf_invalid',
    en: 'Missing CSRF secret cookie: fetch GET /api/session first',
    zh: '缺少 CSRF 密钥 Cookie：请先请求 GET /api/session',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'unsupported_media_type',
    en: 'Expected a multipart/form-data upload',
    zh: '需要 multipart/form-data 格式的上传',
  },
  FST_PARTS_LIMIT: { code: 'payload_too_large', en: 'Too many parts in the upload', zh: '上传的部分过多' },
  FST_FILES_LIMIT: { code: 'payload_too_large', en: 'Too many files in the upload', zh: '上传的文件过多' },
  FST_FIELDS_LIMIT: { code: 'payload_too_large', en: 'Too many fields in the upload', zh: '上传的字段过多' },
};

function statusOf(error: FastifyError): number {
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Turn any thrown error into the status and body the API answers with. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isLuoshiError(error)) {
    const body: ErrorBody = { code: error.code, message: error.message, messageZh: error.messageZh };
    const details = error.details ? { ...error.details } : undefined;
    if (details && Array.isArray(details.fields)) {
      body.fields = details.fields as ErrorBody['fields'];
      delete details.fields;
    }
    if (details && Object.keys(details).length > 0) body.details = details;
    return { status: error.status, body };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'body';
    return {
      status: 400,
      body: {
        code: 'validation_failed',
        message: `The request ${where} is invalid`,
        messageZh: '请求参数无效',
        fields: fastifyError.validation.map((issue) => ({
          path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
          message: issue.message ?? 'invalid value',
        })),
      },
    };
  }
  if (typeof fastifyError === 'object' && fastifyError !== null) {
    const known =
      typeof fastifyError.code === 'string' ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
    const status = fastifyError.code === 'FST_CSRF_MISSING_SECRET' ? 403 : statusOf(fastifyError);
    if (known) return { status, body: { code: known.code, message: known.en, messageZh: known.zh } };
    if (status === 429) {
      return {
        status,
        body: {
          code: 'rate_limited',
          message: 'Too many requests, try again later',
          messageZh: '请求过于频繁，请稍后再试',
        },
      };
    }
    if (status >= 400 && status < 500) {
      return { status, body: { code: 'bad_request', message: fastifyError.message, messageZh: '请求无效' } };
    }
  }
  const database = databaseFailureResponse(error);
  if (database) return database;
  const code = (error as { code?: unknown } | null)?.code;
  // Text PostgreSQL cannot store (a NUL character: character_not_in_repertoire, or an
  // untranslatable character) came from the client; nothing was written.
  if (code === '22021' || code === '22P05') {
    return {
      status: 400,
      body: {
        code: 'invalid_text',
        message: 'The request holds characters that cannot be stored (such as NUL)',
        messageZh: '请求中含有无法保存的字符（如 NUL）',
      },
    };
  }
  // PostgreSQL's integer columns end at 2^31 − 1: an id or number beyond what a column holds
  // (numeric_value_out_of_range) is the client's value, which matches nothing.
  if (code === '22003') {
    return {
      status: 400,
      body: {
        code: 'value_out_of_range',
        message: 'A number in the request is out of range',
        messageZh: '请求中的数值超出范围',
      },
    };
  }
  return {
    status: 500,
    body: { code: 'internal_error', message: 'Internal server error', messageZh: '服务器内部错误' },
  };
}

/** Install the one error handler and the JSON 404 for unknown /api routes. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) {
      const serialization =
        typeof error === 'object' && error !== null && isResponseSerializationError(error as FastifyError);
      request.log.error({ err: error, serialization }, 'request failed');
    } else {
      request.log.info({ code: body.code, status }, 'request rejected');
    }
    return reply.status(status).send(body);
  });
}

/** The JSON body for a route that does not exist. */
export function routeNotFoundBody(method: string, url: string): ErrorBody {
  return {
    code: 'route_not_found',
    message: `No route ${method} ${url.split('?')[0]}`,
    messageZh: '接口不存在',
  };
}
