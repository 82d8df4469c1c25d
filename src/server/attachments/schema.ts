import { z } from 'zod';

/** 佐证材料 — one evidence file on a progress report. */
export const attachmentSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    size: z.number().int(),
    mime: z.string(),
    progressReportId: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });

/** GET /api/progress/:id/attachments — the files, and what an upload may be. */
export const attachmentListSchema = z.object({
  attachments: z.array(attachmentSchema),
  limits: z
    .object({ maxBytes: z.number().int(), extensions: z.array(z.string()) })
    .describe('What an upload may be: at most maxBytes, with one of these extensions'),
});

export const attachmentIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
