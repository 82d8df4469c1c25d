import { diffReports } from '../../core/diff/diff-reports.js';
import { LuoshiError, notFound } from '../../core/errors.js';
import { analyzeTask } from '../../core/extract/index.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import { appendAuditEvent } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import { findRevisionTree } from '../../store/search/find-revision-tree.js';
import { writeTransaction } from '../../store/write-transaction.js';
import { actorOf, requireRole } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { type AnalyzedReport, analyzeReportFile } from './analyze-report-file.js';
import { loadBlob, readUpload, storeBlob } from './read-upload.js';
import { safeFileName } from './safe-file-name.js';
import {
  commitBodySchema,
  commitParamsSchema,
  commitResultSchema,
  importPreviewSchema,
  importQuerySchema,
} from './schema.js';

function previewTask(task: TaskNode, analyzed: AnalyzedReport) {
  const analysis = analyzed.analyze(task);
  return {
    label: task.label ?? null,
    text: task.text,
    targets: analysis.targets.map((t) => ({
      value: t.value,
      max: t.max ?? null,
      unit: t.unit,
      comparator: t.comparator,
      change: t.change,
      subject: t.subject,
      text: t.text,
    })),
    deadline: analysis.deadline
      ? { text: analysis.deadline.text, date: analysis.deadline.date ?? null }
      : null,
    commitment: analysis.commitment,
  };
}

function previewTree(tree: ReportTree, analyzed: AnalyzedReport) {
  let targets = 0;
  let tasks = 0;
  const areas = tree.areas.map((area) => {
    const measures = area.measures.map((m) => ({
      label: m.label ?? null,
      title: m.title,
      tasks: m.tasks.map((t) => previewTask(t, analyzed)),
    }));
    const direct = area.tasks.map((t) => previewTask(t, analyzed));
    for (const list of [...measures.map((m) => m.tasks), direct]) {
      tasks += list.length;
      targets += list.reduce((n, t) => n + t.targets.length, 0);
    }
    return { label: area.label ?? null, title: area.title, measures, tasks: direct };
  });
  return {
    areas,
    counts: {
      areas: areas.length,
      measures: areas.reduce((n, a) => n + a.measures.length, 0),
      tasks,
      targets,
    },
  };
}

/** 导入 — upload a report, preview its tree, targets and (for a re-import) the diff, then commit. */
export const importRoutes: RouteModule = (app, context) => {
  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a report (.md/.txt/.docx, multipart field "file") and preview it (office)',
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: {
          200: importPreviewSchema,
          ...errorResponses,
          413: errorResponses[400],
          415: errorResponses[400],
        },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const analyzed = await analyzeReportFile(upload.bytes, upload.fileName);
      await storeBlob(context.db, upload);
      const { areas, counts } = previewTree(analyzed.tree, analyzed);
      let merge = null;
      if (request.query.reportId !== undefined) {
        const stored = await findRevisionTree(context.db, request.query.reportId);
        const year = analyzed.tree.meta.year ?? new Date().getFullYear();
        const diff = diffReports(stored.tree, analyzed.tree, { analyze: (s) => analyzeTask(s, { year }) });
        merge = {
          reportId: request.query.reportId,
          counts: diff.counts,
          areas: diff.areas.map((a) => ({
            title: a.after?.title ?? a.before?.title ?? '',
            counts: a.counts,
          })),
          changes: diff.areas
            .flatMap((a) => a.items)
            .filter((i) => i.status !== 'continued')
            .slice(0, 500)
            .map((i) => ({ status: i.status, before: i.before?.text ?? null, after: i.after?.text ?? null })),
        };
      }
      return {
        uploadId: upload.sha256,
        fileName: upload.fileName,
        size: upload.bytes.byteLength,
        title: analyzed.tree.meta.title,
        year: analyzed.tree.meta.year ?? null,
        counts,
        areas,
        merge,
      };
    },
  );

  app.post(
    '/api/imports/:uploadId/commit',
    {
      schema: {
        tags: ['imports'],
        summary: 'Store a previewed upload as a new report (office)',
        params: commitParamsSchema,
        body: commitBodySchema,
        response: { 200: commitResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin');
      const bytes = await loadBlob(context.db, request.params.uploadId);
      if (!bytes) throw notFound(`Upload ${request.params.uploadId}`, '上传的文件');
      const fileName = safeFileName(request.body.fileName);
      const analyzed = await analyzeReportFile(bytes, fileName);
      const existing = await context.db
        .selectFrom('report_revisions')
        .select('report_id')
        .where('source_sha256', '=', request.params.uploadId)
        .executeTakeFirst();
      if (existing) {
        throw new LuoshiError(
          'already_imported',
          409,
          {
            en: `This file is already report ${existing.report_id}`,
            zh: `该文件已导入为报告 ${existing.report_id}`,
          },
          { reportId: existing.report_id },
        );
      }
      const result = await importReport(context.db, {
        bytes,
        fileName,
        tree: analyzed.tree,
        analyses: analyzed.analyze,
        actor: actorOf(user),
      });
      if (request.body.publish) {
        await writeTransaction(context.db, async (trx) => {
          const now = new Date().toISOString();
          await trx
            .updateTable('reports')
            .set({ published_at: now })
            .where('id', '=', result.reportId)
            .execute();
          await appendAuditEvent(trx, {
            actor: actorOf(user),
            action: 'publish',
            entity: 'report',
            entityId: result.reportId,
            after: { publishedAt: now },
          });
        });
      }
      return result;
    },
  );
};
