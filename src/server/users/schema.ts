import { z } from 'zod';
import { roleSchema, userIdentitySchema } from '../auth/schema.js';
import { visibleName } from '../visible-name.js';

export const userSchema = userIdentitySchema
  .extend({
    email: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const userListSchema = z.object({ users: z.array(userSchema) });

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/users — create an account; the response carries its one-time password. */
export const createUserBodySchema = z.object({
  username: z.string().trim().min(2).max(64),
  displayName: visibleName(100).optional(),
  role: roleSchema,
  unitId: z.number().int().positive().nullable().optional(),
  email: z.string().email().max(200).nullable().optional(),
});

export const createdUserSchema = z.object({
  user: userSchema,
  password: z.string().describe('One-time password: shown once, give it to the person'),
});

export const passwordResetSchema = z.object({ password: z.string() });

export const setDisabledBodySchema = z.object({ disabled: z.boolean() });
