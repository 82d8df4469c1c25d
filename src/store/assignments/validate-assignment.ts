import { badInput } from '../../core/errors.js';
import { isCalendarDate } from '../../core/status/calendar.js';
import type { Milestone } from '../../core/status/schedule.js';
import type { AssignmentRole } from '../schema.js';

/** The editable fields of an assignment (分工). */
export interface AssignmentFields {
  role: AssignmentRole;
  /** 牵头领导 as text, e.g. "张三（副区长）". */
  leadOfficial: string | null;
  leadOfficialPersonId: number | null;
  /** 完成时限, YYYY-MM-DD. */
  deadline: string | null;
  /** 形象进度 milestones. */
  milestones: Milestone[];
  note: string | null;
}

/** Refuses roles, dates and milestones that the status engine could not use. */
export function validateAssignmentFields(fields: Partial<AssignmentFields>): void {
  const problems: string[] = [];
  if (fields.role !== undefined && fields.role !== 'lead' && fields.role !== 'cooperating')
    problems.push('role must be lead or cooperating');
  if (fields.deadline != null && !isCalendarDate(fields.deadline))
    problems.push('deadline must be a real date YYYY-MM-DD');
  for (const [i, m] of (fields.milestones ?? []).entries()) {
    if (!isCalendarDate(m.due)) problems.push(`milestones[${i}].due must be a real date YYYY-MM-DD`);
    if (m.ratio !== undefined && !(m.ratio >= 0 && m.ratio <= 1))
      problems.push(`milestones[${i}].ratio must be 0..1`);
  }
  if (problems.length > 0) {
    throw badInput('invalid_assignment', `Invalid assignment: ${problems.join('; ')}`, '分工信息不合法', {
      problems,
    });
  }
}
