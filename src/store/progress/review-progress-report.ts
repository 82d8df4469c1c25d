import type { Kysely } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database, ProgressReport, ProgressStatus } from '../schema.js';
import { loadVersioned, updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';

async function transition(
  db: Kysely<Database>,
  input: { id: number; version: number; actor: Actor },
  from: readonly ProgressStatus[],
  to: ProgressStatus,
  action: string,
  extra: (now: string) => Partial<ProgressReport>,
): Promise<ProgressReport> {
  return writeTransaction(db, async (trx) => {
    const current = await loadVersioned(trx, 'progress_reports', input.id);
    if (current.version === input.version && !from.includes(current.status)) {
      throw conflict(
        `Progress report ${input.id} is ${current.status}; it cannot be ${action === 'submit' ? 'submitted' : `${action}ed`}`,
        `进展报告当前状态为 ${current.status}，不能执行此操作`,
        { status: current.status },
      );
    }
    const now = new Date().toISOString();
    return updateVersioned(trx, {
      table: 'progress_reports',
      entity: 'progress_report',
      id: input.id,
      version: input.version,
      action,
      changes: { status: to, ...extra(now) },
      actor: input.actor,
    });
  });
}

/** 报送 — the unit head submits a draft (or a returned report after fixing it). */
export async function submitProgressReport(
  db: Kysely<Database>,
  input: { id: number; version: number; actor: Actor },
): Promise<ProgressReport> {
  return transition(db, input, ['draft', 'returned'], 'submitted', 'submit', (now) => ({
    submitted_by: input.actor.id,
    submitted_at: now,
  }));
}

/** 审核 — the office approves a submitted report, or returns it (退回) with a reason the unit will see. */
export async function reviewProgressReport(
  db: Kysely<Database>,
  input: {
    id: number;
    version: number;
    decision: 'approve' | 'return';
    reason?: string | null;
    actor: Actor;
  },
): Promise<ProgressReport> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'return' && !reason) {
    throw badInput('reason_required', 'A returned report needs a reason', '退回时必须填写理由');
  }
  return transition(
    db,
    input,
    ['submitted'],
    input.decision === 'approve' ? 'approved' : 'returned',
    input.decision,
    (now) => ({ reviewed_by: input.actor.id, reviewed_at: now, review_reason: reason }),
  );
}
