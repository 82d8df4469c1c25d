import type { Migration } from 'kysely';
import * as initial from './20261127-1050-initial.js';
import * as searchIndex from './20261127-1130-search-index.js';
import * as auditAppendOnly from './20261127-1200-audit-append-only.js';
import * as reportChangeCounters from './20261127-1215-report-change-counters.js';
import * as searchStalePerStatement from './20261127-1400-search-stale-per-statement.js';
import * as changeCountersCountedProgress from './20261127-1450-change-counters-counted-progress.js';
import * as changeNotifications from './20261127-1700-change-notifications.js';
import * as reportChangeMarks from './20261127-1930-report-change-marks.js';
import * as userMustChangePassword from './20261204-2330-user-must-change-password.js';
import * as unitAliases from './20261204-2345-unit-aliases.js';
import * as loginThrottles from './20261205-0010-login-throttles.js';
import * as organisationTree from './20261205-0330-organisation-tree.js';
import * as superiorTasks from './20261205-0400-superior-tasks.js';
import * as superiorTasksRecorded from './20261205-2130-superior-tasks-recorded.js';
import * as unitAliasesPerOrganisation from './20261205-2150-unit-aliases-per-organisation.js';

/**
 * Every migration, by name. Names start with a UTC timestamp so they sort in the order they
 * must run. Add one line per new migration file; never edit or remove a landed one.
 */
export const migrations: Record<string, Migration> = {
  '20261127-1050-initial': initial,
  '20261127-1130-search-index': searchIndex,
  '20261127-1200-audit-append-only': auditAppendOnly,
  '20261127-1215-report-change-counters': reportChangeCounters,
  '20261127-1400-search-stale-per-statement': searchStalePerStatement,
  '20261127-1450-change-counters-counted-progress': changeCountersCountedProgress,
  '20261127-1700-change-notifications': changeNotifications,
  '20261127-1930-report-change-marks': reportChangeMarks,
  '20261204-2330-user-must-change-password': userMustChangePassword,
  '20261204-2345-unit-aliases': unitAliases,
  '20261205-0010-login-throttles': loginThrottles,
  '20261205-0330-organisation-tree': organisationTree,
  '20261205-0400-superior-tasks': superiorTasks,
  '20261205-2130-superior-tasks-recorded': superiorTasksRecorded,
  '20261205-2150-unit-aliases-per-organisation': unitAliasesPerOrganisation,
};
