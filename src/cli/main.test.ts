import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, EXIT_USAGE, main } from './main.js';

function captureStderr(): { text: () => string; restore: () => void } {
  let buffer = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    buffer += String(chunk);
    return true;
  });
  return { text: () => buffer, restore: () => spy.mockRestore() };
}

describe('luoshi CLI', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rejects an unknown command with exit code 2 and names it', async () => {
    const stderr = captureStderr();
    const code = await main(['node', 'luoshi', 'frobnicate']);
    stderr.restore();
    expect(code).toBe(EXIT_USAGE);
    expect(stderr.text()).toContain('frobnicate');
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const stderr = captureStderr();
    const code = await main(['node', 'luoshi', '--no-such-flag']);
    stderr.restore();
    expect(code).toBe(EXIT_USAGE);
    expect(stderr.text()).toContain('--no-such-flag');
  });

  it('takes `serve --demo` only with a demonstration it knows, and names the choices otherwise', async () => {
    const stderr = captureStderr();
    const code = await main(['node', 'luoshi', 'serve', '--demo', 'frobnicate']);
    stderr.restore();
    expect(code).toBe(EXIT_USAGE);
    expect(stderr.text()).toContain('frobnicate');
    expect(stderr.text()).toContain('cascade');
    const serve = buildProgram().commands.find((command) => command.name() === 'serve');
    expect(serve?.helpInformation()).toMatch(/--demo <name>[\s\S]*choices: "cascade"/);
  });

  it('gives every registered command a one-line description and its own --help', () => {
    const program = buildProgram();
    for (const command of program.commands) {
      expect(command.description(), command.name()).toMatch(/\S/);
      expect(command.description()).not.toContain('\n');
      expect(command.helpInformation()).toContain(command.name());
    }
  });
});
