import type { Kysely, Transaction } from 'kysely';
import { badInput } from '../../core/errors.js';
import { isCalendarDate } from '../../core/status/calendar.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, NodeRow, SuperiorTaskLink } from '../schema.js';
import { type TargetFields, validateTargetFields } from '../targets/validate-target.js';
import { handWrittenTaskRow } from '../tasks/hand-written-task-row.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';
import { loadOwnSuperiorTask, requireAccepted } from './accept-superior-task.js';
import { SUPERIOR_TASKS_AREA } from './keep-decomposed-tasks.js';
import { insertLinks } from './link-superior-task.js';

export { SUPERIOR_TASKS_AREA };

/** A task the office writes for its own units when it decomposes a superior task. */
export interface DecomposedTaskInput {
  text: string;
  /** 完成时限, YYYY-MM-DD. */
  deadline?: string | null;
  /** Its 量化目标; a target sharing the superior target's unit is summed into the report up. */
  targets?: (Pick<TargetFields, 'value' | 'unit' | 'subject'> & Partial<TargetFields>)[];
}

export interface DecomposeSuperiorTaskInput {
  id: number;
  organisationId: number;
  /** The organisation's own report that receives the new tasks (under 上级交办任务). */
  reportId: number;
  tasks: DecomposedTaskInput[];
  actor: Actor;
}

export interface DecomposeResult {
  areaId: number;
  tasks: NodeRow[];
  links: SuperiorTaskLink[];
}

export const DECOMPOSED_TASK_TEXT_MAX = 2000;

function validateTasks(tasks: readonly DecomposedTaskInput[]): void {
  if (tasks.length === 0)
    throw badInput('invalid_decomposition', 'Write at least one task', '请至少填写一项分解任务');
  tasks.forEach((task, k) => {
    const text = task.text.trim();
    if (text === '' || text.length > DECOMPOSED_TASK_TEXT_MAX) {
      throw badInput(
        'invalid_decomposition',
        `Task ${k + 1} needs a text of 1–${DECOMPOSED_TASK_TEXT_MAX} characters`,
        `第 ${k + 1} 项任务内容应为 1–${DECOMPOSED_TASK_TEXT_MAX} 个字符`,
      );
    }
    if (task.deadline != null && !isCalendarDate(task.deadline)) {
      throw badInput(
        'invalid_decomposition',
        `Task ${k + 1}: deadline must be a real date YYYY-MM-DD`,
        `第 ${k + 1} 项任务的完成时限应为有效日期 YYYY-MM-DD`,
      );
    }
    for (const target of task.targets ?? []) {
      validateTargetFields(target);
      if (target.subject.trim() === '')
        throw badInput('invalid_target', 'A target needs a subject', '量化目标需要填写指标名称');
    }
  });
}

/** The report's 上级交办任务 area, created (last, at the top level) the first time it is needed. */
async function superiorTasksArea(
  trx: Transaction<Database>,
  report: { id: number; current_revision_id: number },
  actor: Actor,
): Promise<NodeRow> {
  const existing = await trx
    .selectFrom('nodes')
    .selectAll()
    .where('report_id', '=', report.id)
    .where('kind', '=', 'area')
    .where('title', '=', SUPERIOR_TASKS_AREA)
    .where('archived', '=', 0)
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return existing;
  const last = await trx
    .selectFrom('nodes')
    .select((eb) => [eb.fn.max('position').as('position')])
    .where('report_id', '=', report.id)
    .executeTakeFirst();
  const topLevel = await trx
    .selectFrom('nodes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('report_id', '=', report.id)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  return insertAudited(
    trx,
    'nodes',
    {
      report_id: report.id,
      parent_id: null,
      kind: 'area',
      section_kind: null,
      ordinal: Number(topLevel.count),
      position: Number(last?.position ?? -1) + 1,
      label: null,
      title: SUPERIOR_TASKS_AREA,
      text: SUPERIOR_TASKS_AREA,
      span_start: 0,
      span_end: 0,
      revision_id: report.current_revision_id,
      deadline_text: null,
      deadline_date: null,
      commitment: null,
      archived: 0,
      archived_at: null,
      created_at: now,
      updated_at: now,
    },
    actor,
    'node',
  );
}

/**
 * 分解 — writes new tasks of the organisation's own report (under its 上级交办任务 area, with
 * their targets) that carry out an accepted superior task, and links them to it, in one
 * transaction. The office then assigns them to its units as any task. The new tasks are not in
 * the report's document: they have no span in its text (span 0–0).
 */
export async function decomposeSuperiorTask(
  db: Kysely<Database>,
  input: DecomposeSuperiorTaskInput,
): Promise<DecomposeResult> {
  validateTasks(input.tasks);
  return writeTransaction(db, async (trx) => {
    const view = await loadOwnSuperiorTask(trx, input);
    requireAccepted(view);
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'current_revision_id'])
      .where('id', '=', input.reportId)
      .where('organisation_id', '=', input.organisationId)
      .where('archived', '=', 0)
      .executeTakeFirst();
    if (!report || report.current_revision_id === null) {
      throw badInput(
        'not_own_report',
        `Report ${input.reportId} is not a report of your organisation`,
        `报告 ${input.reportId} 不是本级的报告`,
      );
    }
    const area = await superiorTasksArea(
      trx,
      { id: report.id, current_revision_id: report.current_revision_id },
      input.actor,
    );
    const siblings = await trx
      .selectFrom('nodes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('parent_id', '=', area.id)
      .executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('nodes')
      .select((eb) => [eb.fn.max('position').as('position')])
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const tasks: NodeRow[] = [];
    let position = Number(last.position ?? -1);
    for (const [k, spec] of input.tasks.entries()) {
      const text = spec.text.trim();
      position += 1;
      const task = await insertAudited(
        trx,
        'nodes',
        handWrittenTaskRow(
          {
            reportId: report.id,
            parentId: area.id,
            revisionId: report.current_revision_id,
            ordinal: Number(siblings.count) + k,
            position,
            text,
            deadlineText: spec.deadline ?? null,
            deadlineDate: spec.deadline ?? null,
            commitment: null,
          },
          now,
        ),
        input.actor,
        'node',
      );
      for (const [ordinal, target] of (spec.targets ?? []).entries()) {
        const subject = target.subject.trim();
        const unit = target.unit.trim();
        await insertAudited(
          trx,
          'targets',
          {
            node_id: task.id,
            ordinal,
            value: target.value,
            max: target.max ?? null,
            unit,
            comparator: target.comparator ?? '=',
            change: target.change ?? 'increase',
            subject,
            text: `${subject}${target.value}${unit}`,
            span_start: 0,
            span_end: 0,
            source: 'manual',
            edited_by: input.actor.id,
            edited_at: now,
            archived: 0,
            created_at: now,
            updated_at: now,
          },
          input.actor,
          'target',
        );
      }
      tasks.push(task);
    }
    const links = await insertLinks(
      trx,
      view.id,
      tasks.map((t) => t.id),
      input.actor,
    );
    return { areaId: area.id, tasks, links };
  });
}
