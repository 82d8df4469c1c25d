import type { SessionUser } from '../auth/roles.js';

/**
 * What one reader may see of a report's tasks; every read view is computed (and cached) per
 * scope, so one scope's view is never served to another.
 * - `all`: the office and leaders read everything, counting the latest submitted or approved
 *   progress report of each task.
 * - `public`: anonymous visitors of a published report see what the public pages show —
 *   progress counts only once the office approved it (the latest approved report, even when
 *   a newer one awaits approval).
 */
export type ReportScope = { kind: 'all' } | { kind: 'public' };

/** The scope of a reader (null = anonymous). */
export function reportScopeOf(user: SessionUser | null): ReportScope {
  if (user === null) return { kind: 'public' };
  return { kind: 'all' };
}

/** A cache-key part naming the scope. */
export function scopeKey(scope: ReportScope): string {
  return scope.kind;
}

/** Whether the scope counts only approved progress reports. */
export function countsApprovedOnly(scope: ReportScope): boolean {
  return scope.kind === 'public';
}
