#!/usr/bin/env node
// Builds the server (tsc → dist/) and the web app (vite → web/dist/). With --if-stale it builds only
// when a source that goes into either has changed since the last build, so a second `npm start`
// serves at once. What went into a build is fingerprinted by content, not by modification time,
// because a git checkout or a copy changes times without changing anything.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stampFile = path.join(root, 'dist', '.build-fingerprint');
/** Files and folders whose content decides what the build writes. */
const INPUTS = ['src', 'web', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const SKIP = new Set(['dist', 'node_modules']);

/** Every file under `relative` (a file or a folder), in a stable order. */
function* filesUnder(relative) {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return;
  if (!statSync(absolute).isDirectory()) {
    yield relative;
    return;
  }
  const entries = readdirSync(absolute, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && SKIP.has(entry.name)) continue;
    if (entry.isDirectory() || entry.isFile()) yield* filesUnder(path.join(relative, entry.name));
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => [...filesUnder(input)])) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const ifStale = process.argv.includes('--if-stale');
const current = fingerprint();
const built =
  existsSync(path.join(root, 'dist', 'cli', 'main.js')) &&
  existsSync(path.join(root, 'web', 'dist', '.vite', 'manifest.json'));
if (ifStale && built && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === current) {
  process.stdout.write('luoshi: build is up to date\n');
} else {
  run('build:server');
  run('build:web');
  writeFileSync(stampFile, `${current}\n`);
}
