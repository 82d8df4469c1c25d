import type { Kysely, Transaction } from 'kysely';
import { flattenTree } from '../../core/merge/flatten-tree.js';
import { mergeTargets } from '../../core/merge/merge-targets.js';
import { planMerge } from '../../core/merge/plan-merge.js';
import type { TaskAnalysis } from '../../core/target.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import { moveDecomposedNodesLast } from '../cascade/keep-decomposed-tasks.js';
import { recordHandedDown } from '../cascade/record-handed-down.js';
import {
  extractedTargetFields,
  extractedTargetRow,
  type ImportReportInput,
  insertTreeNodes,
  resolveAnalyses,
  revisionOfUpload,
  sha256Hex,
} from '../import-report.js';
import { requireOwnedReport } from '../organisations/require-owned.js';
import type { Database } from '../schema.js';
import { indexReport } from '../search/index-report.js';
import { loadVersioned, staleVersion } from '../versioned/update-versioned.js';
import { writeTransaction } from '../write-transaction.js';
import { loadExistingNodes } from './load-existing-nodes.js';
import { describeMerge, type MergePreview } from './preview-merge.js';

export interface CommitMergeInput extends Omit<ImportReportInput, 'organisation'> {
  reportId: number;
  /** The report version the preview showed; refused with 'conflict' if the report changed since. */
  expectedVersion?: number;
}

export interface CommitMergeResult extends MergePreview {
  revisionId: number;
  revisionNumber: number;
}

/** Re-extracted targets of a reworded task replace its unedited targets; hand edits stay. */
async function mergeTaskTargets(
  trx: Transaction<Database>,
  taskId: number,
  analysis: TaskAnalysis,
  actor: Actor,
  now: string,
): Promise<void> {
  const stored = await trx
    .selectFrom('targets')
    .selectAll()
    .where('node_id', '=', taskId)
    .where('archived', '=', 0)
    .orderBy('ordinal')
    .execute();
  const plan = mergeTargets(
    stored.map((t) => ({
      id: t.id,
      unit: t.unit,
      subject: t.subject,
      edited: t.edited_at !== null || t.source === 'manual',
    })),
    analysis.targets,
  );
  for (const { id, target, ordinal } of plan.update) {
    await trx
      .updateTable('targets')
      .set((eb) => ({
        ordinal,
        ...extractedTargetFields(target),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  }
  if (plan.archive.length > 0) {
    await trx
      .updateTable('targets')
      .set((eb) => ({ archived: 1, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', 'in', plan.archive)
      .execute();
  }
  const offset = stored.length;
  for (const { target, ordinal } of plan.insert) {
    await trx
      .insertInto('targets')
      .values(extractedTargetRow(target, taskId, offset + ordinal, now))
      .execute();
  }
  if (plan.update.length + plan.archive.length + plan.insert.length > 0) {
    await appendAuditEvent(trx, {
      actor,
      action: 'merge',
      entity: 'targets_of_task',
      entityId: taskId,
      before: stored,
      after: plan,
    });
  }
}

/**
 * 合并导入 — re-imports a revised report into a stored one, in ONE transaction: a new revision
 * (bytes, hash, tree); matched nodes keep their ids (so assignments, hand-edited targets and
 * progress stay attached) and take the new text, place and span; new nodes are inserted;
 * nodes the revision dropped are archived, never deleted. One audit event records the diff.
 */
export async function commitMerge(db: Kysely<Database>, input: CommitMergeInput): Promise<CommitMergeResult> {
  const flat = flattenTree(input.tree);
  const analyses = resolveAnalyses(input.tree, flat.tasks, flat.nodes, input.analyses);
  const analysisByIndex = new Map(flat.tasks.map((flatIndex, k) => [flatIndex, analyses[k]!]));
  const sha256 = sha256Hex(input.bytes);

  return writeTransaction(db, async (trx) => {
    // Only the owning government re-imports its report (organisationId: the writer's).
    await requireOwnedReport(trx, input.reportId, input.organisationId);
    const report = await loadVersioned(trx, 'reports', input.reportId);
    if (input.expectedVersion !== undefined && report.version !== input.expectedVersion) {
      throw staleVersion('reports', report.id, input.expectedVersion, report.version);
    }
    const existing = await loadExistingNodes(trx, input.reportId);
    const plan = planMerge(existing, flat);
    const byId = new Map(existing.map((n) => [n.id, n]));
    const now = new Date().toISOString();

    const last = await trx
      .selectFrom('report_revisions')
      .select((eb) => eb.fn.max('number').as('number'))
      .where('report_id', '=', input.reportId)
      .executeTakeFirst();
    const revisionNumber = Number(last?.number ?? 0) + 1;
    const revision = await trx
      .insertInto('report_revisions')
      .values({
        report_id: input.reportId,
        number: revisionNumber,
        ...revisionOfUpload(input, sha256, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Parents first: an added measure gets its id before the tasks that move under it.
    const added = plan.nodes.filter((p) => p.status === 'added').map((p) => p.flatIndex);
    const { ids: addedIds } = await insertTreeNodes(trx, {
      reportId: input.reportId,
      revisionId: revision.id,
      flat: flat.nodes,
      indexes: added,
      existingIdOf: (i) => plan.nodes[i]!.existingId,
      positionOf: (i) => i,
      analysisOf: (i) => analysisByIndex.get(i),
      now,
    });
    const idOf = (i: number) => plan.nodes[i]!.existingId ?? addedIds.get(i) ?? null;

    for (const planned of plan.nodes) {
      if (planned.existingId === null) continue;
      const node = flat.nodes[planned.flatIndex]!;
      const old = byId.get(planned.existingId)!;
      const analysis = analysisByIndex.get(planned.flatIndex);
      const parentId = node.parent >= 0 ? idOf(node.parent) : null;
      const touched = planned.status === 'changed' || planned.moved || planned.restored;
      await trx
        .updateTable('nodes')
        .set((eb) => ({
          parent_id: parentId,
          ordinal: node.ordinal,
          position: planned.flatIndex,
          label: node.label,
          title: node.title,
          text: node.title,
          span_start: node.span[0],
          span_end: node.span[1],
          revision_id: revision.id,
          ...(analysis
            ? {
                deadline_text: analysis.deadline?.text ?? null,
                deadline_date: analysis.deadline?.date ?? null,
                commitment: analysis.commitment,
              }
            : {}),
          archived: 0,
          archived_at: null,
          updated_at: now,
          version: touched ? eb('version', '+', 1) : eb.ref('version'),
        }))
        .where('id', '=', old.id)
        .execute();
      if (planned.status === 'changed' && analysis) {
        await mergeTaskTargets(trx, old.id, analysis, input.actor, now);
      }
    }

    const archivedIds = plan.archived.map((n) => n.id);
    if (archivedIds.length > 0) {
      await trx
        .updateTable('nodes')
        .set((eb) => ({ archived: 1, archived_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', 'in', archivedIds)
        .execute();
    }

    const meta = input.tree.meta;
    await trx
      .updateTable('reports')
      .set((eb) => ({
        title: meta.title.trim() || report.title,
        year: meta.year ?? report.year,
        place: meta.place ?? report.place,
        current_revision_id: revision.id,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', report.id)
      .execute();

    // The search index commits with the merge (src/store/search/).
    await indexReport(trx, report.id);

    const preview = describeMerge(
      report.id,
      report.version + 1,
      input.tree,
      plan,
      (id) => byId.get(id)?.text ?? '',
    );
    await moveDecomposedNodesLast(trx, report.id);
    // A task the revision brings back may be one given to a unit standing for a subordinate.
    await recordHandedDown(trx, { reportIds: [report.id] }, input.actor);
    await appendAuditEvent(trx, {
      actor: input.actor,
      action: 'merge',
      entity: 'report',
      entityId: report.id,
      before: { revision: revisionNumber - 1, version: report.version },
      after: {
        revision: revisionNumber,
        fileName: input.fileName,
        sha256,
        summary: plan.tasks,
        changed: preview.changed.map((c) => c.id),
        archived: archivedIds,
        added: [...addedIds.values()],
      },
    });
    return { ...preview, revisionId: revision.id, revisionNumber };
  });
}
