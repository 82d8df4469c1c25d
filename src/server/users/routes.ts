import { notFound } from '../../core/errors.js';
import { describeUser } from '../../store/accounts/describe-user.js';
import { findUserInOrganisation, listUsers } from '../../store/accounts/manage-users.js';
import { addUser, resetPassword, setDisabled, unlockAccount } from '../accounts/manage-accounts.js';
import { actorOf, requireUser, type SessionUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import {
  createdUserSchema,
  createUserBodySchema,
  passwordResetSchema,
  setDisabledBodySchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
} from './schema.js';

/** Account management for the office (督查室). */
export const userRoutes: RouteModule = (app, context) => {
  /** A user of the administrator's organisation; any other is a 404. */
  const userById = async (id: number, admin: SessionUser) => {
    const user = await findUserInOrganisation(context.db, id, admin.organisationId);
    if (!user) throw notFound(`User ${id}`, `用户 ${id}`);
    return user;
  };

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: "The accounts of the office's organisation",
        response: { 200: userListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      return { users: (await listUsers(context.db, admin.organisationId)).map(describeUser) };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account with a 一次性密码 (office)',
        body: createUserBodySchema,
        response: { 200: createdUserSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      const { user, password } = await addUser(
        context.db,
        {
          username: request.body.username,
          role: request.body.role,
          unitId: request.body.unitId ?? null,
          organisationId: admin.organisationId,
          email: request.body.email ?? null,
          ...(request.body.displayName ? { displayName: request.body.displayName } : {}),
        },
        actorOf(admin),
      );
      return { user: describeUser(user), password };
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Reset an account to a new 一次性密码, unlocking it (office)',
        params: userIdParamsSchema,
        response: { 200: passwordResetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      const user = await userById(request.params.id, admin);
      return { password: await resetPassword(context.db, user.username, actorOf(admin)) };
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Unlock an account locked by failed sign-ins, from every address (office)',
        params: userIdParamsSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      const user = await userById(request.params.id, admin);
      return describeUser(await unlockAccount(context.db, user.username, actorOf(admin)));
    },
  );

  app.put(
    '/api/users/:id/disabled',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable or re-enable an account (office)',
        params: userIdParamsSchema,
        body: setDisabledBodySchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      const user = await userById(request.params.id, admin);
      return describeUser(
        await setDisabled(context.db, user.username, request.body.disabled, actorOf(admin)),
      );
    },
  );
};
