import type { SessionUser } from '../auth/roles.js';

/**
 * What one reader may see of a report's tasks; every read view is computed (and cached) per
 * scope, so one scope's view is never served to another.
 * - `all`: the office and leaders read everything, counting the latest submitted or approved
 *   progress report of each task.
 * - `unit`: a reporter or unit head sees the report's outline (work areas and measures, which
 *   are the public report itself) and, under it, only the tasks their unit leads or cooperates
 *   on — their 台账. Those tasks come with all their assignments (a cooperating unit must know
 *   who leads and consolidates; the lead must know its cooperating units) and their status.
 *   Other units' tasks, with their assignments, progress and statuses, are left out, and every
 *   roll-up (measure, area, report, dashboard, trend) covers the unit's tasks only. A unit user
 *   reading another unit's task page gets a 404, as for another unit's progress report.
 * - `public`: anonymous visitors of a published report see what the public pages show — the
 *   whole published plan, with progress counted only once the office approved it (the latest
 *   approved report, even when a newer one awaits approval).
 */
export type ReportScope = { kind: 'all' } | { kind: 'unit'; unitId: number | null } | { kind: 'public' };

/** The scope of a reader (null = anonymous). */
export function reportScopeOf(user: SessionUser | null): ReportScope {
  if (user === null) return { kind: 'public' };
  if (user.role === 'reporter' || user.role === 'unit_head') return { kind: 'unit', unitId: user.unitId };
  return { kind: 'all' };
}

/** A cache-key part naming the scope: `all`, `public` or `unit:<id>`. */
export function scopeKey(scope: ReportScope): string {
  return scope.kind === 'unit' ? `unit:${scope.unitId ?? 'none'}` : scope.kind;
}

/** Whether the scope counts only approved progress reports. */
export function countsApprovedOnly(scope: ReportScope): boolean {
  return scope.kind === 'public';
}

/** Whether a task with these assignments is in the scope (a unit's own tasks; all otherwise). */
export function taskInScope(scope: ReportScope, assignments: readonly { unitId: number }[]): boolean {
  if (scope.kind !== 'unit') return true;
  return scope.unitId !== null && assignments.some((a) => a.unitId === scope.unitId);
}
