import { conflict, forbidden, notFound } from '../../core/errors.js';
import { appendAuditEvent } from '../../store/audit/append-audit-event.js';
import { insertAudited } from '../../store/versioned/insert-audited.js';
import { writeTransaction } from '../../store/write-transaction.js';
import { actorOf, requireRole, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { readUpload, storeBlob } from '../imports/read-upload.js';
import { canReadProgress, leadUnitsOf, loadProgress } from '../progress/load-progress.js';
import { progressIdParamsSchema } from '../progress/schema.js';
import { readableReport } from '../reports/find-visible-report.js';
import { EVIDENCE_EXTENSIONS, evidenceTypeOf } from './evidence-types.js';
import { attachmentIdParamsSchema, attachmentListSchema, attachmentSchema } from './schema.js';

function presentAttachment(row: {
  id: number;
  file_name: string;
  size: number;
  mime: string;
  progress_report_id: number | null;
  created_at: string;
}) {
  return {
    id: row.id,
    fileName: row.file_name,
    size: row.size,
    mime: row.mime,
    progressReportId: row.progress_report_id,
    createdAt: row.created_at,
  };
}

/** 佐证材料 — evidence files on progress reports. */
export const attachmentRoutes: RouteModule = (app, context) => {
  async function readableProgress(id: number, user: ReturnType<typeof requireUser>) {
    const [view] = await loadProgress(context.db, { id });
    if (!view) throw notFound(`Progress report ${id}`, `进展报告 ${id}`);
    const leads = (await leadUnitsOf(context.db, [view.row.node_id])).get(view.row.node_id) ?? [];
    if (
      !canReadProgress(user, view.row.unit_id, leads) ||
      !(await readableReport(context.db, view.row.task_report_id, user))
    )
      throw notFound(`Progress report ${id}`, `进展报告 ${id}`);
    return view;
  }

  /** A unit changes the files of its own report only while the report is a draft or returned. */
  function requireEditable(
    view: Awaited<ReturnType<typeof readableProgress>>,
    user: ReturnType<typeof requireUser>,
  ) {
    if (view.row.unit_id !== user.unitId) throw forbidden();
    if (view.row.status !== 'draft' && view.row.status !== 'returned') {
      throw conflict(
        'Only drafts and returned reports take attachments',
        '只有草稿或被退回的报告可以添加附件',
      );
    }
  }

  app.post(
    '/api/progress/:id/attachments',
    {
      schema: {
        tags: ['progress'],
        summary: "Attach an evidence file to your unit's draft (pdf, images, Office files, txt)",
        consumes: ['multipart/form-data'],
        params: progressIdParamsSchema,
        response: { 200: attachmentSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireRole(request, 'reporter', 'unit_head');
      const view = await readableProgress(request.params.id, user);
      requireEditable(view, user);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const mime = await evidenceTypeOf(upload.fileName, upload.bytes);
      await storeBlob(context.db, { ...upload, mime });
      const row = await writeTransaction(context.db, (trx) =>
        insertAudited(
          trx,
          'attachments',
          {
            blob_sha256: upload.sha256,
            file_name: upload.fileName,
            size: upload.bytes.byteLength,
            mime,
            progress_report_id: view.row.id,
            node_id: view.row.node_id,
            uploaded_by: user.id,
            created_at: new Date().toISOString(),
          },
          actorOf(user),
          'attachment',
        ),
      );
      return presentAttachment(row);
    },
  );

  app.get(
    '/api/progress/:id/attachments',
    {
      schema: {
        tags: ['progress'],
        summary: "A progress report's evidence files",
        params: progressIdParamsSchema,
        response: { 200: attachmentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await readableProgress(request.params.id, requireUser(request));
      const rows = await context.db
        .selectFrom('attachments')
        .selectAll()
        .where('progress_report_id', '=', view.row.id)
        .orderBy('id')
        .execute();
      return {
        attachments: rows.map(presentAttachment),
        limits: {
          maxBytes: Math.floor(context.config.MAX_UPLOAD_MB * 1024 * 1024),
          extensions: EVIDENCE_EXTENSIONS,
        },
      };
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['progress'],
        summary: 'Download an evidence file',
        params: attachmentIdParamsSchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const row = await context.db
        .selectFrom('attachments')
        .innerJoin('blobs', 'blobs.sha256', 'attachments.blob_sha256')
        .select([
          'attachments.file_name',
          'attachments.mime',
          'attachments.progress_report_id',
          'blobs.content',
        ])
        .where('attachments.id', '=', request.params.id)
        .executeTakeFirst();
      if (!row || row.progress_report_id === null) throw notFound(`Attachment ${request.params.id}`, '附件');
      await readableProgress(row.progress_report_id, user);
      const ascii = row.file_name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(row.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
        )
        .send(Buffer.from(row.content));
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['progress'],
        summary: "Remove an evidence file from your unit's draft or returned report (unit)",
        params: attachmentIdParamsSchema,
        response: { 200: attachmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'reporter', 'unit_head');
      const row = await context.db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row || row.progress_report_id === null) throw notFound(`Attachment ${request.params.id}`, '附件');
      const view = await readableProgress(row.progress_report_id, user);
      requireEditable(view, user);
      // The row goes; the audit log keeps what it was, and the bytes stay in blobs (shared by hash).
      await writeTransaction(context.db, async (trx) => {
        const deleted = await trx.deleteFrom('attachments').where('id', '=', row.id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) throw notFound(`Attachment ${row.id}`, '附件');
        await appendAuditEvent(trx, {
          actor: actorOf(user),
          action: 'delete',
          entity: 'attachment',
          entityId: row.id,
          before: row,
        });
      });
      return presentAttachment(row);
    },
  );
};
