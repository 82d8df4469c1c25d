import type { Kysely } from 'kysely';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import type { Database, User } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { deleteUserSessions } from './manage-sessions.js';
import { setUserDisabled } from './manage-users.js';

/** Disables (or, `disabled` false, re-enables) an account, audited; disabling ends its sessions at once. */
export async function disableUser(
  db: Kysely<Database>,
  user: Pick<User, 'id' | 'disabled'>,
  disabled: boolean,
  actor: Actor,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await setUserDisabled(trx, user.id, disabled);
    if (disabled) await deleteUserSessions(trx, user.id);
    await appendAuditEvent(trx, {
      actor,
      action: disabled ? 'disable' : 'enable',
      entity: 'user',
      entityId: user.id,
      before: { disabled: user.disabled === 1 },
      after: { disabled },
    });
  });
}
