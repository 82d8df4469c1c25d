import type { Kysely, Transaction } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, SuperiorTask } from '../schema.js';
import { staleVersion, updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { findSuperiorTask, type SuperiorTaskView } from './list-superior-tasks.js';

/** 文号 / 折子工程编号: at most this many characters. */
export const REFERENCE_NUMBER_MAX = 100;

function cleanReference(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed.length > REFERENCE_NUMBER_MAX) {
    throw badInput(
      'invalid_reference_number',
      `A reference number has at most ${REFERENCE_NUMBER_MAX} characters`,
      `编号不能超过 ${REFERENCE_NUMBER_MAX} 个字符`,
    );
  }
  return trimmed === '' ? null : trimmed;
}

/**
 * The superior task row of `organisationId` for a write: not_found for another organisation's,
 * conflict for a stale version. Withdrawn tasks (the superior took the assignment back) take no
 * more writes.
 */
export async function loadOwnSuperiorTask(
  trx: Transaction<Database>,
  input: { id: number; organisationId: number; version?: number },
): Promise<SuperiorTaskView> {
  const view = await findSuperiorTask(trx, input);
  if (input.version !== undefined && view.version !== input.version)
    throw staleVersion('superior_tasks', view.id, input.version, view.version);
  if (view.withdrawn) {
    throw conflict(`Superior task ${view.id} was withdrawn by the superior`, '上级已撤回该交办任务', {
      status: 'withdrawn',
    });
  }
  return view;
}

/** The superior task must have been accepted before its office links, decomposes or reports it. */
export function requireAccepted(view: SuperiorTaskView): void {
  if (view.status !== 'accepted') {
    throw conflict(
      `Superior task ${view.id} is not accepted yet; accept it first`,
      '请先接收该上级交办任务',
      { status: view.status },
    );
  }
}

export interface AcceptSuperiorTaskInput {
  id: number;
  /** The subordinate organisation whose office accepts (its own superior tasks only). */
  organisationId: number;
  version: number;
  referenceNumber?: string | null;
  actor: Actor;
}

/** 接收 — the subordinate's office accepts a pending superior task (optionally noting its number). */
export async function acceptSuperiorTask(
  db: Kysely<Database>,
  input: AcceptSuperiorTaskInput,
): Promise<SuperiorTask> {
  const referenceNumber = cleanReference(input.referenceNumber);
  return writeTransaction(db, async (trx) => {
    const view = await loadOwnSuperiorTask(trx, input);
    if (view.status !== 'pending') {
      throw conflict(`Superior task ${view.id} is already accepted`, '该上级交办任务已接收', {
        status: view.status,
      });
    }
    return updateVersioned(trx, {
      table: 'superior_tasks',
      entity: 'superior_task',
      id: view.id,
      version: input.version,
      action: 'accept',
      changes: {
        status: 'accepted',
        accepted_at: new Date().toISOString(),
        accepted_by: input.actor.id,
        ...(referenceNumber === undefined ? {} : { reference_number: referenceNumber }),
      },
      actor: input.actor,
    });
  });
}

/** Edits a superior task's reference number (市折子工程编号…) as the subordinate's office keeps it. */
export async function updateSuperiorTask(
  db: Kysely<Database>,
  input: {
    id: number;
    organisationId: number;
    version: number;
    referenceNumber: string | null;
    actor: Actor;
  },
): Promise<SuperiorTask> {
  const referenceNumber = cleanReference(input.referenceNumber) ?? null;
  return writeTransaction(db, async (trx) => {
    const view = await loadOwnSuperiorTask(trx, input);
    return updateVersioned(trx, {
      table: 'superior_tasks',
      entity: 'superior_task',
      id: view.id,
      version: input.version,
      changes: { reference_number: referenceNumber },
      actor: input.actor,
    });
  });
}
