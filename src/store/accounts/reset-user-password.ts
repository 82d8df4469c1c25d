import type { Kysely } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, User } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { unlockUsername } from './login-throttles.js';
import { deleteUserSessions } from './manage-sessions.js';
import { setUserPassword } from './manage-users.js';

/**
 * Sets a user's new password hash, unlocks the account and ends its sessions, audited, in one
 * transaction. `oneTime`: someone else chose it, so it must be changed at the next sign-in.
 */
export async function resetUserPassword(
  db: Kysely<Database>,
  user: Pick<User, 'id' | 'username'>,
  passwordHash: string,
  oneTime: boolean,
  actor: Actor,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await setUserPassword(trx, user.id, passwordHash, oneTime);
    await deleteUserSessions(trx, user.id);
    await unlockUsername(trx, user.username);
    await appendAuditEvent(trx, { actor, action: 'password', entity: 'user', entityId: user.id });
  });
}
