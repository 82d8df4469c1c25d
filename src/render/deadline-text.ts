/** The 完成时限 reader lives in the core, beside the 分工方案 parser that shares it. */
export { type DeadlineCell, parseDeadlineCell } from '../core/division/deadline.js';
