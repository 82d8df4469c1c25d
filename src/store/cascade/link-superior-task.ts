import type { Kysely, Transaction } from 'kysely';
import { badInput, conflict, notFound } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, SuperiorTaskLink } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { loadOwnSuperiorTask, requireAccepted } from './accept-superior-task.js';

/**
 * Checks that every id is a live task of a live report of `organisationId`: a superior task is
 * carried out by the receiving organisation's own tasks only.
 */
export async function requireOwnTasks(
  db: Kysely<Database>,
  organisationId: number,
  taskIds: readonly number[],
): Promise<void> {
  if (taskIds.length === 0) return;
  const found = await db
    .selectFrom('nodes as n')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select('n.id')
    .where('n.id', 'in', [...taskIds])
    .where('n.kind', '=', 'task')
    .where('n.archived', '=', 0)
    .where('r.archived', '=', 0)
    .where('r.organisation_id', '=', organisationId)
    .execute();
  const own = new Set(found.map((row) => row.id));
  const missing = taskIds.filter((id) => !own.has(id));
  if (missing.length > 0) {
    throw badInput(
      'not_own_task',
      `Tasks ${missing.join(', ')} are not tasks of your organisation's reports`,
      `任务 ${missing.join('、')} 不是本级报告中的任务`,
      { taskIds: missing },
    );
  }
}

/** Inserts the links of a superior task to own tasks (checked by the caller), audited one by one. */
export async function insertLinks(
  trx: Transaction<Database>,
  superiorTaskId: number,
  taskIds: readonly number[],
  actor: Actor,
): Promise<SuperiorTaskLink[]> {
  const existing = await trx
    .selectFrom('superior_task_links')
    .select('node_id')
    .where('superior_task_id', '=', superiorTaskId)
    .where('node_id', 'in', [...taskIds])
    .execute();
  if (existing.length > 0) {
    const ids = existing.map((row) => row.node_id);
    throw conflict(
      `Tasks ${ids.join(', ')} are already linked to superior task ${superiorTaskId}`,
      `任务 ${ids.join('、')} 已关联该上级交办任务`,
      { taskIds: ids },
    );
  }
  const now = new Date().toISOString();
  const links: SuperiorTaskLink[] = [];
  for (const nodeId of taskIds) {
    const link = await trx
      .insertInto('superior_task_links')
      .values({ superior_task_id: superiorTaskId, node_id: nodeId, created_by: actor.id, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      actor,
      action: 'link',
      entity: 'superior_task',
      entityId: superiorTaskId,
      after: link,
    });
    links.push(link);
  }
  return links;
}

export interface LinkSuperiorTaskInput {
  id: number;
  organisationId: number;
  /** Own tasks (of the organisation's reports) that carry the superior task out. */
  taskIds: number[];
  actor: Actor;
}

/** 关联 — links an accepted superior task to tasks of the organisation's own reports. */
export async function linkSuperiorTask(
  db: Kysely<Database>,
  input: LinkSuperiorTaskInput,
): Promise<SuperiorTaskLink[]> {
  const taskIds = [...new Set(input.taskIds)];
  if (taskIds.length === 0)
    throw badInput('invalid_link', 'Name at least one task to link', '请至少选择一项任务');
  return writeTransaction(db, async (trx) => {
    const view = await loadOwnSuperiorTask(trx, input);
    requireAccepted(view);
    await requireOwnTasks(trx, input.organisationId, taskIds);
    return insertLinks(trx, view.id, taskIds, input.actor);
  });
}

/** Removes one link of a superior task to an own task (the task itself stays). */
export async function unlinkSuperiorTask(
  db: Kysely<Database>,
  input: { id: number; organisationId: number; taskId: number; actor: Actor },
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const view = await loadOwnSuperiorTask(trx, input);
    const link = await trx
      .selectFrom('superior_task_links')
      .selectAll()
      .where('superior_task_id', '=', view.id)
      .where('node_id', '=', input.taskId)
      .executeTakeFirst();
    if (!link)
      throw notFound(
        `Link of superior task ${view.id} to task ${input.taskId}`,
        `上级交办任务与任务 ${input.taskId} 的关联`,
      );
    await trx.deleteFrom('superior_task_links').where('id', '=', link.id).execute();
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: 'unlink',
      entity: 'superior_task',
      entityId: view.id,
      before: link,
    });
  });
}
