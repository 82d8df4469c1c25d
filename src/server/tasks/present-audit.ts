import type { TaskAuditEvent } from '../../store/audit/list-task-audit-events.js';

/**
 * Bookkeeping columns: ids, hashes and the who/when stamps the event itself already carries
 * (its actor and time). They say nothing a reader of the trail needs.
 */
const NOISE = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'submitted_at',
  'reviewed_at',
  'archived_at',
  'edited_at',
  'created_by',
  'submitted_by',
  'reviewed_by',
  'uploaded_by',
  'edited_by',
  'author_id',
  'user_id',
  'node_id',
  'report_id',
  'revision_id',
  'progress_report_id',
  'blob_sha256',
  'mime',
  'span_start',
  'span_end',
  'ordinal',
  'hash',
  'prev_hash',
  // A report's import and re-import: its file's hash and the ids of every task it touched.
  'sha256',
  'counts',
  'summary',
  'changed',
  'added',
]);
const MAX_VALUE = 160;
const MAX_CHANGES = 16;

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { value: json };
  }
}

/** A unit id shown as the unit's name, which is what a reader knows it by. */
function named(
  record: Record<string, unknown> | null,
  unitNames: ReadonlyMap<number, string>,
): Record<string, unknown> | null {
  if (record === null || typeof record.unit_id !== 'number') return record;
  return { ...record, unit_id: unitNames.get(record.unit_id) ?? record.unit_id };
}

/** The unit ids an event's before/after name, to look their names up once. */
export function unitIdsOf(events: readonly TaskAuditEvent[]): number[] {
  const ids = new Set<number>();
  for (const { event } of events)
    for (const json of [event.before_json, event.after_json]) {
      const unit = parse(json)?.unit_id;
      if (typeof unit === 'number') ids.add(unit);
    }
  return [...ids];
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The fields an event changed: every differing field of before/after, or what a create wrote. */
export function summarizeChanges(
  beforeJson: string | null,
  afterJson: string | null,
  unitNames: ReadonlyMap<number, string> = new Map(),
): { field: string; before: string | null; after: string | null }[] {
  const before = named(parse(beforeJson), unitNames);
  const after = named(parse(afterJson), unitNames);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes = [];
  for (const field of fields) {
    if (NOISE.has(field)) continue;
    const was = show(before?.[field]);
    const now = show(after?.[field]);
    if (was === now || (before === null && now === null)) continue;
    changes.push({ field, before: was, after: now });
    if (changes.length === MAX_CHANGES) break;
  }
  return changes;
}

export function presentAuditEvent(
  { event, actorName, intact }: TaskAuditEvent,
  unitNames: ReadonlyMap<number, string> = new Map(),
) {
  return {
    id: event.id,
    at: event.at,
    actor: event.actor,
    actorName,
    action: event.action,
    entity: event.entity,
    entityId: event.entity_id,
    changes: summarizeChanges(event.before_json, event.after_json, unitNames),
    hash: event.hash,
    intact,
  };
}
