/**
 * The JSON shapes the web app reads from the luoshi API (src/server/<resource>/schema.ts).
 * Kept here as plain types so the browser bundle never pulls in zod or server code; fields the
 * UI can live without are optional, so an older or newer server still renders.
 */

/** Identifiers are opaque to the UI: it only puts them into URLs. */
export type Id = string | number;

export type Role = 'admin' | 'reporter' | 'unit-head' | 'leader';

export interface User {
  id: Id;
  username: string;
  displayName?: string;
  role: Role;
  unitId?: Id | null;
  unitName?: string | null;
}

/** GET /api/session */
export interface Session {
  user: User | null;
  csrfToken: string;
}

/** The body of every API error (src/server/errors.ts). */
export interface ErrorBody {
  code: string;
  message: string;
  messageZh: string;
  fields?: { path: string; message: string }[];
}

export type Comparator = '=' | '>=' | '<=' | '>' | '<' | '~' | 'between';
export type TargetChange = 'increase' | 'decrease' | 'growth-rate' | 'level';

/** 进度状态 — the five status classes of the 序时进度 engine, plus "not yet judged". */
export type StatusClass = 'not-started' | 'behind' | 'on-track' | 'ahead' | 'done';
/** 预警灯 */
export type Light = 'green' | 'yellow' | 'red';

export interface Target {
  id?: Id;
  value: number;
  max?: number | null;
  unit: string;
  comparator: Comparator;
  change?: TargetChange;
  subject: string;
  text?: string;
  /** Latest approved reported value, when any. */
  latestValue?: number | null;
  /** Completion ratio 0..1 of this target. */
  completion?: number | null;
}

export interface Unit {
  id: Id;
  name: string;
}

/** 分工 — who does a task. */
export interface Assignment {
  unitId?: Id;
  unitName: string;
  /** 'lead' = 牵头单位, 'cooperating' = 配合单位. */
  role: 'lead' | 'cooperating';
  official?: string | null;
}

export interface Deadline {
  text?: string;
  date?: string | null;
}

export interface Task {
  id: Id;
  label?: string | null;
  text: string;
  targets?: Target[];
  deadline?: Deadline | string | null;
  assignments?: Assignment[];
  status?: StatusClass | null;
  light?: Light | null;
  flagged?: boolean;
  /** Completion ratio 0..1 of the task. */
  completion?: number | null;
  expected?: number | null;
  /** Short text of the latest approved report. */
  latestReport?: string | null;
}

export interface Measure {
  id: Id;
  label?: string | null;
  title: string;
  tasks: Task[];
}

export interface Area {
  id: Id;
  label?: string | null;
  title: string;
  measures: Measure[];
  /** Tasks directly under the area, outside any measure. */
  tasks?: Task[];
}

export interface ReportMeta {
  title: string;
  year?: number;
  place?: string;
  speaker?: string;
  date?: string;
  attribution?: string;
}

/** One row of GET /api/reports. */
export interface ReportSummary {
  id: Id;
  title: string;
  year?: number | null;
  place?: string | null;
  createdAt?: string;
}

/** GET /api/reports/:id */
export interface ReportDetail {
  id: Id;
  title: string;
  meta?: ReportMeta;
  areas: Area[];
}

export interface StatusCounts {
  'not-started'?: number;
  behind?: number;
  'on-track'?: number;
  ahead?: number;
  done?: number;
}

export interface AreaProgress {
  areaId: Id;
  title: string;
  completion: number;
  expected: number;
  light?: Light | null;
  taskCount?: number;
  counts?: StatusCounts;
}

export interface UnitProgress {
  unitId: Id;
  unitName: string;
  completion: number;
  expected?: number;
  taskCount: number;
  counts?: StatusCounts;
}

export interface TaskRef {
  id: Id;
  text: string;
  status?: StatusClass | null;
  light?: Light | null;
  deadline?: string | null;
  completion?: number | null;
  expected?: number | null;
  leadUnit?: string | null;
}

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  completion: number;
  expected: number;
}

/** GET /api/reports/:id/dashboard */
export interface Dashboard {
  asOf?: string;
  completion: number;
  expected: number;
  counts?: StatusCounts;
  lights?: Partial<Record<Light, number>>;
  areas?: AreaProgress[];
  units?: UnitProgress[];
  lagging?: TaskRef[];
  overdue?: TaskRef[];
  trend?: TrendPoint[];
}

export interface ProgressReport {
  id: Id;
  unitName?: string;
  author?: string;
  period?: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  submittedAt?: string | null;
  narrative?: string | null;
  problems?: string | null;
  nextSteps?: string | null;
  values?: { targetId?: Id; subject?: string; value: number; unit?: string }[];
  returnedReason?: string | null;
}

/** GET /api/tasks/:id */
export interface TaskDetail extends Task {
  reportId?: Id;
  areaTitle?: string;
  measureTitle?: string;
  /** The report text around the task and the task's offsets in it, for highlighting. */
  source?: { text: string; start: number; end: number } | null;
  reports?: ProgressReport[];
}
