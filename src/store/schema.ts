import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The luoshi database, table by table, as Kysely sees it. The same schema runs on SQLite and
 * PostgreSQL, so every column uses a type both store the same way:
 * - ids are integer auto-increment keys;
 * - timestamps are ISO-8601 UTC text (`2026-03-01T08:00:00.000Z`), dates are `YYYY-MM-DD` text;
 * - booleans are integers 0/1;
 * - JSON documents are text (parse them at the edge);
 * - numbers that may be fractional are double precision.
 * Every record a user can edit carries a `version` integer for optimistic concurrency.
 */

/** An ISO-8601 UTC timestamp stored as text. */
export type Timestamp = string;
/** 0 = false, 1 = true (SQLite has no boolean type). */
export type Flag = 0 | 1;
type Id = Generated<number>;
type Version = ColumnType<number, number | undefined, number>;

/**
 * 政府 — a government that owns data (北京市人民政府, 北京市通州区人民政府…). Organisations form a
 * tree (parent_id); every report, unit and user belongs to one. A user reads and writes only their
 * organisation's data.
 */
export interface OrganisationTable {
  id: Id;
  name: string;
  /** Administrative level: national, province, city, district, other. */
  level: string | null;
  /** The superior government; null for the root. */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 for an organisation that owns nothing (a former issuer name, kept by the upgrade). */
  archived: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** 政府工作报告 — one report (one year of one government), with its revisions. */
export interface ReportTable {
  id: Id;
  /** The owning government (whose ledger the report is in). */
  organisation_id: number | null;
  /** 发文机关 — the issuing government as written, if known. */
  issuer: ColumnType<string | null, string | null | undefined, string | null>;
  title: string;
  year: number | null;
  /** The place named in the report (北京市, 广东省…). */
  place: string | null;
  /** The revision the tree in `nodes` currently reflects. */
  current_revision_id: number | null;
  /** Set when the report's public pages are published (一图读懂, public progress). */
  published_at: Timestamp | null;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** A revision of a report: the source document byte-exact, its hash and its parsed tree. */
export interface ReportRevisionTable {
  id: Id;
  report_id: number;
  /** 1, 2, 3… per report. */
  number: number;
  file_name: string;
  /** The uploaded bytes exactly as received (before decoding). */
  source: Uint8Array;
  source_sha256: string;
  source_size: number;
  /** The ReportTree (src/core/report-tree.ts) as JSON, including the normalised text. */
  tree_json: string;
  created_by: number | null;
  created_at: Timestamp;
}

export type NodeKind = 'section' | 'area' | 'measure' | 'task';

/**
 * One node of a report's tree: 部分 (section), 工作领域 (area), 举措 (measure) or 任务 (task).
 * Nodes are never deleted: a task dropped by a later revision is archived with its history.
 */
export interface NodeTable {
  id: Id;
  report_id: number;
  parent_id: number | null;
  kind: NodeKind;
  /** For sections: review | requirements | plan | tasks | self-building | appendix | other. */
  section_kind: string | null;
  /** Position among its siblings, from 0. */
  ordinal: number;
  /** Pre-order position within the whole report, from 0: ORDER BY position gives reading order. */
  position: number;
  /** Numbering label as written ("一、", "（三）", "1."), if any. */
  label: string | null;
  /** Heading of a section, area or measure; the sentence of a task. */
  title: string;
  /** Full text of the node: the task sentence, or the heading for other kinds. */
  text: string;
  /** Offsets into the normalised text of the revision last matched (`revision_id`). */
  span_start: number;
  span_end: number;
  /** The revision this node's text and span come from. */
  revision_id: number;
  /** 完成时限 from the extractor, as written ("6月底前") and resolved (YYYY-MM-DD). */
  deadline_text: string | null;
  deadline_date: string | null;
  /** complete | start | advance | strive | ensure (src/core/target.ts Commitment). */
  commitment: string | null;
  archived: Flag;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** 量化目标 — a quantitative target of a task: extracted, then editable by the office. */
export interface TargetTable {
  id: Id;
  node_id: number;
  ordinal: number;
  value: number;
  /** Upper bound of a `between` range. */
  max: number | null;
  unit: string;
  /** = >= <= > < ~ between */
  comparator: string;
  /** increase | decrease | growth-rate | level */
  change: string;
  subject: string;
  /** The words of the task the target was read from. */
  text: string;
  /** Offsets of `text` within the task sentence. */
  span_start: number;
  span_end: number;
  /** extracted (by the extractor) or manual (added by a person). */
  source: string;
  /** The user who last edited the target by hand (null while untouched). */
  edited_by: number | null;
  edited_at: Timestamp | null;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** 承办单位 — a unit (bureau, committee, street office); units nest (parent_id). */
export interface UnitTable {
  id: Id;
  parent_id: number | null;
  organisation_id: number | null;
  name: string;
  short_name: string | null;
  /**
   * The subordinate government this unit stands for in its organisation's ledger (通州区政府 in
   * the city's): a task assigned to it is handed down as a 上级交办任务. Null for ordinary units.
   */
  represents_organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/**
 * The aliases as kept until they became per organisation (migration
 * 20261205-2150-unit-aliases-per-organisation): no longer read or written.
 */
export interface UnitAliasTable {
  id: Id;
  alias: string;
  unit_id: number;
  created_at: Timestamp;
}

/**
 * 单位别称 — another name of a unit that a 分工方案 used (区发改委), mapped once by the office:
 * one organisation's name for one of its units (unique per organisation).
 */
export interface OrganisationUnitAliasTable {
  id: Id;
  organisation_id: number;
  alias: string;
  unit_id: number;
  created_at: Timestamp;
}

/** 人员 — a person of a unit, e.g. a lead official (牵头领导) or a contact. */
export interface PersonTable {
  id: Id;
  unit_id: number | null;
  name: string;
  /** 职务, e.g. 副区长. */
  position_title: string | null;
  phone: string | null;
  email: string | null;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type AssignmentRole = 'lead' | 'cooperating';

/** 分工 — a task given to a unit: 牵头单位 (lead) or 配合单位 (cooperating). */
export interface AssignmentTable {
  id: Id;
  node_id: number;
  unit_id: number;
  role: AssignmentRole;
  /** 牵头领导 — the official answerable for the task, free text and/or a person. */
  lead_official: string | null;
  lead_official_person_id: number | null;
  /** 完成时限, YYYY-MM-DD. */
  deadline: string | null;
  /** 形象进度: JSON array of Milestone (src/core/status/schedule.ts): { due, ratio?, done?, title? }. */
  milestones_json: ColumnType<string, string | undefined, string>;
  note: string | null;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type PeriodKind = 'month' | 'quarter';

/** 报送周期 — a reporting period (month or quarter) in which units report progress. */
export interface ReportingPeriodTable {
  id: Id;
  report_id: number;
  kind: PeriodKind;
  /** "2026-03" or "2026-Q1". */
  label: string;
  starts_on: string;
  ends_on: string;
  /** Date by which units must report. */
  due_on: string | null;
  /** planned | open | closed */
  status: string;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type ProgressStatus = 'draft' | 'submitted' | 'returned' | 'approved';

/** 进展报告 — one unit's progress on one task in one period. */
export interface ProgressReportTable {
  id: Id;
  node_id: number;
  unit_id: number;
  period_id: number;
  status: ProgressStatus;
  /** 工作进展 */
  narrative: string;
  /** 存在问题 */
  problems: string;
  /** 下一步计划 */
  next_steps: string;
  /** Self-assessed completion 0–100 for qualitative tasks, if given. */
  percent: number | null;
  created_by: number | null;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  /** 退回理由 — why the office returned it (or an approval note). */
  review_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** The value a progress report gives for one target (累计完成值). */
export interface ProgressValueTable {
  id: Id;
  progress_report_id: number;
  target_id: number;
  value: number | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The bytes of an uploaded file, stored once per content hash. */
export interface BlobTable {
  sha256: string;
  size: number;
  mime: string;
  content: Uint8Array;
  created_at: Timestamp;
}

/** 佐证材料 — an evidence file attached to a progress report or a task. */
export interface AttachmentTable {
  id: Id;
  blob_sha256: string;
  file_name: string;
  size: number;
  mime: string;
  progress_report_id: number | null;
  node_id: number | null;
  uploaded_by: number | null;
  created_at: Timestamp;
}

/** comment = 评论; instruction = 领导批示. */
export type CommentKind = 'comment' | 'instruction';

/** A comment or a leader's instruction (批示) on a task or a progress report. */
export interface CommentTable {
  id: Id;
  kind: CommentKind;
  node_id: number | null;
  progress_report_id: number | null;
  author_id: number;
  body: string;
  archived: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** 领导关注 — a leader flags a task to watch. */
export interface FlagTable {
  id: Id;
  node_id: number;
  user_id: number;
  note: string | null;
  /** Set when the flag is cleared (kept for history). */
  cleared_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** admin = 督查室, reporter = 承办人, unit_head = 单位负责人, leader = 领导. */
export type UserRole = 'admin' | 'reporter' | 'unit_head' | 'leader';

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  role: UserRole;
  unit_id: number | null;
  /** The government the user works for: they read and write only its data. */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  email: string | null;
  disabled: Flag;
  failed_logins: number;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
  /** 1 while the account holds a one-time password set by someone else (changed at next sign-in). */
  must_change_password: Generated<Flag>;
}

/** A login session; only the hash of its token is stored. */
export interface SessionTable {
  id: Id;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** 站内通知 — an in-app notification for one user. */
export interface NotificationTable {
  id: Id;
  user_id: number;
  /** period_opened | report_returned | deadline_near | overdue | instruction … */
  kind: string;
  title: string;
  body: string;
  /** In-app link (path) the notification points to. */
  link: string | null;
  payload_json: string | null;
  read_at: Timestamp | null;
  /** When it was sent by e-mail/webhook, if it was. */
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

/**
 * 审计日志 — append-only, hash-chained record of every mutation. Rows are only ever inserted;
 * `hash` = sha256 over `prev_hash` and the event's fields (see src/store/audit/).
 */
export interface AuditEventTable {
  id: Id;
  at: Timestamp;
  actor_id: number | null;
  /** Who acted, as shown to people: a username, "cli" or "system". */
  actor: string;
  /** create | update | archive | import | merge | … */
  action: string;
  /** Table-like name of the entity: report, node, target, assignment… */
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Failed sign-ins per username (as typed) and client address, and the lock they earned. */
export interface LoginThrottleTable {
  username: string;
  address: string;
  failures: number;
  /** Locks earned so far: each lasts twice as long as the one before. */
  locks: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export type SuperiorTaskStatus = 'pending' | 'accepted';

/**
 * 上级交办任务 — a superior's assignment to the unit that represents organisation
 * `organisation_id`, as that organisation's office received it.
 */
export interface SuperiorTaskTable {
  id: Id;
  /** The superior's assignment (its task, its 牵头领导 and deadline). */
  assignment_id: number;
  /** The subordinate organisation that received it. */
  organisation_id: number;
  status: SuperiorTaskStatus;
  /** The superior's reference, e.g. a 市折子工程 number; the subordinate's office may edit it. */
  reference_number: string | null;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** One of the subordinate's own tasks that carries a superior task out (linked or decomposed). */
export interface SuperiorTaskLinkTable {
  id: Id;
  superior_task_id: number;
  node_id: number;
  created_by: number | null;
  created_at: Timestamp;
}

/** What a search entry points at. */
export type SearchEntryKind =
  | 'report'
  | 'paragraph'
  | 'area'
  | 'measure'
  | 'task'
  | 'target'
  | 'progress'
  | 'comment';

/** A search entry's own fields: what the indexer writes and a search reads back. */
export interface SearchEntryFields {
  kind: SearchEntryKind;
  /**
   * Id of the row the entry was made from (nodes.id, targets.id, progress_reports.id, comments.id,
   * reports.id; report_revisions.id for a paragraph of the revision's tree).
   */
  entity_id: number;
  report_id: number;
  /** The tree node the text belongs to (the task of a target, progress report or comment). */
  node_id: number | null;
  /** The work area (nodes.id of kind area) the node sits in, for the area filter. */
  area_id: number | null;
  year: number | null;
  /** A short heading shown above the hit (report title, area title…). */
  context: string;
  body: string;
}

/**
 * One searchable text. Entries are derived data: rebuilt from reports, nodes, targets, progress
 * reports and comments, never edited by hand. The token index lives next to it (SQLite: the FTS5
 * table `search_fts` keyed by entry id; PostgreSQL: the `tokens` tsvector column).
 */
export interface SearchEntryTable extends SearchEntryFields {
  id: Generated<number>;
  /** PostgreSQL only: the bigram tsvector (written with array_to_tsvector, never read back). */
  tokens: ColumnType<never, unknown, never>;
}

/** Reports whose progress reports or comments changed since they were last indexed (filled by triggers). */
export interface SearchStaleTable {
  report_id: number;
}

/**
 * A report's change counter, bumped by triggers on every change its views show (migration
 * 20261127-1215); cached views are filed under it.
 */
export interface ReportChangeCounterTable {
  report_id: number;
  counter: number;
}

/**
 * Which task of a report changed at which counter value (migration 20261127-1930), filled by
 * triggers; node_id 0 stands for a change to the whole report.
 */
export interface ReportChangeMarkTable {
  report_id: number;
  node_id: number;
  counter: number;
}

export interface Database {
  organisations: OrganisationTable;
  reports: ReportTable;
  report_revisions: ReportRevisionTable;
  nodes: NodeTable;
  targets: TargetTable;
  units: UnitTable;
  unit_aliases: UnitAliasTable;
  organisation_unit_aliases: OrganisationUnitAliasTable;
  people: PersonTable;
  assignments: AssignmentTable;
  reporting_periods: ReportingPeriodTable;
  progress_reports: ProgressReportTable;
  progress_values: ProgressValueTable;
  blobs: BlobTable;
  attachments: AttachmentTable;
  comments: CommentTable;
  flags: FlagTable;
  users: UserTable;
  sessions: SessionTable;
  notifications: NotificationTable;
  audit_events: AuditEventTable;
  login_throttles: LoginThrottleTable;
  superior_tasks: SuperiorTaskTable;
  superior_task_links: SuperiorTaskLinkTable;
  search_entries: SearchEntryTable;
  search_stale: SearchStaleTable;
  report_change_counters: ReportChangeCounterTable;
  report_change_marks: ReportChangeMarkTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Report = Selectable<ReportTable>;
export type NodeRow = Selectable<NodeTable>;
export type NewNode = Insertable<NodeTable>;
export type TargetRow = Selectable<TargetTable>;
export type NewTarget = Insertable<TargetTable>;
export type Unit = Selectable<UnitTable>;
export type Person = Selectable<PersonTable>;
export type Assignment = Selectable<AssignmentTable>;
export type ReportingPeriod = Selectable<ReportingPeriodTable>;
export type ProgressReport = Selectable<ProgressReportTable>;
export type Attachment = Selectable<AttachmentTable>;
export type Comment = Selectable<CommentTable>;
/** A row of `flags` (领导关注); `Flag` is the 0/1 column type. */
export type TaskFlag = Selectable<FlagTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Notification = Selectable<NotificationTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type SuperiorTask = Selectable<SuperiorTaskTable>;
export type SuperiorTaskLink = Selectable<SuperiorTaskLinkTable>;
