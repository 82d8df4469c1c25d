import type { Kysely } from 'kysely';
import { appendAuditEvent, SYSTEM_ACTOR } from '../audit/append-audit-event.js';
import type { Database, User } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { createUser } from './manage-users.js';

/**
 * On a database with no users, creates the administrator `admin` (督查室管理员) with this password
 * hash, to be changed at first sign-in, audited as the system's. Returns undefined when any user
 * exists; the check and the insert share one write transaction, so instances starting together
 * create one.
 */
export async function createFirstAdmin(
  db: Kysely<Database>,
  passwordHash: string,
): Promise<User | undefined> {
  return writeTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return undefined;
    const user = await createUser(trx, {
      username: 'admin',
      displayName: '督查室管理员',
      passwordHash,
      role: 'admin',
      unitId: null,
      mustChangePassword: true,
    });
    await appendAuditEvent(trx, {
      actor: SYSTEM_ACTOR,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role },
    });
    return user;
  });
}
