import { badInput, LuoshiError, notFound } from '../../core/errors.js';
import type { ReportTree, TaskNode } from '../../core/report-tree.js';
import { loadBlob } from '../../store/blobs/load-blob.js';
import { storeBlob } from '../../store/blobs/store-blob.js';
import { importReport } from '../../store/import-report.js';
import { commitMerge } from '../../store/merge/commit-merge.js';
import { previewMerge } from '../../store/merge/preview-merge.js';
import { findReportOfUpload } from '../../store/reports/find-report-of-upload.js';
import { publishReport } from '../../store/reports/publish-report.js';
import { findVisibleReport } from '../auth/object-access.js';
import { actorOf, requireUser } from '../auth/roles.js';
import type { RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { type AnalyzedReport, analyzeReportFile } from './analyze-report-file.js';
import { resolveTargetEdits, tasksInPreviewOrder, withTargetEdits } from './apply-target-edits.js';
import { readUpload } from './read-upload.js';
import { safeFileName } from './safe-file-name.js';
import {
  commitBodySchema,
  commitParamsSchema,
  commitResultSchema,
  importPreviewSchema,
  importQuerySchema,
} from './schema.js';

function previewTask(task: TaskNode, analyzed: AnalyzedReport, keys: Map<TaskNode, number>) {
  const analysis = analyzed.analyze(task);
  return {
    key: keys.get(task) ?? -1,
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
  const keys = new Map(tasksInPreviewOrder(tree).map((task, index) => [task, index]));
  const areas = tree.areas.map((area) => {
    const measures = area.measures.map((m) => ({
      label: m.label ?? null,
      title: m.title,
      tasks: m.tasks.map((t) => previewTask(t, analyzed, keys)),
    }));
    const direct = area.tasks.map((t) => previewTask(t, analyzed, keys));
    for (const list of [...measures.map((m) => m.tasks), direct]) {
      tasks += list.length;
      targets += list.reduce((n, t) => n + t.targets.length, 0);
    }
    return { label: area.label ?? null, title: area.title, measures, tasks: direct };
  });
  const indicatorTasks = (tree.indicators?.tasks ?? []).map((t) => previewTask(t, analyzed, keys));
  tasks += indicatorTasks.length;
  targets += indicatorTasks.reduce((n, t) => n + t.targets.length, 0);
  return {
    indicators:
      tree.indicators && indicatorTasks.length > 0
        ? { title: tree.indicators.title, tasks: indicatorTasks }
        : null,
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
        summary:
          'Upload a report (.docx/.doc/.wps/.pdf/.ofd/.html/.mhtml/.md/.txt, multipart field "file") and preview it (office)',
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
      const user = requireUser(request);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      // Re-importing into a report: only one of the office's own organisation (else 404).
      if (request.query.reportId !== undefined)
        await findVisibleReport(context.db, request.query.reportId, user);
      const analyzed = await analyzeReportFile(upload.bytes, upload.fileName, {
        maxBytes: context.config.MAX_UPLOAD_MB * 1024 * 1024,
      });
      await storeBlob(context.db, upload);
      const { indicators, areas, counts } = previewTree(analyzed.tree, analyzed);
      let merge = null;
      if (request.query.reportId !== undefined) {
        const preview = await previewMerge(context.db, request.query.reportId, analyzed.tree);
        merge = {
          reportId: preview.reportId,
          reportVersion: preview.reportVersion,
          counts: {
            kept: preview.kept.length,
            changed: preview.changed.length,
            added: preview.added.length,
            archived: preview.archived.length,
          },
          changed: preview.changed.map((c) => ({
            id: c.id,
            before: c.before,
            after: c.after,
            moved: c.moved,
          })),
          added: preview.added,
          archived: preview.archived,
        };
      }
      return {
        uploadId: upload.sha256,
        fileName: upload.fileName,
        size: upload.bytes.byteLength,
        title: analyzed.tree.meta.title,
        year: analyzed.tree.meta.year ?? null,
        counts,
        indicators,
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
        summary: 'Store a previewed upload as a new report, or merge it into reportId (re-import) (office)',
        params: commitParamsSchema,
        body: commitBodySchema,
        response: { 200: commitResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const bytes = await loadBlob(context.db, request.params.uploadId);
      if (!bytes) throw notFound(`Upload ${request.params.uploadId}`, '上传的文件');
      const fileName = safeFileName(request.body.fileName);
      const analyzed = await analyzeReportFile(bytes, fileName, {
        maxBytes: context.config.MAX_UPLOAD_MB * 1024 * 1024,
      });
      // The same file may be another government's report too: only the office's own count.
      const existing = await findReportOfUpload(context.db, request.params.uploadId, user.organisationId);
      if (
        existing !== undefined &&
        (request.body.reportId === undefined || existing === request.body.reportId)
      ) {
        throw new LuoshiError(
          'already_imported',
          409,
          {
            en: `This file is already report ${existing}`,
            zh: `该文件已导入为报告 ${existing}`,
          },
          { reportId: existing },
        );
      }
      const targetEdits = request.body.targetEdits ?? [];
      if (targetEdits.length > 0 && request.body.reportId !== undefined) {
        throw badInput(
          'target_edits_on_merge',
          'Targets of a merged revision are edited on the task pages after merging, not in the import',
          '修订稿合并时不能在导入中修改目标，请在合并后到任务页修改',
        );
      }
      const edits = resolveTargetEdits(analyzed.tree, targetEdits);
      let result: { reportId: number; revisionId: number; merged: boolean };
      if (request.body.reportId !== undefined) {
        const merged = await commitMerge(context.db, {
          reportId: request.body.reportId,
          ...(request.body.reportVersion === undefined
            ? {}
            : { expectedVersion: request.body.reportVersion }),
          bytes,
          fileName,
          tree: analyzed.tree,
          analyses: analyzed.analyze,
          actor: actorOf(user),
          ...(user.organisationId === null ? {} : { organisationId: user.organisationId }),
        });
        result = { reportId: merged.reportId, revisionId: merged.revisionId, merged: true };
      } else {
        const imported = await importReport(context.db, {
          bytes,
          fileName,
          tree: analyzed.tree,
          analyses: withTargetEdits(analyzed.analyze, edits),
          actor: actorOf(user),
          ...(user.organisationId === null ? {} : { organisationId: user.organisationId }),
          editedTargets: { tasks: new Set(edits.keys()), by: actorOf(user) },
        });
        result = { reportId: imported.reportId, revisionId: imported.revisionId, merged: false };
      }
      if (request.body.publish) {
        await publishReport(context.db, result.reportId, actorOf(user));
      }
      return result;
    },
  );
};
