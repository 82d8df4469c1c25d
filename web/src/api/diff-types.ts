/**
 * The report diff shapes (GET /api/diff), inferred from the server's zod contract in
 * src/server/search/schema.ts. Type-only import: no zod or server code reaches the bundle.
 */
import type { z } from 'zod';
import type { reportDiffSchema } from '../../../src/server/search/schema.js';

/** GET /api/diff?before=ID[@REV]&after=ID[@REV] */
export type ReportDiff = z.infer<typeof reportDiffSchema>;
export type AreaDiff = ReportDiff['areas'][number];
export type DiffItem = AreaDiff['items'][number];
export type TargetDiff = ReportDiff['targets'][number];
export type DiffCounts = ReportDiff['counts'];
