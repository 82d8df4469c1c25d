import type { Command } from 'commander';

interface Opened {
  db: import('kysely').Kysely<import('../../store/schema.js').Database>;
  close(): Promise<void>;
}

async function openFromEnv(): Promise<Opened> {
  const { loadConfig } = await import('../../config/config.js');
  const { openDatabase } = await import('../../store/database.js');
  const { migrateToLatest } = await import('../../store/migrate.js');
  const handle = await openDatabase(loadConfig(process.env));
  await migrateToLatest(handle.db);
  return handle;
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withDatabase<T>(fn: (opened: Opened) => Promise<T>): Promise<T> {
  const opened = await openFromEnv();
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

/** `luoshi user add|passwd|disable|enable|unlock|list` — manage accounts from the shell. */
export function registerUser(program: Command): Command {
  const user = program
    .command('user')
    .description('manage accounts: add, passwd, disable, enable, unlock, list');

  user
    .command('add <username>')
    .description('create an account and print its one-time password')
    .requiredOption('-r, --role <role>', 'admin | reporter | unit_head | leader')
    .option(
      '-o, --organisation <name>',
      'the government the account works for (created under the root when new; default: the root)',
    )
    .option(
      '-u, --unit <name>',
      "the unit of a reporter or unit head, in the account's organisation (created if missing)",
    )
    .option('-n, --name <display>', 'display name')
    .option('-e, --email <email>', 'e-mail address for notifications')
    .option('--password-stdin', 'read the password from stdin instead of generating one')
    .action(
      async (
        username: string,
        options: {
          role: string;
          organisation?: string;
          unit?: string;
          name?: string;
          email?: string;
          passwordStdin?: boolean;
        },
      ) => {
        const { addUser } = await import('../../server/accounts/manage-accounts.js');
        const { findOrCreateUnit } = await import('../../store/units/find-or-create-unit.js');
        const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
        const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
        const { findOrCreateOrganisationNamed } = await import(
          '../../store/organisations/find-organisation-named.js'
        );
        await withDatabase(async ({ db }) => {
          const organisationId = options.organisation
            ? await findOrCreateOrganisationNamed(db, options.organisation, CLI_ACTOR)
            : undefined;
          const unitId = options.unit
            ? await findOrCreateUnit(db, options.unit, CLI_ACTOR, organisationId)
            : null;
          const created = await addUser(
            db,
            {
              username,
              role: options.role as 'admin',
              unitId,
              ...(organisationId === undefined ? {} : { organisationId }),
              ...(options.name ? { displayName: options.name } : {}),
              ...(options.email ? { email: options.email } : {}),
              ...(password === undefined ? {} : { password }),
            },
            CLI_ACTOR,
          );
          process.stdout.write(`created ${created.user.username} (${created.user.role})\n`);
          if (password === undefined) process.stdout.write(`one-time password: ${created.password}\n`);
        });
      },
    );

  user
    .command('passwd <username>')
    .description('set a new password (random unless --password-stdin), unlock and sign out the account')
    .option('--password-stdin', 'read the new password from stdin')
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const { resetPassword } = await import('../../server/accounts/manage-accounts.js');
      const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
      const given = options.passwordStdin ? await readPasswordFromStdin() : undefined;
      await withDatabase(async ({ db }) => {
        const password = await resetPassword(db, username, CLI_ACTOR, given);
        process.stdout.write(
          given === undefined
            ? `new password for ${username}: ${password}\n`
            : `password of ${username} changed\n`,
        );
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(disabled ? 'disable an account and end its sessions' : 're-enable a disabled account')
      .action(async (username: string) => {
        const { setDisabled } = await import('../../server/accounts/manage-accounts.js');
        const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
        await withDatabase(async ({ db }) => {
          await setDisabled(db, username, disabled, CLI_ACTOR);
          process.stdout.write(`${username} ${disabled ? 'disabled' : 'enabled'}\n`);
        });
      });
  }

  user
    .command('unlock <username>')
    .description('unlock an account locked by failed sign-ins (from every address)')
    .action(async (username: string) => {
      const { unlockAccount } = await import('../../server/accounts/manage-accounts.js');
      const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
      await withDatabase(async ({ db }) => {
        await unlockAccount(db, username, CLI_ACTOR);
        process.stdout.write(`${username} unlocked\n`);
      });
    });

  user
    .command('list')
    .description(
      'list accounts: username, role, unit id, active or disabled, display name, organisation (tab-separated)',
    )
    .action(async () => {
      const { listAccounts } = await import('../../store/accounts/list-accounts.js');
      await withDatabase(async ({ db }) => {
        for (const u of await listAccounts(db)) {
          process.stdout.write(
            `${u.username}\t${u.role}\t${u.unit_id ?? '-'}\t${u.disabled ? 'disabled' : 'active'}\t${u.display_name}\t${u.organisation_name ?? '-'}\n`,
          );
        }
      });
    });
  return user;
}
