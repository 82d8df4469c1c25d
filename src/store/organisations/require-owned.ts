import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The writer's organisation for a store command: a number or null (a user; null owns nothing),
 * or undefined for the operator's console (the CLI), which is not confined to one organisation.
 */
export type WriterOrganisation = number | null | undefined;

const owns = (writer: WriterOrganisation, owner: number | null) =>
  writer === undefined || (writer !== null && owner === writer);

/** The report's organisation, or a 404 when the report is another organisation's (or missing). */
export async function requireOwnedReport(
  db: Db,
  reportId: number,
  writer: WriterOrganisation,
): Promise<number | null> {
  const row = await db
    .selectFrom('reports')
    .select('organisation_id')
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row || !owns(writer, row.organisation_id)) throw notFound(`Report ${reportId}`, `报告 ${reportId}`);
  return row.organisation_id;
}

/** The organisation of a node's report, or a 404 when it is another organisation's (or missing). */
export async function requireOwnedNode(
  db: Db,
  nodeId: number,
  writer: WriterOrganisation,
): Promise<number | null> {
  const row = await db
    .selectFrom('nodes as n')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select('r.organisation_id')
    .where('n.id', '=', nodeId)
    .executeTakeFirst();
  if (!row || !owns(writer, row.organisation_id)) throw notFound(`Task ${nodeId}`, `任务 ${nodeId}`);
  return row.organisation_id;
}

/** A 404 unless the unit belongs to the organisation (a unit of another government is not there). */
export async function requireUnitOf(db: Db, unitId: number, organisationId: number | null): Promise<void> {
  const row = await db
    .selectFrom('units')
    .select('organisation_id')
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!row || organisationId === null || row.organisation_id !== organisationId) {
    throw notFound(`Unit ${unitId}`, `单位 ${unitId}`);
  }
}

/** The organisation of an assignment's report, or a 404 when it is another organisation's (or missing). */
export async function requireOwnedAssignment(
  db: Db,
  assignmentId: number,
  writer: WriterOrganisation,
): Promise<void> {
  const row = await db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select('r.organisation_id')
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
  if (!row || !owns(writer, row.organisation_id)) {
    throw notFound(`Assignment ${assignmentId}`, `分工 ${assignmentId}`);
  }
}
