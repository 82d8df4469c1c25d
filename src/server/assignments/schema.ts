import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date.js';
import { milestoneSchema } from '../reports/schema.js';

/** A milestone as the office writes it: its due date must be a real date. */
const milestoneInputSchema = milestoneSchema.extend({ due: calendarDateSchema });

/** The editable fields of an assignment (分工). */
const assignmentFields = {
  role: z.enum(['lead', 'cooperating']).describe('牵头单位 lead / 配合单位 cooperating'),
  leadOfficial: z.string().trim().max(100).nullable().optional().describe('牵头领导'),
  deadline: calendarDateSchema.nullable().optional().describe('完成时限'),
  milestones: z.array(milestoneInputSchema).max(24).optional().describe('形象进度'),
  note: z.string().max(2000).nullable().optional(),
};

/** POST /api/tasks/:id/assignments — give a task to a unit. */
export const assignBodySchema = z.object({ unitId: z.number().int().positive(), ...assignmentFields });

/** PATCH /api/assignments/:id — change or remove an assignment (send the version you read). */
export const updateAssignmentBodySchema = z.object({
  version: z.number().int().positive(),
  role: assignmentFields.role.optional(),
  leadOfficial: assignmentFields.leadOfficial,
  deadline: assignmentFields.deadline,
  milestones: assignmentFields.milestones,
  note: assignmentFields.note,
  archived: z.boolean().optional().describe('true removes the assignment (kept in history)'),
});

/** POST /api/reports/:id/assignments/bulk — many assignments, all or none. */
export const bulkAssignBodySchema = z.object({
  items: z
    .array(
      z.object({
        taskId: z.number().int().positive(),
        unitId: z.number().int().positive(),
        ...assignmentFields,
      }),
    )
    .min(1)
    .max(5000),
});

export const assignmentRowSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    unitId: z.number().int(),
    role: z.enum(['lead', 'cooperating']),
    leadOfficial: z.string().nullable(),
    deadline: z.string().nullable(),
    milestones: z.array(milestoneSchema),
    note: z.string().nullable(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'AssignmentRow' });

export const bulkAssignResultSchema = z.object({
  created: z.number().int(),
  assignments: z.array(assignmentRowSchema),
});

export const assignmentIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
