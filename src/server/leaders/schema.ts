import { z } from 'zod';

/** 评论 / 领导批示 — a comment or a leader's instruction on a task. */
export const commentSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['comment', 'instruction']).describe('评论 comment / 领导批示 instruction'),
    taskId: z.number().int().nullable(),
    authorId: z.number().int(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Comment' });

/** 领导关注 — a leader's flag on a task to watch. */
export const flagSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    userId: z.number().int(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Flag' });

/** POST /api/tasks/:id/comments and /instructions. */
export const commentBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });
