import type { Kysely, Transaction } from 'kysely';
import { resolveUnitNames } from '../../core/division/unit-names.js';
import { badInput } from '../../core/errors.js';
import type { TaskAnalysis } from '../../core/target.js';
import { type ApplyCounts, applyTaskUnits } from '../assignments/apply-task-units.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import { extractedTargetRow } from '../import-report.js';
import { findReportOrganisationId } from '../organisations/find-root-organisation.js';
import type { AssignmentRole, Database } from '../schema.js';
import { handWrittenTaskRow } from '../tasks/hand-written-task-row.js';
import { keepUnitAlias, listUnitDirectory } from '../units/unit-directory.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

/** What the rows say about one task. */
interface TaskEntry {
  units: Map<number, AssignmentRole>;
  leaders: string[];
  deadlines: (string | null)[];
}

/** One reviewed row of a 分工方案: the tasks it covers (or a new task) and who does them by when. */
export interface CommitRow {
  line: number;
  taskIds: number[];
  /** A row that matches no task becomes a new task under this area or measure. */
  newTask?: { parentId: number; text: string } | undefined;
  lead: string[];
  cooperating: string[];
  leaders: string[];
  deadline: string | null;
}

/** The office's answer for a unit name: map it to a unit (kept as an alias) or create it. */
export interface UnitDecision {
  name: string;
  unitId?: number | null | undefined;
  create?: boolean | undefined;
}

export interface CommitDivisionInput {
  reportId: number;
  rows: readonly CommitRow[];
  units: readonly UnitDecision[];
  /** Reads a new task's targets, deadline and commitment (the report's year is bound by the caller). */
  analyze: (text: string) => TaskAnalysis;
  actor: Actor;
}

export interface CommitDivisionResult extends ApplyCounts {
  tasks: number;
  newTasks: number;
  unitsCreated: string[];
  aliasesKept: string[];
  /** The assignments the plan made or brought back (the caller tells handed-down ones' offices). */
  assignmentIdsMade: number[];
}

/**
 * 提交分工 — writes a reviewed 分工方案 in ONE transaction: units the office created or mapped
 * (mappings kept as aliases), new tasks for rows that matched none, and for every covered task
 * exactly the units, lead official (责任领导) and deadline of its rows (rows that split one task
 * are joined). A unit name nobody resolved refuses the whole commit (`unknown_units`).
 */
export async function commitDivisionPlan(
  db: Kysely<Database>,
  input: CommitDivisionInput,
): Promise<CommitDivisionResult> {
  return writeTransaction(db, async (trx) => {
    const result: CommitDivisionResult = {
      tasks: 0,
      newTasks: 0,
      created: 0,
      updated: 0,
      archived: 0,
      unitsCreated: [],
      aliasesKept: [],
      assignmentIdsMade: [],
    };
    const unitIds = await resolveUnits(trx, input, result);
    const byTask = new Map<number, TaskEntry>();
    const reportTasks = await taskIdsOf(trx, input.reportId);
    for (const row of input.rows) {
      const taskIds = [...row.taskIds];
      for (const id of taskIds) {
        if (!reportTasks.has(id)) {
          throw badInput(
            'invalid_rows',
            `Row ${row.line}: task ${id} is not a task of this report`,
            `第 ${row.line} 行：任务 ${id} 不属于本报告`,
          );
        }
      }
      if (row.newTask) {
        taskIds.push(await addTask(trx, input, row.newTask));
        result.newTasks += 1;
      }
      for (const taskId of taskIds) {
        const entry: TaskEntry = byTask.get(taskId) ?? { units: new Map(), leaders: [], deadlines: [] };
        for (const name of row.cooperating)
          if (!entry.units.has(unitIds.get(name) as number))
            entry.units.set(unitIds.get(name) as number, 'cooperating');
        for (const name of row.lead) entry.units.set(unitIds.get(name) as number, 'lead');
        for (const leader of row.leaders) if (!entry.leaders.includes(leader)) entry.leaders.push(leader);
        entry.deadlines.push(row.deadline);
        byTask.set(taskId, entry);
      }
    }
    for (const [taskId, entry] of byTask) {
      // Rows that split one task: the task is due when its last part is.
      const dated = entry.deadlines.filter((d): d is string => d !== null).sort();
      const deadline = dated.length === entry.deadlines.length ? (dated[dated.length - 1] ?? null) : null;
      const made = await applyTaskUnits(
        trx,
        { taskId, units: entry.units, leadOfficial: entry.leaders.join('、') || null, deadline },
        input.actor,
        result,
      );
      result.assignmentIdsMade.push(...made);
    }
    result.tasks = byTask.size;
    // Tasks the plan gave to a unit standing for a subordinate government are handed down now.
    await recordHandedDown(trx, { reportIds: [input.reportId] }, input.actor);
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: 'import',
      entity: 'division_plan',
      entityId: input.reportId,
      after: { rows: input.rows.length, ...result },
    });
    return result;
  });
}

async function taskIdsOf(trx: Transaction<Database>, reportId: number): Promise<Set<number>> {
  const rows = await trx
    .selectFrom('nodes')
    .select('id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'task')
    .where('archived', '=', 0)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Name → unit id for every name the rows use; creates, maps and refuses as the office decided. */
async function resolveUnits(
  trx: Transaction<Database>,
  input: CommitDivisionInput,
  result: CommitDivisionResult,
): Promise<Map<string, number>> {
  const names = [...new Set(input.rows.flatMap((row) => [...row.lead, ...row.cooperating]))];
  const decisions = new Map(input.units.map((decision) => [decision.name, decision]));
  const owner = await findReportOrganisationId(trx, input.reportId);
  const directory = await listUnitDirectory(trx, owner);
  const known = new Set(directory.map((unit) => unit.id));
  const ids = new Map<string, number>();
  const unknown: string[] = [];
  const now = new Date().toISOString();
  for (const resolution of resolveUnitNames(names, directory)) {
    const decision = decisions.get(resolution.name);
    const name = resolution.name;
    if (decision?.unitId != null) {
      if (!known.has(decision.unitId)) {
        throw badInput(
          'invalid_unit',
          `Unit ${decision.unitId} does not exist`,
          `单位 ${decision.unitId} 不存在`,
        );
      }
      ids.set(name, decision.unitId);
      const unitName = directory.find((unit) => unit.id === decision.unitId)?.name;
      if (unitName !== name) {
        await keepUnitAlias(trx, name, decision.unitId, input.actor);
        result.aliasesKept.push(name);
      }
    } else if (resolution.status === 'known') {
      ids.set(name, resolution.unitId);
    } else if (decision?.create || resolution.status === 'collective') {
      const unit = await insertAudited(
        trx,
        'units',
        {
          name,
          short_name: null,
          parent_id: null,
          organisation_id: owner,
          archived: 0,
          created_at: now,
          updated_at: now,
        },
        input.actor,
        'unit',
      );
      ids.set(name, unit.id);
      result.unitsCreated.push(name);
    } else {
      unknown.push(name);
    }
  }
  if (unknown.length > 0) {
    throw badInput(
      'unknown_units',
      `Create or map these units first; nothing was written: ${unknown.join(', ')}`,
      `以下单位不在单位名录中，请先新建或对应到已有单位（未写入任何数据）：${unknown.join('、')}`,
      { units: unknown },
    );
  }
  return ids;
}

/** Adds a task at the end of an area or measure of the report, with its extracted targets. */
async function addTask(
  trx: Transaction<Database>,
  input: CommitDivisionInput,
  newTask: { parentId: number; text: string },
): Promise<number> {
  const parent = await trx
    .selectFrom('nodes')
    .select(['id', 'kind', 'position', 'revision_id'])
    .where('id', '=', newTask.parentId)
    .where('report_id', '=', input.reportId)
    .where('archived', '=', 0)
    .executeTakeFirst();
  const text = newTask.text.trim();
  if (!parent || (parent.kind !== 'area' && parent.kind !== 'measure') || text === '' || text.length > 2000) {
    throw badInput(
      'invalid_new_task',
      'A new task needs its text and an area or measure of this report',
      '新增任务须填写内容，并选择本报告的工作领域或举措',
    );
  }
  const below = await trx
    .selectFrom('nodes')
    .select((eb) => [eb.fn.max('position').as('last')])
    .where('report_id', '=', input.reportId)
    .where((eb) =>
      eb.or([
        eb('parent_id', '=', parent.id),
        eb('parent_id', 'in', eb.selectFrom('nodes').select('id').where('parent_id', '=', parent.id)),
      ]),
    )
    .executeTakeFirst();
  const position = Math.max(parent.position, Number(below?.last ?? parent.position)) + 1;
  const siblings = await trx
    .selectFrom('nodes')
    .select((eb) => [eb.fn.max('ordinal').as('last')])
    .where('parent_id', '=', parent.id)
    .executeTakeFirst();
  await trx
    .updateTable('nodes')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('report_id', '=', input.reportId)
    .where('position', '>=', position)
    .execute();
  const analysis = input.analyze(text);
  const now = new Date().toISOString();
  const node = await insertAudited(
    trx,
    'nodes',
    handWrittenTaskRow(
      {
        reportId: input.reportId,
        parentId: parent.id,
        revisionId: parent.revision_id,
        ordinal: siblings?.last == null ? 0 : Number(siblings.last) + 1,
        position,
        text,
        deadlineText: analysis.deadline?.text ?? null,
        deadlineDate: analysis.deadline?.date ?? null,
        commitment: analysis.commitment ?? null,
      },
      now,
    ),
    input.actor,
    'task',
  );
  for (const [ordinal, target] of analysis.targets.entries()) {
    await insertAudited(
      trx,
      'targets',
      extractedTargetRow(target, node.id, ordinal, now),
      input.actor,
      'target',
    );
  }
  return node.id;
}
