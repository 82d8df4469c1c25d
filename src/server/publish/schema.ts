import { z } from 'zod';

/** POST /api/reports/:id/division.xlsx — what a 分工方案 import did. */
export const divisionImportResultSchema = z.object({
  rows: z.number().int(),
  /** Sheet rows left out because no unit or official was filled in. */
  skipped: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  archived: z.number().int(),
  unitsCreated: z.array(z.string()),
});

export type DivisionImportResult = z.infer<typeof divisionImportResultSchema>;
