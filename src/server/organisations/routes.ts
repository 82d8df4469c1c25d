import { forbidden } from '../../core/errors.js';
import { keepRepresentativeUnit } from '../../store/cascade/keep-representative-unit.js';
import { createSubOrganisation } from '../../store/organisations/create-organisation.js';
import { listOrganisationSubtree } from '../../store/organisations/list-organisations.js';
import { writeTransaction } from '../../store/write-transaction.js';
import { addUser, presentUser } from '../accounts/manage-accounts.js';
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
      const { organisation, unit, user, password } = await writeTransaction(context.db, async (trx) => {
        const organisation = await createSubOrganisation(trx, {
          name: request.body.name,
          level: request.body.level ?? null,
          parentId,
          actor: actorOf(admin),
        });
        // The superior's ledger gets the unit that stands for it, so tasks can be handed down at once.
        const unit = await keepRepresentativeUnit(trx, {
          superiorId: parentId,
          subordinateId: organisation.id,
          name: request.body.unitName ?? organisation.name,
          actor: actorOf(admin),
        });
        const { user, password } = await addUser(
          trx,
          {
            username: request.body.admin.username,
            role: 'admin',
            organisationId: organisation.id,
            email: request.body.admin.email ?? null,
            ...(request.body.admin.displayName ? { displayName: request.body.admin.displayName } : {}),
          },
          actorOf(admin),
        );
        return { organisation, unit, user, password };
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
        user: presentUser(user),
        password,
      };
    },
  );
};
