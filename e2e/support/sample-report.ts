import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './luoshi-server.js';

/** The sample report `npm start` loads on first start. */
export const SAMPLE_PATH = path.join(repoRoot, 'examples/beijing-subcenter-2026-summary.md');

/** The sample's title and work-area headings, read from the Markdown the server imports. */
export function sampleOutline(): { title: string; areaHeadings: string[] } {
  const text = readFileSync(SAMPLE_PATH, 'utf8');
  const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? '';
  const areaHeadings = [...text.matchAll(/^###\s+([一二三四五六七八九十]+、.+)$/gm)].map((m) =>
    (m[1] ?? '').trim(),
  );
  return { title, areaHeadings };
}
