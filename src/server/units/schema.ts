import { z } from 'zod';
import { visibleName } from '../visible-name.js';

export const unitSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    shortName: z.string().nullable(),
    parentId: z.number().int().nullable(),
    archived: z.boolean(),
    version: z.number().int(),
    representsOrganisationId: z
      .number()
      .int()
      .nullable()
      .describe('The subordinate government this unit stands for (its tasks are handed down there)'),
  })
  .meta({ id: 'Unit' });

export const unitListSchema = z.object({ units: z.array(unitSchema) });

/** POST /api/units — 承办单位. */
export const createUnitBodySchema = z.object({
  name: visibleName(100),
  shortName: visibleName(50).nullable().optional(),
  parentId: z.number().int().positive().nullable().optional(),
});
