import type { Kysely } from 'kysely';
import { type ApplyCounts, applyTaskUnits } from '../assignments/apply-task-units.js';
import type { Actor } from '../audit/append-audit-event.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import { findReportOrganisationId } from '../organisations/find-root-organisation.js';
import type { AssignmentRole, Database } from '../schema.js';
import { findOrCreateUnits } from '../units/create-unit.js';
import { writeTransaction } from '../write-transaction.js';

/** One validated row of a 分工方案 sheet: a task and the units (by name) it should have. */
export interface DivisionRowUnits {
  taskId: number;
  leadUnits: readonly string[];
  cooperatingUnits: readonly string[];
  leadOfficial: string | null;
  /** YYYY-MM-DD, or null for ongoing work. */
  deadline: string | null;
}

export interface ApplyDivisionResult extends ApplyCounts {
  /** Names of the units the sheet named that did not exist yet. */
  unitsCreated: string[];
  /** Assignments made or brought back, for notices. */
  assignmentIdsMade: number[];
}

/**
 * Gives each row's task exactly the lead and cooperating units of its row, in one transaction:
 * missing units are created in the report's organisation, units no longer listed are archived,
 * the lead official and deadline set (applyTaskUnits); tasks not in the rows keep theirs.
 */
export async function applyDivisionRows(
  db: Kysely<Database>,
  reportId: number,
  rows: readonly DivisionRowUnits[],
  actor: Actor,
): Promise<ApplyDivisionResult> {
  return writeTransaction(db, async (trx) => {
    const result: ApplyDivisionResult = {
      created: 0,
      updated: 0,
      archived: 0,
      unitsCreated: [],
      assignmentIdsMade: [],
    };
    const units = await findOrCreateUnits(
      trx,
      rows.flatMap((row) => [...row.leadUnits, ...row.cooperatingUnits]),
      actor,
      await findReportOrganisationId(trx, reportId),
    );
    const unitIds = units.ids;
    result.unitsCreated.push(...units.created);
    for (const row of rows) {
      const wanted = new Map<number, AssignmentRole>();
      for (const unit of row.cooperatingUnits) wanted.set(unitIds.get(unit) ?? 0, 'cooperating');
      for (const unit of row.leadUnits) wanted.set(unitIds.get(unit) ?? 0, 'lead');
      const made = await applyTaskUnits(
        trx,
        { taskId: row.taskId, units: wanted, leadOfficial: row.leadOfficial, deadline: row.deadline },
        actor,
        result,
      );
      result.assignmentIdsMade.push(...made);
    }
    // Rows that gave a task to a unit standing for a subordinate government hand it down now.
    await recordHandedDown(trx, { reportIds: [reportId] }, actor);
    return result;
  });
}
