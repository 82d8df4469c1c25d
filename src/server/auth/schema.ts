import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'reporter', 'unit_head', 'leader']).meta({
  id: 'Role',
  description: 'admin 督查室 · reporter 承办人 · unit_head 单位负责人 · leader 领导',
});

/** Who a user is: the fields both the session user and the account (users/schema.ts) start with. */
export const userIdentitySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.number().int().nullable(),
  organisationId: z
    .number()
    .int()
    .nullable()
    .describe('The organisation (government) whose data the user reads'),
});

export const sessionUserSchema = userIdentitySchema
  .extend({
    mustChangePassword: z
      .boolean()
      .optional()
      .describe(
        'True while the user holds a one-time password; every other call answers 403 password_change_required',
      ),
  })
  .meta({ id: 'SessionUser' });

/** GET /api/session — who is signed in, and the CSRF token to send as `x-csrf-token`. */
export const sessionResponseSchema = z
  .object({
    user: sessionUserSchema.nullable(),
    csrfToken: z.string().describe('Send in the x-csrf-token header of every POST/PUT/PATCH/DELETE'),
  })
  .meta({ id: 'Session' });

/** POST /api/session — sign in. */
export const loginBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** POST /api/session/password — change one's own password. */
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const okSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
