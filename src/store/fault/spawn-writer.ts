import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildOrder } from './write-loop-child.js';

const CHILD = fileURLToPath(new URL('./write-loop-child.ts', import.meta.url));

/** A running writer child and the ack lines it printed so far. */
export interface Writer {
  child: ChildProcess;
  acks: Record<string, unknown>[];
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves once the first ack arrived (the child is inside its write loop). */
  firstAck: Promise<void>;
}

/** Starts write-loop-child.ts under tsx with `order`. */
export function spawnWriter(order: ChildOrder): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, LUOSHI_CHILD: JSON.stringify(order) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Record<string, unknown>[] = [];
  let pending = '';
  let errors = '';
  let signalFirst: () => void = () => {};
  const firstAck = new Promise<void>((resolve) => {
    signalFirst = resolve;
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // Only complete lines count: a line cut by the kill was never fully acknowledged.
    for (const line of lines) if (line.trim()) acks.push(JSON.parse(line) as Record<string, unknown>);
    if (acks.length > 0) signalFirst();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  exited.then(() => signalFirst());
  return { child, acks, stderr: () => errors, exited, firstAck };
}
