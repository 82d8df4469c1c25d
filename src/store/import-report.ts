import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { badInput } from '../core/errors.js';
import { type FlatNode, flattenTree } from '../core/merge/flatten-tree.js';
import type { ReportTree, TaskNode } from '../core/report-tree.js';
import type { Target, TaskAnalysis } from '../core/target.js';
import { type Actor, appendAuditEvent } from './audit/append-audit-event.js';
import { insertInChunks } from './insert-in-chunks.js';
import type { Database, NewNode, NewTarget } from './schema.js';
import { indexReport } from './search/index-report.js';
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
  /** 发文机关 name; found or created. Defaults to none. */
  organisation?: string;
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

/** Finds the organisation by name or creates it, in the transaction. */
export async function findOrCreateOrganisation(trx: Transaction<Database>, name: string, actor: Actor) {
  const found = await trx
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const now = new Date().toISOString();
  const created = await trx
    .insertInto('organisations')
    .values({ name, level: null, created_at: now, updated_at: now })
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

/**
 * Writes the nodes and targets of one revision of a tree for a report, level by level, and
 * returns the database id of every flat node (by flat index). Shared by import and merge.
 */
/** The row of a target as the extractor found it (not yet edited by anyone). */
export function extractedTargetRow(target: Target, nodeId: number, ordinal: number, now: string): NewTarget {
  return {
    node_id: nodeId,
    ordinal,
    value: target.value,
    max: target.max ?? null,
    unit: target.unit,
    comparator: target.comparator,
    change: target.change,
    subject: target.subject,
    text: target.text,
    span_start: target.span[0],
    span_end: target.span[1],
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

export async function insertTreeNodes(
  trx: Transaction<Database>,
  input: InsertTreeNodesInput,
): Promise<{ ids: Map<number, number>; targets: number }> {
  const { reportId, revisionId, flat, indexes, existingIdOf, positionOf, analysisOf, now } = input;
  const ids = new Map<number, number>();
  const maxDepth = Math.max(-1, ...indexes.map((i) => flat[i]!.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = indexes.filter((i) => flat[i]!.depth === depth);
    if (level.length === 0) continue;
    const byPosition = new Map<number, number>();
    const rows: NewNode[] = level.map((i) => {
      const node = flat[i]!;
      const analysis = analysisOf(i);
      const position = positionOf(i);
      byPosition.set(position, i);
      const parentFlat = node.parent;
      return {
        report_id: reportId,
        parent_id: parentFlat >= 0 ? (ids.get(parentFlat) ?? existingIdOf(parentFlat)) : null,
        kind: node.kind,
        section_kind: node.sectionKind,
        ordinal: node.ordinal,
        position,
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
      };
    });
    const inserted = await insertInChunks(rows, (chunk) =>
      trx.insertInto('nodes').values(chunk).returning(['id', 'position']).execute(),
    );
    for (const row of inserted) ids.set(byPosition.get(row.position)!, row.id);
  }
  const targets: NewTarget[] = [];
  for (const i of indexes) {
    const analysis = analysisOf(i);
    if (!analysis) continue;
    analysis.targets.forEach((target, ordinal) => {
      targets.push(extractedTargetRow(target, ids.get(i)!, ordinal, now));
    });
  }
  await insertInChunks(targets, async (chunk) => {
    await trx.insertInto('targets').values(chunk).execute();
    return [];
  });
  return { ids, targets: targets.length };
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
    const organisationId = input.organisation
      ? await findOrCreateOrganisation(trx, input.organisation, input.actor)
      : null;
    const report = await trx
      .insertInto('reports')
      .values({
        organisation_id: organisationId,
        title,
        year: meta.year ?? null,
        place: meta.place ?? null,
        current_revision_id: null,
        published_at: null,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const revision = await trx
      .insertInto('report_revisions')
      .values({
        report_id: report.id,
        number: 1,
        file_name: input.fileName,
        source: input.bytes,
        source_sha256: sha256,
        source_size: input.bytes.byteLength,
        tree_json: JSON.stringify(input.tree),
        created_by: input.actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { targets } = await insertTreeNodes(trx, {
      reportId: report.id,
      revisionId: revision.id,
      flat,
      indexes: flat.map((_, i) => i),
      existingIdOf: () => null,
      positionOf: (i) => i,
      analysisOf: (i) => analysisByIndex.get(i),
      now,
    });
    await trx
      .updateTable('reports')
      .set({ current_revision_id: revision.id })
      .where('id', '=', report.id)
      .execute();
    // The search index commits with the report (src/store/search/).
    await indexReport(trx, report.id);
    const counts = {
      sections: flat.filter((n) => n.kind === 'section').length,
      areas: flat.filter((n) => n.kind === 'area').length,
      measures: flat.filter((n) => n.kind === 'measure').length,
      tasks: tasks.length,
      targets,
    };
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: 'import',
      entity: 'report',
      entityId: report.id,
      after: { title, fileName: input.fileName, revision: 1, sha256, size: input.bytes.byteLength, counts },
    });
    return { reportId: report.id, revisionId: revision.id, counts };
  });
}
