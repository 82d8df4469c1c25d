import { z } from 'zod';
import { bulletinCharts } from '../../render/bulletin-charts.js';
import { renderBulletinDocx } from '../../render/bulletin-docx.js';
import { renderBulletinMarkdown } from '../../render/bulletin-md.js';
import { buildBulletin, bulletinAsOf, parsePeriod } from '../../render/bulletin-model.js';
import { renderDivisionDocx } from '../../render/division-docx.js';
import { buildDivisionPlan } from '../../render/division-model.js';
import { renderDivisionXlsx } from '../../render/division-xlsx.js';
import { buildInfographicModel } from '../../render/infographic-model.js';
import { renderInfographicSvg } from '../../render/infographic-svg.js';
import { renderLedgerXlsx } from '../../render/ledger-xlsx.js';
import { svgToPng } from '../../render/svg-png.js';
import { findVisibleReport } from '../auth/object-access.js';
import { actorOf, readsAll, requireUser } from '../auth/roles.js';
import { periodLabelSchema } from '../calendar-date.js';
import { notifyHandedDown } from '../cascade/notify-subordinate-office.js';
import type { AppContext, ZodApp } from '../context.js';
import { errorResponses } from '../errors.js';
import { readUpload } from '../imports/read-upload.js';
import { ledgerFilterSchema } from '../reports/ledger-list.js';
import { importDivisionPlan } from './import-division-plan.js';
import { buildLedgerExport } from './ledger-export.js';
import { loadReportView } from './load-report-view.js';
import { cachedPng } from './png-cache.js';
import { divisionImportResultSchema } from './schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Ledger workbooks one address may ask for in a minute. */
export const LEDGER_EXPORTS_PER_MINUTE = 20;

const reportParams = z.object({ id: z.coerce.number().int().positive() });
const formatParams = reportParams.extend({ format: z.enum(['xlsx', 'docx']) });
const bulletinQuery = z.object({
  period: periodLabelSchema,
  issuer: z.string().min(1).max(60).optional(),
  asOf: z
    .string()
    .optional()
    .describe(
      "截至日期 (ISO date) the figures are as of; default the period's end, or today while the period is open",
    ),
});

/** An ASCII fallback name plus the UTF-8 name browsers show (RFC 6266). */
function attachment(name: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The office's documents for one report, generated from the stored data: 分工方案 (.xlsx/.docx,
 * and .xlsx upload), 台账 .xlsx, 督查通报 (.docx/.md) and the 一图读懂 image for the web app.
 * Whole-plan documents are for the office and leaders; the import is the office's; the 台账 is
 * whatever part of the ledger list the reader sees.
 */
export async function documentRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const view = async (id: number, at = context.today()) =>
    loadReportView(context.db, id, { at, warnDays: context.config.DEADLINE_WARN_DAYS });

  app.get(
    '/api/reports/:id/division.:format',
    {
      schema: {
        tags: ['documents'],
        summary: '分工方案 as .xlsx or .docx (序号/任务/牵头单位/牵头领导/配合单位/完成时限, by area)',
        params: formatParams,
      },
    },
    async (request, reply) => {
      const plan = buildDivisionPlan(await view(request.params.id));
      const docx = request.params.format === 'docx';
      const bytes = docx ? await renderDivisionDocx(plan) : await renderDivisionXlsx(plan);
      return reply
        .type(docx ? DOCX : XLSX)
        .header(
          'content-disposition',
          attachment(`${plan.title}.${request.params.format}`, `division.${request.params.format}`),
        )
        .send(bytes);
    },
  );

  app.post(
    '/api/reports/:id/division.xlsx',
    {
      schema: {
        tags: ['documents'],
        summary:
          'Import a 分工方案 .xlsx: every row valid, or nothing imported and an error per row (details.errors)',
        consumes: ['multipart/form-data'],
        params: reportParams,
        response: { 200: divisionImportResultSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await findVisibleReport(context.db, request.params.id, user);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const { assignmentIdsMade, ...result } = await importDivisionPlan(
        context.db,
        request.params.id,
        upload.bytes,
        actorOf(user),
      );
      // Rows that give a task to a unit standing for a subordinate government tell its office.
      await notifyHandedDown(context, assignmentIdsMade);
      return result;
    },
  );

  app.get(
    '/api/reports/:id/ledger.xlsx',
    {
      // Anyone who reads the list may export it, and a workbook of a province costs seconds of CPU.
      config: { rateLimit: { max: LEDGER_EXPORTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['documents'],
        summary:
          '台账 .xlsx of the tasks GET /api/reports/:id/tasks lists to this reader under the same filters and ' +
          'order (all pages): a summary sheet, the whole list, and one sheet per area; rate-limited per address',
        params: reportParams,
        querystring: ledgerFilterSchema,
      },
    },
    async (request, reply) => {
      const user = request.user;
      await findVisibleReport(context.db, request.params.id, user);
      const ledger = await buildLedgerExport(context, request.params.id, user, request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${ledger.title}.xlsx`, 'ledger.xlsx'))
        .send(await renderLedgerXlsx(ledger));
    },
  );

  app.get(
    '/api/reports/:id/bulletin.:format',
    {
      schema: {
        tags: ['documents'],
        summary: '督查通报 of a period as .docx, or Markdown with the charts inlined as PNG data URIs',
        params: reportParams.extend({ format: z.enum(['docx', 'md']) }),
        querystring: bulletinQuery,
      },
    },
    async (request, reply) => {
      const period = parsePeriod(request.query.period);
      const asOf = bulletinAsOf(period, context.today(), request.query.asOf);
      const model = buildBulletin(await view(request.params.id, asOf), period, {
        asOf,
        issuer: request.query.issuer ?? '政府督查室',
        issueNumber: Number(period.label.replace(/^\d{4}-Q?/, '')),
      });
      const charts = await Promise.all(
        bulletinCharts(model).map(async (chart) => ({
          ...chart,
          png: await svgToPng(chart.svg, { fontFile: context.config.CJK_FONT_FILE }),
        })),
      );
      if (request.params.format === 'docx') {
        return reply
          .type(DOCX)
          .header('content-disposition', attachment(`${model.title}.docx`, `bulletin-${period.label}.docx`))
          .send(await renderBulletinDocx(model, charts));
      }
      const markdown = renderBulletinMarkdown(
        model,
        charts.map((c) => ({
          name: c.name,
          caption: c.caption,
          file: `data:image/png;base64,${c.png.toString('base64')}`,
        })),
      );
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', attachment(`${model.title}.md`, `bulletin-${period.label}.md`))
        .send(markdown);
    },
  );

  app.get(
    '/api/reports/:id/infographic.:format',
    {
      schema: {
        tags: ['documents'],
        summary: '一图读懂 long image (1080 px) as SVG or PNG; visitors get published data only',
        params: reportParams.extend({ format: z.enum(['svg', 'png']) }),
      },
    },
    async (request, reply) => {
      const user = request.user;
      await findVisibleReport(context.db, request.params.id, user);
      const data = await loadReportView(context.db, request.params.id, {
        at: context.today(),
        warnDays: context.config.DEADLINE_WARN_DAYS,
        approvedOnly: !readsAll(user),
      });
      const { svg } = renderInfographicSvg(buildInfographicModel(data, { generatedOn: context.today() }));
      if (request.params.format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(svg);
      return reply.type('image/png').send(await cachedPng(svg, context.config.CJK_FONT_FILE));
    },
  );
}
