import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { badInput } from '../core/errors.js';
import { type FlatNode, flattenTree } from '../core/merge/flatten-tree.js';
import type { ReportTree, TaskNode } from '../core/report-tree.js';
import type { Target, TaskAnalysis } from '../core/target.js';
import { type Actor, appendAuditEvent } from './audit/append-audit-event.js';
import { type BulkRow, insertRows, reserveIds } from './bulk-insert.js';
import { findRootOrganisationId } from './organisations/find-root-organisation.js';
import type { Database, NewNode, NewTarget } from './schema.js';
import { indexNewReport } from './search/index-report.js';
import { writeTransaction } from './write-transaction.js';

/** The extractor's result for each task: an array in `flattenTree(tree).tasks` order, or a function. */
export type TaskAnalyses = readonly TaskAnalysis[] | ((task: TaskNode) => TaskAnalysis);

export interface ImportReportInput {
  /** The uploaded file exactly as received; kept byte-exact as the revision's source. */
  bytes: Uint8Array;
  fileName: string;
  tree: ReportTree;
  analyses: TaskAnalyses;
  actor: Actor;
  /**
   * The owning organisation by name: found, or created as a sub-organisation of the root
   * (`luoshi import --organisation`). Ignored when `organisationId` is given.
   */
  organisation?: string;
  /** The owning organisation by id (the importing administrator's); default the root. */
  organisationId?: number;
  /** 发文机关 — the issuing government as text; default the owning organisation's name when given by name. */
  issuer?: string;
  /**
   * Tasks whose targets a person corrected before the import (the import wizard): their targets
   * are stored as edited by `by`, so a later re-import keeps them (hand edits win), and audited.
   */
  editedTargets?: { tasks: ReadonlySet<TaskNode>; by: Actor };
}

export interface ImportReportResult {
  reportId: number;
  revisionId: number;
  counts: { sections: number; areas: number; measures: number; tasks: number; targets: number };
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What a revision row keeps of the upload it was read from (the file byte-exact, its sha256, the
 * parsed tree) and who added it when; the caller adds the report and the revision number.
 */
export function revisionOfUpload(
  input: Pick<ImportReportInput, 'bytes' | 'fileName' | 'tree' | 'actor'>,
  sha256: string,
  now: string,
) {
  return {
    file_name: input.fileName,
    source: input.bytes,
    source_sha256: sha256,
    source_size: input.bytes.byteLength,
    tree_json: JSON.stringify(input.tree),
    created_by: input.actor.id,
    created_at: now,
  };
}

/** The analysis of every task, in flat order, whichever form the caller gave. */
export function resolveAnalyses(
  tree: ReportTree,
  taskIndexes: number[],
  flat: FlatNode[],
  analyses: TaskAnalyses,
) {
  if (typeof analyses === 'function') {
    return taskIndexes.map((i) => analyses(flat[i]!.source as TaskNode));
  }
  if (analyses.length !== taskIndexes.length) {
    throw badInput(
      'analyses_mismatch',
      `Expected one analysis per task (${taskIndexes.length} tasks in "${tree.meta.title}"), got ${analyses.length}`,
      `任务数（${taskIndexes.length}）与分析结果数（${analyses.length}）不一致`,
    );
  }
  return [...analyses];
}

/**
 * Finds the organisation by name or creates it as a sub-organisation of the root, in the
 * transaction. An archived one of that name (a former issuer kept by the upgrade) is taken back
 * into the tree under the root.
 */
export async function findOrCreateOrganisation(trx: Transaction<Database>, name: string, actor: Actor) {
  const found = await trx
    .selectFrom('organisations')
    .select(['id', 'archived'])
    .where('name', '=', name)
    .executeTakeFirst();
  const rootId = await findRootOrganisationId(trx);
  const now = new Date().toISOString();
  if (found && found.archived === 0) return found.id;
  if (found) {
    await trx
      .updateTable('organisations')
      .set((eb) => ({ archived: 0, parent_id: rootId, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', found.id)
      .execute();
    await appendAuditEvent(trx, {
      actor,
      action: 'update',
      entity: 'organisation',
      entityId: found.id,
      before: { archived: 1, parentId: null },
      after: { archived: 0, parentId: rootId },
    });
    return found.id;
  }
  const created = await trx
    .insertInto('organisations')
    .values({ name, level: null, parent_id: rootId, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEvent(trx, {
    actor,
    action: 'create',
    entity: 'organisation',
    entityId: created.id,
    after: created,
  });
  return created.id;
}

/** The columns of a target row that say what the extractor found. */
export function extractedTargetFields(target: Target) {
  return {
    value: target.value,
    max: target.max ?? null,
    unit: target.unit,
    comparator: target.comparator,
    change: target.change,
    subject: target.subject,
    text: target.text,
    span_start: target.span[0],
    span_end: target.span[1],
  };
}

/** The row of a target as the extractor found it (not yet edited by anyone). */
export function extractedTargetRow(target: Target, nodeId: number, ordinal: number, now: string): NewTarget {
  return {
    node_id: nodeId,
    ordinal,
    ...extractedTargetFields(target),
    source: 'extracted',
    edited_by: null,
    edited_at: null,
    archived: 0,
    created_at: now,
    updated_at: now,
  };
}

export interface InsertTreeNodesInput {
  reportId: number;
  revisionId: number;
  flat: FlatNode[];
  /** Which flat nodes to insert (all of them on import; the added ones on merge). */
  indexes: number[];
  /** Database id of a flat node that already exists (merge), for parents not inserted now. */
  existingIdOf: (flatIndex: number) => number | null;
  positionOf: (flatIndex: number) => number;
  analysisOf: (flatIndex: number) => TaskAnalysis | undefined;
  now: string;
}

/**
 * Writes the nodes and targets of one revision of a tree for a report and returns the database id
 * of every flat node (by flat index) and the number of targets. Shared by import and merge.
 */
export async function insertTreeNodes(
  trx: Transaction<Database>,
  input: InsertTreeNodesInput,
): Promise<{ ids: Map<number, number>; targets: number }> {
  const written = await writeTreeNodes(trx, input);
  return { ids: written.ids, targets: written.targets.length };
}

/** How many targets the analyses of the nodes to insert hold. */
function countTargets(input: Pick<InsertTreeNodesInput, 'indexes' | 'analysisOf'>): number {
  return input.indexes.reduce((sum, i) => sum + (input.analysisOf(i)?.targets.length ?? 0), 0);
}

/** A target row as written, with its id (for the search index). */
type WrittenTarget = NewTarget & { id: number };

/**
 * insertTreeNodes, also returning the target rows written. Ids are taken up front (reserveIds),
 * so every node (parents and children alike) goes in ONE multi-row INSERT, and every target in
 * another, whatever the depth of the tree.
 */
async function writeTreeNodes(
  trx: Transaction<Database>,
  input: InsertTreeNodesInput,
  /** Ids the caller took already (one per inserted node, one per target). */
  given?: { nodes: number[]; targets: number[] },
): Promise<{ ids: Map<number, number>; targets: WrittenTarget[] }> {
  const { reportId, revisionId, flat, indexes, existingIdOf, positionOf, analysisOf, now } = input;
  const reserved = given ?? (await reserveIds(trx, { nodes: indexes.length, targets: countTargets(input) }));
  const ids = new Map(indexes.map((flatIndex, k) => [flatIndex, reserved.nodes[k]!]));
  const rows = indexes.map((i) => {
    const node = flat[i]!;
    const analysis = analysisOf(i);
    const parentFlat = node.parent;
    return {
      id: ids.get(i)!,
      report_id: reportId,
      parent_id: parentFlat >= 0 ? (ids.get(parentFlat) ?? existingIdOf(parentFlat)) : null,
      kind: node.kind,
      section_kind: node.sectionKind,
      ordinal: node.ordinal,
      position: positionOf(i),
      label: node.label,
      title: node.title,
      text: node.title,
      span_start: node.span[0],
      span_end: node.span[1],
      revision_id: revisionId,
      deadline_text: analysis?.deadline?.text ?? null,
      deadline_date: analysis?.deadline?.date ?? null,
      commitment: analysis?.commitment ?? null,
      archived: 0,
      archived_at: null,
      created_at: now,
      updated_at: now,
    } satisfies NewNode & { id: number };
  });
  await insertRows(trx, 'nodes', rows);
  const targets: WrittenTarget[] = [];
  for (const i of indexes) {
    const analysis = analysisOf(i);
    if (!analysis) continue;
    analysis.targets.forEach((target, ordinal) => {
      const id = reserved.targets[targets.length]!;
      targets.push({ id, ...extractedTargetRow(target, ids.get(i)!, ordinal, now) });
    });
  }
  await insertRows(trx, 'targets', targets as BulkRow[]);
  return { ids, targets };
}

/**
 * 导入 — stores a parsed and analysed report as a new report: the report, its first revision
 * (source bytes, sha256, tree), every node and every extracted target, and one audit event, all
 * in ONE transaction: after a crash either all of it is there or none.
 */
export async function importReport(
  db: Kysely<Database>,
  input: ImportReportInput,
): Promise<ImportReportResult> {
  const { nodes: flat, tasks } = flattenTree(input.tree);
  const analyses = resolveAnalyses(input.tree, tasks, flat, input.analyses);
  const analysisByIndex = new Map(tasks.map((flatIndex, k) => [flatIndex, analyses[k]!]));
  const sha256 = sha256Hex(input.bytes);
  const meta = input.tree.meta;
  const title = meta.title.trim() || input.fileName;

  return writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const organisationId =
      input.organisationId ??
      (input.organisation
        ? await findOrCreateOrganisation(trx, input.organisation, input.actor)
        : await findRootOrganisationId(trx));
    const issuer = input.issuer ?? (input.organisationId === undefined ? input.organisation : undefined);
    // Ids up front: the report row names its first revision at once (no UPDATE afterwards).
    const indexes = flat.map((_, i) => i);
    const analysisOf = (i: number) => analysisByIndex.get(i);
    // Every id in one query (one round trip on PostgreSQL).
    const reserved = await reserveIds(trx, {
      reports: 1,
      report_revisions: 1,
      nodes: indexes.length,
      targets: countTargets({ indexes, analysisOf }),
    });
    const reportId = reserved.reports[0]!;
    const revisionId = reserved.report_revisions[0]!;
    await trx
      .insertInto('reports')
      .values({
        id: reportId,
        organisation_id: organisationId,
        issuer: issuer ?? null,
        title,
        year: meta.year ?? null,
        place: meta.place ?? null,
        current_revision_id: revisionId,
        published_at: null,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('report_revisions')
      .values({
        id: revisionId,
        report_id: reportId,
        number: 1,
        ...revisionOfUpload(input, sha256, now),
      })
      .execute();
    const { ids, targets } = await writeTreeNodes(
      trx,
      {
        reportId,
        revisionId,
        flat,
        indexes,
        existingIdOf: () => null,
        positionOf: (i) => i,
        analysisOf,
        now,
      },
      reserved,
    );
    if (input.editedTargets && input.editedTargets.tasks.size > 0) {
      const edited = input.editedTargets;
      const nodeIds = flat.flatMap((node, i) =>
        node.kind === 'task' && edited.tasks.has(node.source as TaskNode) ? [ids.get(i)!] : [],
      );
      await markTargetsEdited(trx, nodeIds, edited.by, now);
    }
    // The search index commits with the report (src/store/search/), built from the rows just written.
    await indexNewReport(trx, {
      report: { id: reportId, title, year: meta.year ?? null },
      revision: { id: revisionId, tree: input.tree },
      nodes: flat.map((node, i) => ({
        id: ids.get(i)!,
        parent_id: node.parent >= 0 ? ids.get(node.parent)! : null,
        kind: node.kind,
        text: node.title,
      })),
      targets: targets.map((target) => ({
        id: target.id,
        node_id: target.node_id,
        subject: target.subject ?? null,
        text: target.text,
      })),
    });
    const counts = {
      sections: flat.filter((n) => n.kind === 'section').length,
      areas: flat.filter((n) => n.kind === 'area').length,
      measures: flat.filter((n) => n.kind === 'measure').length,
      tasks: tasks.length,
      targets: targets.length,
    };
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: 'import',
      entity: 'report',
      entityId: reportId,
      after: { title, fileName: input.fileName, revision: 1, sha256, size: input.bytes.byteLength, counts },
    });
    return { reportId, revisionId, counts };
  });
}

/** Marks the targets of these tasks as edited by `actor` (one audit event per task). */
async function markTargetsEdited(
  trx: Kysely<Database>,
  nodeIds: readonly number[],
  actor: Actor,
  now: string,
): Promise<void> {
  for (const nodeId of nodeIds) {
    const targets = await trx
      .updateTable('targets')
      .set({ edited_by: actor.id, edited_at: now })
      .where('node_id', '=', nodeId)
      .returning(['id', 'value', 'max', 'unit', 'comparator', 'change', 'subject'])
      .execute();
    await appendAuditEvent(trx, {
      actor,
      action: 'edit',
      entity: 'targets_of_task',
      entityId: nodeId,
      after: { source: 'import', targets },
    });
  }
}
