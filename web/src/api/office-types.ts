/** Shapes of the office's assignment endpoints (bulk 分工 and the 分工方案 import). */
import type { z } from 'zod';
import type { bulkAssignBodySchema, bulkAssignResultSchema } from '../../../src/server/assignments/schema.js';
import type { planImportResultSchema } from '../../../src/server/division/schema.js';

/** POST /api/reports/:id/assignments/bulk */
export type BulkAssignBody = z.infer<typeof bulkAssignBodySchema>;
export type BulkAssignResult = z.infer<typeof bulkAssignResultSchema>;

/** One bad row of a refused 分工方案 (the error's details.errors). */
export type { DivisionRowError } from '../../../src/render/division-import.js';
/** POST /api/reports/:id/division/preview and /commit — a 分工方案 read, reviewed and written. */
export type { DivisionPreview } from '../../../src/server/division/schema.js';
/** POST /api/reports/:id/division.xlsx — what a 分工方案 import did. */
export type { DivisionImportResult } from '../../../src/server/publish/schema.js';
export interface DivisionCommitBody {
  rows: {
    line: number;
    taskIds: number[];
    newTask?: { parentId: number; text: string };
    lead: string[];
    cooperating: string[];
    leaders: string[];
    deadline: string | null;
  }[];
  units: { name: string; unitId?: number | null; create?: boolean }[];
}
export interface DivisionCommitResult {
  tasks: number;
  newTasks: number;
  created: number;
  updated: number;
  archived: number;
  unitsCreated: string[];
  aliasesKept: string[];
}

/** POST /api/imports/division-plan — a 分工方案 stored as the tracked plan. */
export type PlanImportResult = z.infer<typeof planImportResultSchema>;
