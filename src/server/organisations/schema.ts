import { z } from 'zod';
import { unitSchema } from '../units/schema.js';
import { userSchema } from '../users/schema.js';
import { visibleName } from '../visible-name.js';

export const organisationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    level: z.string().nullable().describe('national, province, city, district, town, other'),
    parentId: z.number().int().nullable().describe('The superior government; null for the top of the list'),
    depth: z.number().int().describe("Depth below the reader's organisation (0 for it)"),
  })
  .meta({ id: 'Organisation' });

/** GET /api/organisations — the reader's organisation and the ones below it, each before its subtree. */
export const organisationTreeSchema = z.object({ organisations: z.array(organisationSchema) });

/** POST /api/organisations — a sub-organisation and its first administrator. */
export const createOrganisationBodySchema = z.object({
  name: visibleName(100),
  level: z.enum(['province', 'city', 'district', 'town', 'other']).optional(),
  unitName: visibleName(100)
    .optional()
    .describe(
      "The name of the unit that stands for it in your ledger (通州区政府); default the organisation's name. A unit of yours of that name (or short name, or alias) is linked rather than created",
    ),
  admin: z.object({
    username: z.string().trim().min(2).max(64),
    displayName: visibleName(100).optional(),
    email: z.string().email().max(200).nullable().optional(),
  }),
});

export const createdOrganisationSchema = z.object({
  organisation: organisationSchema,
  unit: unitSchema.describe(
    'The unit of your ledger that represents the new organisation: tasks assigned to it are handed down',
  ),
  user: userSchema,
  password: z
    .string()
    .describe('One-time password of the first administrator: shown once, changed at first sign-in'),
});
