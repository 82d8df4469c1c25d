import { z } from 'zod';
import { taskSummarySchema } from '../reports/schema.js';

export const taskIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

const placeSchema = z.object({ id: z.number().int(), label: z.string().nullable(), title: z.string() });

/** GET /api/tasks/:id — one task with where it sits in its report. */
export const taskDetailSchema = z
  .object({
    reportId: z.number().int(),
    reportTitle: z.string(),
    at: z.string(),
    archived: z.boolean(),
    area: placeSchema.nullable(),
    measure: placeSchema.nullable(),
    task: taskSummarySchema,
  })
  .meta({ id: 'TaskDetail' });

export type TaskDetail = z.infer<typeof taskDetailSchema>;
