import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from './main.js';

/** The repository root (with a trailing slash), for the CLI tests' inputs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the test corpus (test-data/corpus/NAME). */
export function corpusFile(name: string): string {
  return `${REPO_ROOT}test-data/corpus/${name}`;
}

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `luoshi ARGS…` in-process, capturing stdout and stderr; the streams are restored after. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'luoshi', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
