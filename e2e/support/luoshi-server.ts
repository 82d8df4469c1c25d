import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXED_TODAY } from './clock.js';

/** The repository root, resolved from this file so tests run from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A real `luoshi serve` started for one test file, on a free port with its own data directory. */
export interface LuoshiServer {
  url: string;
  /** The one-time administrator password printed on first start. */
  adminPassword: string;
  stop(): Promise<void>;
}

/**
 * Builds the server and the web app once when either is missing. In CI `npm ci` has already
 * built both through the `prepare` script, so this costs nothing there.
 */
export function ensureBuilt(): void {
  const built =
    existsSync(path.join(repoRoot, 'dist/cli/main.js')) &&
    existsSync(path.join(repoRoot, 'web/dist/.vite/manifest.json'));
  if (built) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error('e2e: `npm run build` failed; fix the build before running browser tests');
}

/** Starts `node bin/luoshi.js serve` with PORT=0, its date pinned to FIXED_TODAY, and waits until it listens. */
export async function startLuoshiServer(extraEnv: Record<string, string> = {}): Promise<LuoshiServer> {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luoshi-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/luoshi.js', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The server's "today" matches the browsers' fixed clock.
      LUOSHI_TODAY: FIXED_TODAY,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; adminPassword: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /listening on (http:\/\/[^\s]+)/.exec(output);
      const password = /one-time password:\s+(\S+)/.exec(output);
      if (listening?.[1] && password?.[1]) resolve({ url: listening[1], adminPassword: password[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`luoshi serve exited with ${code} before listening:\n${output}`)),
    );
    child.once('error', reject);
  });
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`luoshi serve did not start within 30 s:\n${output}`)),
      30_000,
    );
    timer.unref();
  });
  let stopping = false;
  // A server that dies during the tests says why, instead of leaving only refused connections.
  child.once('exit', (code, signal) => {
    if (!stopping)
      process.stderr.write(
        `luoshi serve exited (${code ?? signal}) during the tests:\n${output.slice(-4000)}\n`,
      );
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, adminPassword } = await Promise.race([ready, timeout]);
    return { url, adminPassword, stop };
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
