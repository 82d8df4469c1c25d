import { listReportUnitIds } from '../../store/assignments/list-report-unit-ids.js';
import { listUnitUserIds } from '../../store/notifications/create-notifications.js';
import { createReportingPeriod, setPeriodStatus } from '../../store/periods/create-reporting-period.js';
import { listReportingPeriods } from '../../store/periods/list-reporting-periods.js';
import type { ReportingPeriod } from '../../store/schema.js';
import { findPeriod, findVisibleReport } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import type { AppContext, RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { reportIdParamsSchema } from '../reports/schema.js';
import {
  createPeriodBodySchema,
  periodIdParamsSchema,
  periodListSchema,
  periodSchema,
  versionBodySchema,
} from './schema.js';

export function presentPeriod(p: ReportingPeriod) {
  return {
    id: p.id,
    reportId: p.report_id,
    kind: p.kind,
    label: p.label,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    dueOn: p.due_on,
    status: p.status,
    openedAt: p.opened_at,
    closedAt: p.closed_at,
    version: p.version,
  };
}

/** Tells every unit with work in the report that a period is open for reporting. */
async function announceOpened(context: AppContext, period: ReportingPeriod): Promise<void> {
  const userIds = await listUnitUserIds(context.db, await listReportUnitIds(context.db, period.report_id));
  await context.notifier.notify(userIds, {
    kind: 'period_opened',
    title: `${period.label} 进展填报已开放`,
    body: `报送周期 ${period.label} 已开放填报${period.due_on ? `，请于 ${period.due_on} 前报送` : ''}。`,
    link: `/periods/${period.id}`,
    payload: { periodId: period.id, reportId: period.report_id },
  });
}

/** 报送周期 — reporting periods: list, create, open (notifies units), close. */
export const periodRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/reports/:id/periods',
    {
      schema: {
        tags: ['periods'],
        summary: '报送周期 of a report',
        params: reportIdParamsSchema,
        response: { 200: periodListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await findVisibleReport(context.db, request.params.id, user);
      const rows = await listReportingPeriods(context.db, request.params.id);
      return { periods: rows.map(presentPeriod) };
    },
  );

  app.post(
    '/api/reports/:id/periods',
    {
      schema: {
        tags: ['periods'],
        summary: 'Create a monthly or quarterly 报送周期 (office)',
        params: reportIdParamsSchema,
        body: createPeriodBodySchema,
        response: { 200: periodSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const period = await createReportingPeriod(context.db, {
        reportId: request.params.id,
        label: request.body.label,
        dueOn: request.body.dueOn ?? null,
        open: request.body.open ?? false,
        actor: actorOf(user),
        organisationId: user.organisationId,
      });
      if (period.status === 'open') await announceOpened(context, period);
      return presentPeriod(period);
    },
  );

  for (const status of ['open', 'closed'] as const) {
    app.post(
      `/api/periods/:id/${status === 'open' ? 'open' : 'close'}`,
      {
        schema: {
          tags: ['periods'],
          summary:
            status === 'open'
              ? 'Open a 报送周期 for reporting and notify the units (office)'
              : 'Close a 报送周期 (office)',
          params: periodIdParamsSchema,
          body: versionBodySchema,
          response: { 200: periodSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await findPeriod(context.db, request.params.id, user);
        const period = await setPeriodStatus(context.db, {
          id: request.params.id,
          version: request.body.version,
          status,
          actor: actorOf(user),
        });
        if (status === 'open') await announceOpened(context, period);
        return presentPeriod(period);
      },
    );
  }
};
