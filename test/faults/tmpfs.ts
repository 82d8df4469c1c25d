import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs mounted on a temp folder, so a test can fill the disk or make it read-only for
 * real (the tests run as root, so file modes alone would not stop writes).
 */
export interface SmallDisk {
  dir: string;
  readOnly(): void;
  readWrite(): void;
  destroy(): void;
}

export function mountSmallDisk(sizeMiB: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `This fault test mounts a small tmpfs to fill the disk for real and needs root (mount -t tmpfs): ${(error as Error).message}`,
    );
  }
  const remount = (mode: 'ro' | 'rw') =>
    execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
  return {
    dir,
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    destroy: () => {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
