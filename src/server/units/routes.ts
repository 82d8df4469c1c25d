import type { Unit } from '../../store/schema.js';
import { createUnit } from '../../store/units/create-unit.js';
import { listUnits } from '../../store/units/list-units.js';
import { actorOf, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { createUnitBodySchema, unitListSchema, unitSchema } from './schema.js';

export function presentUnit(unit: Unit) {
  return {
    id: unit.id,
    name: unit.name,
    shortName: unit.short_name,
    parentId: unit.parent_id,
    archived: unit.archived === 1,
    version: unit.version,
    /** The subordinate government the unit stands for (上级交办 goes there), else null. */
    representsOrganisationId: unit.represents_organisation_id ?? null,
  };
}

/** 承办单位 — listing (signed-in users) and creating (office) units. */
export const unitRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: "The units (牵头单位, 配合单位) of the user's organisation",
        response: { 200: unitListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const units = await listUnits(context.db, {
        organisationId: user.organisationId,
        includeArchived: true,
        orderBy: 'id',
      });
      return { units: units.map(presentUnit) };
    },
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Create a unit (office)',
        body: createUnitBodySchema,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const unit = await createUnit(context.db, {
        name: request.body.name,
        shortName: request.body.shortName ?? null,
        parentId: request.body.parentId ?? null,
        organisationId: user.organisationId,
        actor: actorOf(user),
      });
      return presentUnit(unit);
    },
  );
};
