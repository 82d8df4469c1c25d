import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date.js';

export const reportIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

const unitResolutionSchema = z.object({
  name: z.string(),
  status: z.enum(['known', 'collective', 'unknown']),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** How a known name was found: name, alias (kept before) or abbreviation. */
  via: z.enum(['name', 'alias', 'abbreviation']).nullable(),
  candidates: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

const currentSchema = z.object({
  lead: z.array(z.string()),
  cooperating: z.array(z.string()),
  leadOfficial: z.string().nullable(),
  deadline: z.string().nullable(),
});

/** POST /api/reports/:id/division/preview — a 分工方案 read and matched, nothing written. */
export const divisionPreviewSchema = z.object({
  title: z.string(),
  year: z.number().int(),
  layout: z.enum(['table', 'paragraphs']),
  rows: z.array(
    z.object({
      line: z.number().int(),
      seq: z.string().nullable(),
      area: z.string().nullable(),
      text: z.string(),
      lead: z.array(z.string()),
      cooperating: z.array(z.string()),
      leaders: z.array(z.string()),
      deadlineText: z.string().nullable(),
      deadline: z.string().nullable(),
      problems: z.array(z.object({ code: z.string(), en: z.string(), zh: z.string() })),
      status: z.enum(['matched', 'ambiguous', 'unmatched']),
      /** Task ids the row covers, and the scored candidates (ids). */
      matches: z.array(z.number().int()),
      candidates: z.array(z.object({ taskId: z.number().int(), score: z.number() })),
      /** new: the matched tasks have no assignment yet; changed: the plan changes them; same. */
      change: z.enum(['new', 'changed', 'same', 'none']),
    }),
  ),
  /** Every task of the report (id, extract index, area path, text), for choosing by hand. */
  tasks: z.array(
    z.object({ id: z.number().int(), index: z.string(), path: z.array(z.string()), text: z.string() }),
  ),
  /** Areas and measures a new task can go under. */
  parents: z.array(z.object({ id: z.number().int(), title: z.string() })),
  units: z.array(unitResolutionSchema),
  /** What each covered task has now (by task id), to show what a revised plan changes. */
  current: z.record(z.string(), currentSchema),
});

export type DivisionPreview = z.infer<typeof divisionPreviewSchema>;

export const divisionCommitBodySchema = z.object({
  rows: z
    .array(
      z.object({
        line: z.number().int(),
        taskIds: z.array(z.number().int().positive()).max(50),
        newTask: z
          .object({ parentId: z.number().int().positive(), text: z.string().min(1).max(2000) })
          .optional(),
        lead: z.array(z.string().min(1).max(100)).max(50),
        cooperating: z.array(z.string().min(1).max(100)).max(100),
        leaders: z.array(z.string().min(1).max(100)).max(20),
        deadline: calendarDateSchema.nullable(),
      }),
    )
    .min(1)
    .max(20_000),
  units: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        unitId: z.number().int().positive().nullable().optional(),
        create: z.boolean().optional(),
      }),
    )
    .max(5_000)
    .default([]),
});

export const divisionCommitResultSchema = z.object({
  tasks: z.number().int(),
  newTasks: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  archived: z.number().int(),
  unitsCreated: z.array(z.string()),
  aliasesKept: z.array(z.string()),
});

/** POST /api/imports/division-plan — the 分工方案 stored as the tracked plan. */
export const planImportResultSchema = z.object({
  reportId: z.number().int(),
  tasks: z.number().int(),
  assignments: z.number().int(),
});
