import { z } from 'zod';
import { forbidden, LuoshiError } from '../../core/errors.js';
import { type ProgressRowGroup, saveProgressRows } from '../../store/bulk/save-progress-rows.js';
import { listPeriodProgressValues } from '../../store/progress/list-period-progress-values.js';
import {
  listProgressSheetScope,
  type ProgressSheetScope,
} from '../../store/progress/list-progress-sheet-scope.js';
import { findPeriod } from '../auth/object-access.js';
import { actorOf, requireUser, type SessionUser } from '../auth/roles.js';
import type { AppContext, RouteModule } from '../context.js';
import { errorResponses } from '../errors.js';
import { readUpload } from '../imports/read-upload.js';
import { periodIdParamsSchema } from '../periods/schema.js';
import { readProgressSheet, type SheetRow, writeProgressSheet } from './progress-sheet.js';

const bulkResultSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});

/** The pairs and targets the user may report on: the office all, a unit its own. */
function loadScope(context: AppContext, reportId: number, user: SessionUser): Promise<ProgressSheetScope> {
  return listProgressSheetScope(context.db, reportId, user.role === 'admin' ? null : (user.unitId ?? -1));
}

function asNumber(value: string | number | null | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, '').trim());
  return Number.isFinite(n) ? n : 'invalid';
}

function asText(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text.length > 20_000 ? text.slice(0, 20_000) : text;
}

/** Checks every row; returns the groups to write, or all the problems found. */
function validateRows(
  rows: readonly SheetRow[],
  scope: ProgressSheetScope,
): { groups: ProgressRowGroup[]; problems: { path: string; message: string }[] } {
  const assigned = new Set(scope.pairs.map((p) => `${p.node_id}:${p.unit_id}`));
  const taskOfTarget = new Map(scope.targets.map((t) => [t.id, t.node_id]));
  const groups = new Map<string, ProgressRowGroup>();
  const problems: { path: string; message: string }[] = [];
  for (const row of rows) {
    const taskId = asNumber(row.taskId);
    const unitId = asNumber(row.unitId);
    const at = (column: string, message: string) =>
      problems.push({ path: `rows.${row.row}.${column}`, message });
    if (typeof taskId !== 'number' || !Number.isInteger(taskId)) {
      at('taskId', 'task ID must be a whole number');
      continue;
    }
    if (typeof unitId !== 'number' || !Number.isInteger(unitId)) {
      at('unitId', 'unit ID must be a whole number');
      continue;
    }
    if (!assigned.has(`${taskId}:${unitId}`)) {
      at('unitId', `task ${taskId} is not assigned to unit ${unitId} (or not yours to report)`);
      continue;
    }
    const key = `${taskId}:${unitId}`;
    const group = groups.get(key) ?? { taskId, unitId, rows: [], values: [] };
    group.rows.push(row.row);
    const targetId = asNumber(row.targetId);
    const value = asNumber(row.value);
    if (targetId === 'invalid' || (typeof targetId === 'number' && taskOfTarget.get(targetId) !== taskId)) {
      at('targetId', `target ${row.targetId} is not a target of task ${taskId}`);
    } else if (value === 'invalid') {
      at('value', `"${row.value}" is not a number`);
    } else if (typeof targetId === 'number') {
      if (group.values.some((v) => v.targetId === targetId))
        at('targetId', `target ${targetId} appears twice`);
      else group.values.push({ targetId, value });
    } else if (value !== null) {
      at('targetId', 'a value needs the target ID it belongs to');
    }
    const percent = asNumber(row.percent);
    if (percent === 'invalid' || (typeof percent === 'number' && (percent < 0 || percent > 100))) {
      at('percent', 'percent must be a number from 0 to 100');
    } else if (percent !== null) {
      group.percent = percent;
    }
    for (const field of ['narrative', 'problems', 'nextSteps'] as const) {
      const text = asText(row[field]);
      if (text) group[field] = text;
    }
    groups.set(key, group);
  }
  return { groups: [...groups.values()], problems };
}

/** 批量更新 — a period's progress as a spreadsheet: download the template, upload it filled in. */
export const spreadsheetRoutes: RouteModule = (app, context) => {
  app.get(
    '/api/periods/:id/progress.xlsx',
    {
      schema: {
        tags: ['progress'],
        summary:
          'Progress spreadsheet of a period: every task × unit × target you may report, with current values',
        params: periodIdParamsSchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (user.role !== 'admin' && user.unitId === null) throw forbidden();
      const period = await findPeriod(context.db, request.params.id, user);
      const scope = await loadScope(context, period.report_id, user);
      const existing = await listPeriodProgressValues(context.db, period.id);
      const rows: Omit<SheetRow, 'row'>[] = [];
      for (const pair of scope.pairs) {
        const targets = scope.targets.filter((t) => t.node_id === pair.node_id);
        const mine = existing.filter((e) => e.node_id === pair.node_id && e.unit_id === pair.unit_id);
        const base = {
          taskId: pair.node_id,
          task: pair.text,
          unitId: pair.unit_id,
          unit: pair.unit_name,
          percent: mine[0]?.percent ?? null,
          narrative: mine[0]?.narrative ?? null,
          problems: mine[0]?.problems ?? null,
          nextSteps: mine[0]?.next_steps ?? null,
        };
        if (targets.length === 0) rows.push(base);
        for (const t of targets) {
          rows.push({
            ...base,
            targetId: t.id,
            target: t.text,
            value: mine.find((m) => m.target_id === t.id)?.value ?? null,
          });
        }
      }
      const buffer = await writeProgressSheet(rows, period.label);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="progress-${period.label}.xlsx"`)
        .send(buffer);
    },
  );

  app.post(
    '/api/periods/:id/progress.xlsx',
    {
      schema: {
        tags: ['progress'],
        summary:
          'Bulk update from the filled-in spreadsheet: all rows are written, or none with an error per row',
        consumes: ['multipart/form-data'],
        params: periodIdParamsSchema,
        response: { 200: bulkResultSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (user.role !== 'admin' && user.unitId === null) throw forbidden();
      const period = await findPeriod(context.db, request.params.id, user);
      const upload = await readUpload(request, context.config.MAX_UPLOAD_MB);
      const rows = await readProgressSheet(upload.bytes);
      if (rows.length === 0) {
        throw new LuoshiError('invalid_rows', 400, {
          en: 'The spreadsheet has no rows',
          zh: '表格中没有数据行',
        });
      }
      const scope = await loadScope(context, period.report_id, user);
      const { groups, problems } = validateRows(rows, scope);
      if (problems.length > 0) {
        throw new LuoshiError(
          'invalid_rows',
          400,
          {
            en: `${problems.length} problem(s) in the spreadsheet; nothing was written`,
            zh: `表格中有 ${problems.length} 处错误，未写入任何数据`,
          },
          { fields: problems },
        );
      }
      const result = await saveProgressRows(context.db, period.id, groups, actorOf(user));
      return { rows: rows.length, ...result };
    },
  );
};
