import type { Kysely } from 'kysely';
import type { CommentKind, Database } from '../schema.js';

/** A comment or leader's instruction on a task, with its author's display name. */
export interface TaskComment {
  id: number;
  kind: CommentKind;
  taskId: number | null;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
}

/** A task's comments and instructions that are not archived, oldest first. */
export async function listTaskComments(db: Kysely<Database>, taskId: number): Promise<TaskComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.kind', 'c.node_id', 'c.author_id', 'u.display_name', 'c.body', 'c.created_at'])
    .where('c.node_id', '=', taskId)
    .where('c.archived', '=', 0)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    taskId: r.node_id,
    authorId: r.author_id,
    authorName: r.display_name,
    body: r.body,
    createdAt: r.created_at,
  }));
}
