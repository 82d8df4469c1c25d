import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN: this migration has landed. Never edit it; add a new timestamped file instead
 * (additive changes only — the schema-snapshot test fails on a destructive one).
 */

type Builder = CreateTableBuilder<string, never>;

/** The first schema: every table of the domain (see src/store/schema.ts for what each one means). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const blob = postgres ? 'bytea' : 'blob';

  /** A table with an integer identity key; `editable` adds timestamps and a version. */
  const table = (name: string, editable: boolean): Builder => {
    let builder = db.schema
      .createTable(name)
      .addColumn('id', 'integer', (col) =>
        postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
      ) as Builder;
    if (editable) {
      builder = builder
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1));
    }
    return builder;
  };
  const flag = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);

  await table('organisations', true)
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('level', 'text')
    .execute();

  await table('reports', true)
    .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('year', 'integer')
    .addColumn('place', 'text')
    .addColumn('current_revision_id', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('archived', 'integer', flag)
    .execute();

  await table('report_revisions', false)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('source', blob, (col) => col.notNull())
    .addColumn('source_sha256', 'text', (col) => col.notNull())
    .addColumn('source_size', 'integer', (col) => col.notNull())
    .addColumn('tree_json', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('report_revisions_report_number', ['report_id', 'number'])
    .execute();

  await table('nodes', true)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id'))
    .addColumn('parent_id', 'integer', (col) => col.references('nodes.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('section_kind', 'text')
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('label', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('span_start', 'integer', (col) => col.notNull())
    .addColumn('span_end', 'integer', (col) => col.notNull())
    .addColumn('revision_id', 'integer', (col) => col.notNull().references('report_revisions.id'))
    .addColumn('deadline_text', 'text')
    .addColumn('deadline_date', 'text')
    .addColumn('commitment', 'text')
    .addColumn('archived', 'integer', flag)
    .addColumn('archived_at', 'text')
    .execute();

  await table('targets', true)
    .addColumn('node_id', 'integer', (col) => col.notNull().references('nodes.id'))
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('max', 'double precision')
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('comparator', 'text', (col) => col.notNull())
    .addColumn('change', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('span_start', 'integer', (col) => col.notNull())
    .addColumn('span_end', 'integer', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('edited_by', 'integer')
    .addColumn('edited_at', 'text')
    .addColumn('archived', 'integer', flag)
    .execute();

  await table('units', true)
    .addColumn('parent_id', 'integer', (col) => col.references('units.id'))
    .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text')
    .addColumn('archived', 'integer', flag)
    .execute();

  await table('people', true)
    .addColumn('unit_id', 'integer', (col) => col.references('units.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('position_title', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('archived', 'integer', flag)
    .execute();

  await table('assignments', true)
    .addColumn('node_id', 'integer', (col) => col.notNull().references('nodes.id'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('lead_official', 'text')
    .addColumn('lead_official_person_id', 'integer', (col) => col.references('people.id'))
    .addColumn('deadline', 'text')
    .addColumn('milestones_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('archived', 'integer', flag)
    .addUniqueConstraint('assignments_node_unit', ['node_id', 'unit_id'])
    .execute();

  await table('reporting_periods', true)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('ends_on', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('reporting_periods_report_label', ['report_id', 'label'])
    .execute();

  await table('users', true)
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('unit_id', 'integer', (col) => col.references('units.id'))
    .addColumn('email', 'text')
    .addColumn('disabled', 'integer', flag)
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .execute();

  await table('progress_reports', true)
    .addColumn('node_id', 'integer', (col) => col.notNull().references('nodes.id'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('period_id', 'integer', (col) => col.notNull().references('reporting_periods.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('narrative', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('problems', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('next_steps', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('percent', 'double precision')
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('submitted_by', 'integer', (col) => col.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'integer', (col) => col.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_reason', 'text')
    .addUniqueConstraint('progress_reports_node_unit_period', ['node_id', 'unit_id', 'period_id'])
    .execute();

  await table('progress_values', false)
    .addColumn('progress_report_id', 'integer', (col) => col.notNull().references('progress_reports.id'))
    .addColumn('target_id', 'integer', (col) => col.notNull().references('targets.id'))
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('progress_values_report_target', ['progress_report_id', 'target_id'])
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (col) => col.primaryKey())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('content', blob, (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await table('attachments', false)
    .addColumn('blob_sha256', 'text', (col) => col.notNull().references('blobs.sha256'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('progress_report_id', 'integer', (col) => col.references('progress_reports.id'))
    .addColumn('node_id', 'integer', (col) => col.references('nodes.id'))
    .addColumn('uploaded_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await table('comments', true)
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('node_id', 'integer', (col) => col.references('nodes.id'))
    .addColumn('progress_report_id', 'integer', (col) => col.references('progress_reports.id'))
    .addColumn('author_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('archived', 'integer', flag)
    .execute();

  await table('flags', true)
    .addColumn('node_id', 'integer', (col) => col.notNull().references('nodes.id'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('note', 'text')
    .addColumn('cleared_at', 'text')
    .execute();

  await table('sessions', false)
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();

  await table('notifications', false)
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    .addColumn('payload_json', 'text')
    .addColumn('read_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await table('audit_events', false)
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull().unique())
    .execute();

  // Indexes for the list queries (ledger, dashboard, unit inbox) at province scale.
  const indexes: [name: string, table: string, columns: string[]][] = [
    ['reports_organisation', 'reports', ['organisation_id']],
    ['nodes_report_kind_position', 'nodes', ['report_id', 'kind', 'position']],
    ['nodes_parent_ordinal', 'nodes', ['parent_id', 'ordinal']],
    ['targets_node', 'targets', ['node_id', 'ordinal']],
    ['units_parent', 'units', ['parent_id']],
    ['units_name', 'units', ['name']],
    ['people_unit', 'people', ['unit_id']],
    ['assignments_unit_role', 'assignments', ['unit_id', 'role']],
    ['progress_reports_period_status', 'progress_reports', ['period_id', 'status']],
    ['progress_reports_unit_period', 'progress_reports', ['unit_id', 'period_id']],
    ['progress_values_target', 'progress_values', ['target_id']],
    ['attachments_progress_report', 'attachments', ['progress_report_id']],
    ['attachments_node', 'attachments', ['node_id']],
    ['comments_node', 'comments', ['node_id']],
    ['comments_progress_report', 'comments', ['progress_report_id']],
    ['flags_node', 'flags', ['node_id']],
    ['flags_user', 'flags', ['user_id']],
    ['users_unit', 'users', ['unit_id']],
    ['sessions_user', 'sessions', ['user_id']],
    ['sessions_expires', 'sessions', ['expires_at']],
    ['notifications_user_read', 'notifications', ['user_id', 'read_at']],
    ['audit_events_entity', 'audit_events', ['entity', 'entity_id']],
  ];
  for (const [name, on, columns] of indexes) {
    await db.schema.createIndex(name).on(on).columns(columns).execute();
  }
}
