export { type DeadlineCell, parseDeadlineCell, parseDivisionDeadline } from './deadline.js';
export {
  buildTaskMatcher,
  CANDIDATE_SCORE,
  compareIndex,
  MATCH_SCORE,
  type MatchCandidate,
  type MatchStatus,
  type MatchTask,
  type RowMatch,
  type TaskMatcher,
} from './match.js';
export {
  type DivisionParse,
  type DivisionRow,
  type DivisionRowProblem,
  type DivisionSourceLine,
  parseDivisionPlan,
} from './parse-division.js';
export { INDICATORS_PATH, type IndexedTask, listIndexedTasks, type TaskTreeLike } from './report-tasks.js';
export { isUnitName, parseResponsibility, type Responsibility, splitUnitList } from './responsibility.js';
