import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { Comparator, TargetChange } from '../../core/target.js';
import type { Database, NodeRow, TargetRow } from '../schema.js';

/** A target as stored: the extractor's fields plus identity, version and who edited it. */
export interface StoredTarget {
  id: number;
  version: number;
  value: number;
  max: number | null;
  unit: string;
  comparator: Comparator;
  change: TargetChange;
  subject: string;
  text: string;
  span: [number, number];
  source: string;
  editedBy: number | null;
  editedAt: string | null;
}

export interface StoredTask {
  id: number;
  version: number;
  label: string | null;
  text: string;
  span: [number, number];
  ordinal: number;
  position: number;
  deadline: { text: string; date: string | null } | null;
  commitment: string | null;
  targets: StoredTarget[];
  /** Set on the 主要预期目标 (headline indicators), judged by their reported value. */
  indicator?: true;
}

export interface StoredMeasure {
  id: number;
  version: number;
  label: string | null;
  title: string;
  span: [number, number];
  tasks: StoredTask[];
}

export interface StoredArea {
  id: number;
  version: number;
  label: string | null;
  title: string;
  span: [number, number];
  measures: StoredMeasure[];
  /** Tasks directly under the area. */
  tasks: StoredTask[];
  /** Set on the block of 主要预期目标 (a section of kind `indicators`), listed first. */
  indicators?: true;
}

export interface StoredReportTree {
  report: { id: number; title: string; year: number | null; place: string | null; revisionId: number | null };
  /** Work areas in reading order, each with its measures and tasks in reading order. */
  areas: StoredArea[];
}

/** Maps a target row to its API shape. */
export function toStoredTarget(row: TargetRow): StoredTarget {
  return {
    id: row.id,
    version: row.version,
    value: row.value,
    max: row.max,
    unit: row.unit,
    comparator: row.comparator as Comparator,
    change: row.change as TargetChange,
    subject: row.subject,
    text: row.text,
    span: [row.span_start, row.span_end],
    source: row.source,
    editedBy: row.edited_by,
    editedAt: row.edited_at,
  };
}

/** Maps a task row and its targets to the API shape. */
export function toStoredTask(row: NodeRow, targets: StoredTarget[]): StoredTask {
  return {
    id: row.id,
    version: row.version,
    label: row.label,
    text: row.text,
    span: [row.span_start, row.span_end],
    ordinal: row.ordinal,
    position: row.position,
    deadline: row.deadline_text ? { text: row.deadline_text, date: row.deadline_date } : null,
    commitment: row.commitment,
    targets,
  };
}

/**
 * The current (not archived) tree of a report: areas → measures → tasks, each with its
 * targets, all in reading order. Two indexed queries whatever the size of the report.
 */
export async function getReportTree(db: Kysely<Database>, reportId: number): Promise<StoredReportTree> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'title', 'year', 'place', 'current_revision_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) throw notFound(`Report ${reportId}`, `报告 ${reportId}`, { reportId });
  const nodes = await db
    .selectFrom('nodes')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('kind', 'in', ['section', 'area', 'measure', 'task'])
    .where('archived', '=', 0)
    .orderBy('position')
    .execute();
  const targetRows = await db
    .selectFrom('targets')
    .innerJoin('nodes', 'nodes.id', 'targets.node_id')
    .selectAll('targets')
    .where('nodes.report_id', '=', reportId)
    .where('nodes.archived', '=', 0)
    .where('targets.archived', '=', 0)
    .orderBy('targets.node_id')
    .orderBy('targets.ordinal')
    .execute();
  const targetsByNode = new Map<number, StoredTarget[]>();
  for (const row of targetRows) {
    const list = targetsByNode.get(row.node_id) ?? [];
    list.push(toStoredTarget(row));
    targetsByNode.set(row.node_id, list);
  }

  const areas: StoredArea[] = [];
  const areaById = new Map<number, StoredArea>();
  const measureById = new Map<number, StoredMeasure>();
  const indicatorSections = new Set<number>();
  for (const row of nodes) {
    const span: [number, number] = [row.span_start, row.span_end];
    if (row.kind === 'section') {
      if (row.section_kind === 'indicators') indicatorSections.add(row.id);
    } else if (row.kind === 'area') {
      const area: StoredArea = {
        id: row.id,
        version: row.version,
        label: row.label,
        title: row.title,
        span,
        measures: [],
        tasks: [],
      };
      if (row.parent_id !== null && indicatorSections.has(row.parent_id)) area.indicators = true;
      areas.push(area);
      areaById.set(row.id, area);
    } else if (row.kind === 'measure') {
      const measure: StoredMeasure = {
        id: row.id,
        version: row.version,
        label: row.label,
        title: row.title,
        span,
        tasks: [],
      };
      measureById.set(row.id, measure);
      if (row.parent_id !== null) areaById.get(row.parent_id)?.measures.push(measure);
    } else if (row.parent_id !== null) {
      const task = toStoredTask(row, targetsByNode.get(row.id) ?? []);
      const measure = measureById.get(row.parent_id);
      const area = areaById.get(row.parent_id);
      if (area?.indicators) task.indicator = true;
      if (measure) measure.tasks.push(task);
      else area?.tasks.push(task);
    }
  }
  return {
    report: {
      id: report.id,
      title: report.title,
      year: report.year,
      place: report.place,
      revisionId: report.current_revision_id,
    },
    areas,
  };
}
