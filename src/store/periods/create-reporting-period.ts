import type { Kysely } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from '../../core/status/calendar.js';
import type { Actor } from '../audit/append-audit-event.js';
import { requireOwnedReport, type WriterOrganisation } from '../organisations/require-owned.js';
import type { Database, PeriodKind, ReportingPeriod } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { loadVersioned, updateVersioned } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day of "2026-03" (month) or "2026-Q1" (quarter); null if the label is neither. */
export function periodBounds(label: string): { kind: PeriodKind; startsOn: string; endsOn: string } | null {
  const year = Number(label.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return null;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return { kind: 'month', startsOn: `${y}-${pad(m)}-01`, endsOn: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return {
      kind: 'quarter',
      startsOn: `${y}-${pad(first)}-01`,
      endsOn: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
    };
  }
  return null;
}

export interface CreatePeriodInput {
  reportId: number;
  /** "2026-03" for a month, "2026-Q1" for a quarter. */
  label: string;
  /** Date by which units must report (YYYY-MM-DD). */
  dueOn?: string | null;
  /** Open it for reporting at once (default: planned). */
  open?: boolean;
  actor: Actor;
  /** The writer's organisation: the report must be one of its own (require-owned.ts). */
  organisationId?: WriterOrganisation;
}

/** 报送周期 — creates a monthly or quarterly reporting period of a report. */
export async function createReportingPeriod(
  db: Kysely<Database>,
  input: CreatePeriodInput,
): Promise<ReportingPeriod> {
  const bounds = periodBounds(input.label);
  if (!bounds) {
    throw badInput(
      'invalid_period',
      `Period "${input.label}" must look like 2026-03 or 2026-Q1, in ${FIRST_YEAR}–${LAST_YEAR}`,
      `报送周期“${input.label}”格式应为 2026-03 或 2026-Q1`,
    );
  }
  if (input.dueOn != null && !isCalendarDate(input.dueOn)) {
    throw badInput(
      'invalid_period',
      'dueOn must be a real date YYYY-MM-DD',
      '截止日期应为有效日期 YYYY-MM-DD',
    );
  }
  return writeTransaction(db, async (trx) => {
    await requireOwnedReport(trx, input.reportId, input.organisationId);
    await loadVersioned(trx, 'reports', input.reportId);
    const existing = await trx
      .selectFrom('reporting_periods')
      .select('id')
      .where('report_id', '=', input.reportId)
      .where('label', '=', input.label)
      .executeTakeFirst();
    if (existing) {
      throw conflict(`Period ${input.label} already exists`, `报送周期 ${input.label} 已存在`, {
        periodId: existing.id,
      });
    }
    const now = new Date().toISOString();
    return insertAudited(
      trx,
      'reporting_periods',
      {
        report_id: input.reportId,
        kind: bounds.kind,
        label: input.label,
        starts_on: bounds.startsOn,
        ends_on: bounds.endsOn,
        due_on: input.dueOn ?? null,
        status: input.open ? 'open' : 'planned',
        opened_at: input.open ? now : null,
        closed_at: null,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      'reporting_period',
    );
  });
}

/** Opens or closes a period for reporting (planned → open → closed; closed may re-open). */
export async function setPeriodStatus(
  db: Kysely<Database>,
  input: { id: number; version: number; status: 'open' | 'closed'; actor: Actor },
): Promise<ReportingPeriod> {
  return writeTransaction(db, (trx) => {
    const now = new Date().toISOString();
    return updateVersioned(trx, {
      table: 'reporting_periods',
      entity: 'reporting_period',
      id: input.id,
      version: input.version,
      action: input.status === 'open' ? 'open' : 'close',
      changes:
        input.status === 'open' ? { status: 'open', opened_at: now } : { status: 'closed', closed_at: now },
      actor: input.actor,
    });
  });
}
