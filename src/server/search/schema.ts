import { z } from 'zod';
import { MAX_LIMIT, MAX_QUERY_CHARS } from '../../store/search/search-entries.js';

const KINDS = ['report', 'paragraph', 'area', 'measure', 'task', 'target', 'progress', 'comment'] as const;
const id = z.coerce.number().int().positive();
const span = z.tuple([z.number().int(), z.number().int()]).readonly();

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(MAX_QUERY_CHARS).describe('What to look for (Chinese, letters or digits)'),
  reportId: id.optional(),
  areaId: id.optional().describe('Node id of a work area'),
  unitId: id.optional().describe('Only tasks assigned to this unit'),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  kind: z
    .string()
    .regex(
      new RegExp(`^(${KINDS.join('|')})(,(${KINDS.join('|')}))*$`),
      `a comma-separated list of ${KINDS.join(', ')}`,
    )
    .optional()
    .describe('Entry kinds to return, comma-separated'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const searchHitSchema = z
  .object({
    entryId: z.number().int(),
    kind: z.enum(KINDS),
    entityId: z.number().int().describe('Id of the report, node, target, progress report or comment'),
    reportId: z.number().int(),
    nodeId: z.number().int().nullable(),
    areaId: z.number().int().nullable(),
    year: z.number().int().nullable(),
    context: z.string().describe('Report title · work area'),
    body: z.string(),
    snippet: z.object({
      text: z.string(),
      marks: z.array(span).describe('Matched parts of `text`, [start, end)'),
      html: z.string().describe('`text` HTML-escaped with <mark> around the matches'),
    }),
    score: z.number(),
    fuzzy: z.boolean().describe('Found by the typo-tolerant pass (misses part of the query)'),
  })
  .meta({ id: 'SearchHit' });

export const searchResultSchema = z
  .object({ query: z.string(), hits: z.array(searchHitSchema), more: z.boolean() })
  .meta({ id: 'SearchResult' });

const revisionRef = z
  .string()
  .regex(/^\d{1,9}(@\d{1,6})?$/, 'a report id (12) or a revision (12@2)')
  .describe('Report id, or report id @ revision number');

export const diffQuerySchema = z.object({ before: revisionRef, after: revisionRef });
export const promiseQuerySchema = z.object({
  promised: revisionRef.describe("Year Y's report (its targets)"),
  reviewed: revisionRef.describe("Year Y+1's report (its review section)"),
});

const targetSchema = z
  .object({
    value: z.number(),
    max: z.number().optional(),
    unit: z.string(),
    comparator: z.string(),
    change: z.string(),
    subject: z.string(),
    text: z.string(),
    span,
  })
  .meta({ id: 'DiffTarget' });

const targetDiffSchema = z
  .object({
    movement: z.enum(['raised', 'lowered', 'unchanged', 'changed', 'new', 'dropped']),
    subject: z.string(),
    unit: z.string(),
    before: targetSchema.optional(),
    after: targetSchema.optional(),
    summary: z.string().describe('e.g. "中小学学位 5000 → 6500 个"'),
  })
  .meta({ id: 'TargetDiff' });

const itemRefSchema = z.object({
  kind: z.enum(['requirement', 'measure', 'task']),
  text: z.string(),
  span,
  areaIndex: z.number().int(),
  measure: z.string().optional(),
  label: z.string().optional(),
  index: z.number().int(),
  area: z.string(),
});

const countsSchema = z.object({
  continued: z.number().int(),
  reworded: z.number().int(),
  new: z.number().int(),
  dropped: z.number().int(),
});

const areaRefSchema = z.object({ index: z.number().int(), label: z.string().optional(), title: z.string() });
const docSchema = z.object({ title: z.string(), year: z.number().int().optional() });

export const reportDiffSchema = z
  .object({
    before: docSchema,
    after: docSchema,
    counts: countsSchema,
    targetCounts: z.record(z.string(), z.number().int()),
    areas: z.array(
      z.object({
        before: areaRefSchema.optional(),
        after: areaRefSchema.optional(),
        counts: countsSchema,
        items: z.array(
          z.object({
            status: z.enum(['continued', 'reworded', 'new', 'dropped']),
            similarity: z.number(),
            before: itemRefSchema.optional(),
            after: itemRefSchema.optional(),
            targets: z.array(targetDiffSchema),
          }),
        ),
      }),
    ),
    targets: z.array(targetDiffSchema),
  })
  .meta({ id: 'ReportDiff' });

const promiseSideSchema = z.object({ sentence: z.string(), span, target: targetSchema });

export const promiseReportSchema = z
  .object({
    promised: docSchema,
    reviewed: docSchema,
    links: z.array(
      z.object({
        promise: promiseSideSchema,
        achievement: promiseSideSchema.optional(),
        verdict: z.enum(['met', 'not-met', 'not-reported']),
        confidence: z.number(),
      }),
    ),
    counts: z.object({
      met: z.number().int(),
      'not-met': z.number().int(),
      'not-reported': z.number().int(),
    }),
  })
  .meta({ id: 'PromiseReport' });
