import type { Kysely } from 'kysely';
import { assignTask } from './assignments/assign-task.js';
import { type Actor, CLI_ACTOR } from './audit/append-audit-event.js';
import { importReport } from './import-report.js';
import { createReportingPeriod } from './periods/create-reporting-period.js';
import { getReportTree, type StoredTask } from './reports/get-report-tree.js';
import type { Database } from './schema.js';
import { analyseForTest, makeTree } from './test-trees.js';
import { createUnit } from './units/create-unit.js';

/** A small tracked plan for tests: one report, two units, every task assigned, one open period. */
export interface SeededPlan {
  reportId: number;
  tasks: StoredTask[];
  leadUnitId: number;
  cooperatingUnitId: number;
  periodId: number;
  actor: Actor;
}

export const SAMPLE_OUTLINE = [
  {
    title: '坚持以副辅主，高水平推进城市建设',
    measures: [
      { title: '加快重大项目建设', tasks: ['新建学校3个。', '推进M101线建设。'] },
      { title: '提升城市品质', tasks: ['新增中小学学位6500个。'] },
    ],
  },
  { title: '保障和改善民生', tasks: ['举办文化活动1300个。', '城镇调查失业率控制在5%以内。'] },
];

/** Imports the sample outline and sets up units, assignments and an open period. */
export async function seedPlan(db: Kysely<Database>, actor: Actor = CLI_ACTOR): Promise<SeededPlan> {
  const tree = makeTree('2026年区政府工作报告', SAMPLE_OUTLINE);
  const { reportId } = await importReport(db, {
    bytes: new TextEncoder().encode(tree.text),
    fileName: 'plan.md',
    tree,
    analyses: analyseForTest,
    actor,
  });
  const stored = await getReportTree(db, reportId);
  const tasks = stored.areas.flatMap((a) => [...a.measures.flatMap((m) => m.tasks), ...a.tasks]);
  const lead = await createUnit(db, { name: '区教委', actor });
  const cooperating = await createUnit(db, { name: '区财政局', actor });
  for (const task of tasks) {
    await assignTask(db, { taskId: task.id, unitId: lead.id, role: 'lead', deadline: '2026-12-31', actor });
    await assignTask(db, { taskId: task.id, unitId: cooperating.id, role: 'cooperating', actor });
  }
  const period = await createReportingPeriod(db, { reportId, label: '2026-Q1', open: true, actor });
  return {
    reportId,
    tasks,
    leadUnitId: lead.id,
    cooperatingUnitId: cooperating.id,
    periodId: period.id,
    actor,
  };
}

/**
 * Writes a live lead assignment of a task to a unit straight into its table (no audit event, no
 * hand-down record): for tests of what the row alone moves or finds.
 */
export async function insertLeadAssignment(
  db: Kysely<Database>,
  taskId: number,
  unitId: number,
  now: string,
): Promise<void> {
  await db
    .insertInto('assignments')
    .values({
      node_id: taskId,
      unit_id: unitId,
      role: 'lead',
      lead_official: null,
      lead_official_person_id: null,
      deadline: null,
      milestones_json: '[]',
      note: null,
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
