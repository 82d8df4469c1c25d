import { fileURLToPath } from 'node:url';

/** The sample report shipped with the package, found from this file so any working directory works. */
export const SAMPLE_REPORT = fileURLToPath(
  new URL('../../examples/beijing-subcenter-2026-summary.md', import.meta.url),
);
