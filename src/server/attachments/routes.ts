import { conflict, forbidden, notFound } from '../../core/errors.js';
import { addAttachment } from '../../store/attachments/add-attachment.js';
import { deleteAttachment } from '../../store/attachments/delete-attachment.js';
import { findAttachment } from '../../store/attachments/find-attachment.js';
import { listProgressAttachments } from '../../store/attachments/list-progress-attachments.js';
import { readAttachmentFile } from '../../store/attachments/read-attachment-file.js';
import type { ProgressView } from '../../store/progress/load-progress.js';
import { readableProgress } from '../auth/object-access.js';
import { actorOf, requireUser, type SessionUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { readUpload } from '../imports/read-upload.js';
import { progressIdParamsSchema } from '../progress/schema.js';
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
  /** A unit changes the files of its own report only while the report is a draft or returned. */
  function requireEditable(view: ProgressView, user: SessionUser) {
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
        summary: "Attach a 佐证材料 file to your unit's draft (pdf, images, Office files, txt)",
        consumes: ['multipart/form-data'],
        params: progressIdParamsSchema,
        response: { 200: attachmentSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const view = await readableProgress(context.db, request.params.id, user);
      requireEditable(view, user);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const mime = await evidenceTypeOf(upload.fileName, upload.bytes);
      const row = await addAttachment(context.db, {
        file: { ...upload, mime },
        progressReportId: view.row.id,
        taskId: view.row.node_id,
        uploadedBy: user.id,
        actor: actorOf(user),
      });
      return presentAttachment(row);
    },
  );

  app.get(
    '/api/progress/:id/attachments',
    {
      schema: {
        tags: ['progress'],
        summary: "A 进展报告's 佐证材料 files",
        params: progressIdParamsSchema,
        response: { 200: attachmentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await readableProgress(context.db, request.params.id, requireUser(request));
      const rows = await listProgressAttachments(context.db, view.row.id);
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
        summary: 'Download a 佐证材料 file',
        params: attachmentIdParamsSchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await readAttachmentFile(context.db, request.params.id);
      if (!file || file.progressReportId === null) throw notFound(`Attachment ${request.params.id}`, '附件');
      await readableProgress(context.db, file.progressReportId, user);
      const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(file.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(Buffer.from(file.content));
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['progress'],
        summary: "Remove a 佐证材料 file from your unit's draft or returned report (unit)",
        params: attachmentIdParamsSchema,
        response: { 200: attachmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await findAttachment(context.db, request.params.id);
      if (!row || row.progress_report_id === null) throw notFound(`Attachment ${request.params.id}`, '附件');
      const view = await readableProgress(context.db, row.progress_report_id, user);
      requireEditable(view, user);
      await deleteAttachment(context.db, row, actorOf(user));
      return presentAttachment(row);
    },
  );
};
