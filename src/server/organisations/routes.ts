import { forbidden } from '../../core/errors.js';
import { describeUser } from '../../store/accounts/describe-user.js';
import { createSubOrganisationWithAdmin } from '../../store/organisations/create-sub-organisation-with-admin.js';
import { listOrganisationSubtree } from '../../store/organisations/list-organisations.js';
import { prepareAccount } from '../accounts/manage-accounts.js';
import { actorOf, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { presentUnit } from '../units/routes.js';
import { createdOrganisationSchema, createOrganisationBodySchema, organisationTreeSchema } from './schema.js';

/** 组织 — the tree of governments: read one's own part, create a sub-organisation (office). */
export const organisationRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: "The user's organisation and every organisation below it",
        response: { 200: organisationTreeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { organisations: await listOrganisationSubtree(context.db, user.organisationId) };
    },
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary:
          'Create a sub-organisation of the office’s organisation with its first administrator (one-time password, changed at first sign-in) and the unit of your ledger that represents it (office)',
        body: createOrganisationBodySchema,
        response: { 200: createdOrganisationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      if (admin.organisationId === null) throw forbidden();
      const parentId = admin.organisationId;
      // The administrator's account is checked (and its password hashed) before anything is written.
      const { account, password } = await prepareAccount({
        username: request.body.admin.username,
        role: 'admin',
        email: request.body.admin.email ?? null,
        ...(request.body.admin.displayName ? { displayName: request.body.admin.displayName } : {}),
      });
      const { organisation, unit, user } = await createSubOrganisationWithAdmin(context.db, {
        name: request.body.name,
        level: request.body.level ?? null,
        parentId,
        unitName: request.body.unitName,
        admin: account,
        actor: actorOf(admin),
      });
      return {
        organisation: {
          id: organisation.id,
          name: organisation.name,
          level: organisation.level,
          parentId: organisation.parent_id,
          depth: 1,
        },
        unit: presentUnit(unit),
        user: describeUser(user),
        password,
      };
    },
  );
};
