import type { Kysely } from 'kysely';
import type { DivisionParse } from '../../core/division/parse-division.js';
import { divisionPlanTree } from '../../core/division/plan-tree.js';
import type { TaskAnalysis } from '../../core/target.js';
import type { Actor } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { getReportTree } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { type CommitDivisionResult, commitDivisionPlan } from './commit-division-plan.js';

export interface ImportPlanAsReportInput {
  bytes: Uint8Array;
  fileName: string;
  plan: DivisionParse;
  /** Reads a task's targets, deadline and commitment (year bound by the caller). */
  analyze: (text: string) => TaskAnalysis;
  actor: Actor;
  /** The owning organisation by name (found, or created under the root): the CLI's --organisation. */
  organisation?: string;
  /** The owning organisation by id: the importing administrator's. */
  organisationId?: number;
  /** 发文机关 as text, when not the owning organisation. */
  issuer?: string;
}

/**
 * 以分工方案为台账 — stores a 分工方案 as the tracked plan itself: its headings become work areas
 * and measures, its rows tasks (targets extracted), and then its units, leaders and deadlines the
 * tasks' assignments (units missing from the directory are created, aliases resolve as on the
 * review screen). One transaction: the plan is stored with its assignments or not at all.
 */
export async function importPlanAsReport(
  db: Kysely<Database>,
  input: ImportPlanAsReportInput,
): Promise<{ reportId: number; tasks: number; assignments: CommitDivisionResult }> {
  return writeTransaction(db, (trx) => storePlanAsReport(trx, input));
}

async function storePlanAsReport(
  db: Kysely<Database>,
  input: ImportPlanAsReportInput,
): Promise<{ reportId: number; tasks: number; assignments: CommitDivisionResult }> {
  const { tree, places } = divisionPlanTree(input.plan);
  const imported = await importReport(db, {
    bytes: input.bytes,
    fileName: input.fileName,
    tree,
    analyses: (task) => input.analyze(task.text),
    actor: input.actor,
    ...(input.organisation ? { organisation: input.organisation } : {}),
    ...(input.organisationId === undefined ? {} : { organisationId: input.organisationId }),
    ...(input.issuer === undefined ? {} : { issuer: input.issuer }),
  });
  const stored = await getReportTree(db, imported.reportId);
  const rows = places.flatMap(({ row, area, measure, task }) => {
    const storedArea = stored.areas[area];
    const node = measure < 0 ? storedArea?.tasks[task] : storedArea?.measures[measure]?.tasks[task];
    if (!node || row.lead.length + row.cooperating.length === 0) return [];
    return [
      {
        line: row.line,
        taskIds: [node.id],
        lead: row.lead,
        cooperating: row.cooperating,
        leaders: row.leaders,
        deadline: row.deadline,
      },
    ];
  });
  const names = [...new Set(rows.flatMap((row) => [...row.lead, ...row.cooperating]))];
  const assignments = await commitDivisionPlan(db, {
    reportId: imported.reportId,
    rows,
    units: names.map((name) => ({ name, create: true })),
    analyze: input.analyze,
    actor: input.actor,
  });
  return { reportId: imported.reportId, tasks: places.length, assignments };
}
