import type { DatabaseSettings } from '../../src/store/database.js';
import type { BenchAccount } from './bench-users.js';
import type { LoadTarget } from './load-test.js';

/**
 * The report-submission load target, if the server has a progress submission endpoint; otherwise
 * why it is not measured. Looked up in the server's OpenAPI document so the benchmark follows
 * the API as it is.
 */
export async function submissionTarget(
  baseUrl: string,
  _settings: DatabaseSettings,
  _reporter: BenchAccount,
): Promise<{ target: LoadTarget } | { missing: string }> {
  const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
    paths?: Record<string, Record<string, unknown>>;
  };
  const writes = Object.entries(document.paths ?? {}).filter(
    ([path, methods]) =>
      /progress/.test(path) && ('post' in methods || 'put' in methods || 'patch' in methods),
  );
  if (writes.length === 0)
    return { missing: 'the server has no progress submission endpoint yet (none in /api/openapi.json)' };
  return {
    missing: `submission endpoints exist (${writes.map(([p]) => p).join(', ')}) but the benchmark does not drive them yet`,
  };
}
