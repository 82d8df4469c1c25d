import type { TaskAuditEvent } from '../../store/audit/list-task-audit-events.js';

/** Bookkeeping columns every write touches; they say nothing about what changed. */
const NOISE = new Set(['id', 'version', 'created_at', 'updated_at', 'node_id', 'hash', 'prev_hash']);
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

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The fields an event changed: every differing field of before/after, or what a create wrote. */
export function summarizeChanges(
  beforeJson: string | null,
  afterJson: string | null,
): { field: string; before: string | null; after: string | null }[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
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

export function presentAuditEvent({ event, actorName, intact }: TaskAuditEvent) {
  return {
    id: event.id,
    at: event.at,
    actor: event.actor,
    actorName,
    action: event.action,
    entity: event.entity,
    entityId: event.entity_id,
    changes: summarizeChanges(event.before_json, event.after_json),
    hash: event.hash,
    intact,
  };
}
