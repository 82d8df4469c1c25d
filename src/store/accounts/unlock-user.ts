import type { Kysely } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, User } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { clearFailedLogins } from './clear-failed-logins.js';
import { unlockUsername } from './login-throttles.js';

/**
 * Forgets the account's failed sign-ins and its locks from every address (login-throttles.ts),
 * audited, in one transaction, so its owner may sign in again at once.
 */
export async function unlockUser(
  db: Kysely<Database>,
  user: Pick<User, 'id' | 'username'>,
  actor: Actor,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const cleared = await unlockUsername(trx, user.username);
    await clearFailedLogins(trx, user.id);
    await appendAuditEvent(trx, {
      actor,
      action: 'unlock',
      entity: 'user',
      entityId: user.id,
      after: { cleared },
    });
  });
}
