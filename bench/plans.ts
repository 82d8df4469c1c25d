import type { BenchResult } from './bench-result.js';
import { captureQueryPlans } from './support/query-plans.js';

/** A table cell: one line, no pipes. */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '¦').trim();

async function plansOf(dialect: 'sqlite' | 'postgres'): Promise<BenchResult> {
  const { plans, reportId, taskId } = await captureQueryPlans(dialect);
  return {
    name: `Query plans of the hot reads — ${dialect}`,
    rows: plans.map((plan) => ({
      query: cell(plan.label),
      sql: cell(plan.sql.length > 160 ? `${plan.sql.slice(0, 160)} …` : plan.sql),
      'median ms': Number(plan.medianMs.toFixed(2)),
      plan: cell(
        plan.plan
          .filter((line) => !/^\s*(Planning|Execution) Time/.test(line))
          .map((line) => line.trim())
          .join(' ⟶ '),
      ),
    })),
    notes: [
      `Captured from the repository functions on the seeded province database (report ${reportId}, task ${taskId}); ` +
        (dialect === 'sqlite'
          ? 'EXPLAIN QUERY PLAN.'
          : 'EXPLAIN (ANALYZE, COSTS OFF), planning/execution time lines left out.') +
        ' Median of 5 runs each. A cached read runs only the first query (session + report/task + change counter, ' +
        'all by primary key or unique index); the others run on a cache miss. Full plans: ' +
        '`node --import tsx bench/support/query-plans.ts ' +
        dialect +
        '`.',
    ],
  };
}

export async function benchPlansSqlite(): Promise<BenchResult> {
  return plansOf('sqlite');
}

export async function benchPlansPostgres(): Promise<BenchResult> {
  return plansOf('postgres');
}
