import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import type { Comment, CommentKind, Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

export interface NewTaskComment {
  kind: CommentKind;
  taskId: number;
  authorId: number;
  body: string;
  actor: Actor;
}

/** Adds a comment or a leader's instruction (批示) to a task, audited under its kind. */
export async function addTaskComment(db: Kysely<Database>, input: NewTaskComment): Promise<Comment> {
  const now = new Date().toISOString();
  return writeTransaction(db, (trx) =>
    insertAudited(
      trx,
      'comments',
      {
        kind: input.kind,
        node_id: input.taskId,
        progress_report_id: null,
        author_id: input.authorId,
        body: input.body,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      input.actor,
      input.kind,
    ),
  );
}
