import { hashPassword } from '../../src/server/auth/password.js';
import { createUser, findUserByUsername } from '../../src/store/accounts/manage-users.js';
import { type DatabaseSettings, openDatabase } from '../../src/store/database.js';
import { findRootOrganisationId } from '../../src/store/organisations/find-root-organisation.js';
import type { UserRole } from '../../src/store/schema.js';

/** The password of every benchmark account (they exist only in benchmark databases). */
export const BENCH_PASSWORD = 'bench-Passw0rd-落实';

export interface BenchAccount {
  username: string;
  role: UserRole;
  unitId: number | null;
}

/**
 * Makes sure the benchmark accounts exist, both in the root organisation: a leader (领导, reads
 * everything of it) and one reporter (承办人) of the root organisation's unit that leads the most
 * tasks (with --orgs, a city unit: a district's unit leads tasks of reports the city's accounts may
 * not write to). A reporter left on another unit by an earlier version of this bench is moved.
 */
export async function ensureBenchAccounts(
  settings: DatabaseSettings,
): Promise<{ leader: BenchAccount; reporter: BenchAccount }> {
  const handle = await openDatabase(settings);
  try {
    const root = await findRootOrganisationId(handle.db);
    const busiest = await handle.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select(['assignments.unit_id as unit_id', (eb) => eb.fn.countAll<number>().as('tasks')])
      .where('assignments.role', '=', 'lead')
      .where('units.organisation_id', '=', root)
      .groupBy('assignments.unit_id')
      .orderBy('tasks', 'desc')
      .limit(1)
      .executeTakeFirst();
    const accounts: BenchAccount[] = [
      { username: 'bench-leader', role: 'leader', unitId: null },
      { username: 'bench-reporter', role: 'reporter', unitId: busiest?.unit_id ?? null },
    ];
    const hash = await hashPassword(BENCH_PASSWORD);
    for (const account of accounts) {
      if (await findUserByUsername(handle.db, account.username)) continue;
      await createUser(handle.db, {
        username: account.username,
        displayName: account.username,
        passwordHash: hash,
        role: account.role,
        unitId: account.unitId,
      });
    }
    const reporter = await findUserByUsername(handle.db, 'bench-reporter');
    if (reporter && busiest && reporter.unit_id !== busiest.unit_id) {
      await handle.db
        .updateTable('users')
        .set({ unit_id: busiest.unit_id })
        .where('id', '=', reporter.id)
        .execute();
      return { leader: accounts[0]!, reporter: accounts[1]! };
    }
    return { leader: accounts[0]!, reporter: { ...accounts[1]!, unitId: reporter?.unit_id ?? null } };
  } finally {
    await handle.close();
  }
}

/** A signed-in HTTP session: the Cookie header and the CSRF token for writes. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

function cookiesOf(response: Response, previous: Map<string, string>): Map<string, string> {
  const jar = new Map(previous);
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the API (GET /api/session for CSRF, POST /api/session) and returns the session. */
export async function signIn(baseUrl: string, username: string): Promise<HttpSession> {
  let jar = new Map<string, string>();
  const first = await fetch(`${baseUrl}/api/session`);
  jar = cookiesOf(first, jar);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(jar), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  jar = cookiesOf(login, jar);
  const session = (await login.json()) as { csrfToken?: string };
  return { cookie: header(jar), csrfToken: session.csrfToken ?? csrfToken };
}
