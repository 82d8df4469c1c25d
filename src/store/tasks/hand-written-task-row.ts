import type { Insertable } from 'kysely';
import type { NodeTable } from '../schema.js';

/** A task someone writes in rather than one read from a document. */
export interface HandWrittenTask {
  reportId: number;
  /** The area or measure it sits under. */
  parentId: number;
  /** The revision the task is filed with (its parent's, or the report's current one). */
  revisionId: number;
  ordinal: number;
  position: number;
  text: string;
  deadlineText: string | null;
  deadlineDate: string | null;
  commitment: string | null;
}

/**
 * The nodes row of a hand-written task: the text is its title too, with no label, and it has no
 * place in the revision's text (span 0–0).
 */
export function handWrittenTaskRow(task: HandWrittenTask, now: string): Insertable<NodeTable> {
  return {
    report_id: task.reportId,
    parent_id: task.parentId,
    kind: 'task',
    section_kind: null,
    ordinal: task.ordinal,
    position: task.position,
    label: null,
    title: task.text,
    text: task.text,
    span_start: 0,
    span_end: 0,
    revision_id: task.revisionId,
    deadline_text: task.deadlineText,
    deadline_date: task.deadlineDate,
    commitment: task.commitment,
    archived: 0,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
}
