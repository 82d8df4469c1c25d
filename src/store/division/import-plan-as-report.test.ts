import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DivisionParse, type DivisionSourceLine, parseDivisionPlan } from '../../core/division/index.js';
import { analyzeTask } from '../../core/extract/index.js';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { importPlanAsReport } from './import-plan-as-report.js';

const lines = (...texts: string[]): DivisionSourceLine[] =>
  texts.map((text, index) => ({ line: index + 1, cells: [text] }));

const plan: DivisionParse = parseDivisionPlan(
  lines(
    '××区2026年政府工作报告重点任务分工方案',
    '一、推动高质量发展',
    '1.新增中小学学位6500个。（牵头单位：区教委；配合单位：区财政局；完成时限：2026年12月底）',
    '2.城镇调查失业率控制在5%以内。（区人力社保局负责）',
  ),
  { year: 2026 },
);

const importPlan = (database: TestDatabase, parse: DivisionParse) =>
  importPlanAsReport(database.db, {
    bytes: new TextEncoder().encode('plan'),
    fileName: 'plan.txt',
    plan: parse,
    analyze: (text) => analyzeTask(text, { year: parse.year }),
    actor: CLI_ACTOR,
  });

const count = async (database: TestDatabase, table: 'reports' | 'nodes' | 'units' | 'assignments') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DIALECTS)('importPlanAsReport on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => database?.close());

  it('stores nothing at all when writing the assignments fails after the plan was stored', async () => {
    const [first, second] = plan.rows;
    if (!first || !second) throw new Error('the plan has two rows');
    // A deadline that is no calendar date is refused by the assignment step, after the report step.
    const broken: DivisionParse = { ...plan, rows: [first, { ...second, deadline: '2026-02-30' }] };
    await expect(importPlan(database, broken)).rejects.toMatchObject({ code: 'invalid_deadline' });
    expect(await count(database, 'reports')).toBe(0);
    expect(await count(database, 'nodes')).toBe(0);
    expect(await count(database, 'units')).toBe(0);
    expect(await count(database, 'assignments')).toBe(0);
  });

  it('stores the plan with its units and assignments together', async () => {
    const result = await importPlan(database, plan);
    expect(result.tasks).toBe(2);
    expect(await count(database, 'reports')).toBe(1);
    expect(await count(database, 'units')).toBe(3);
    expect(await count(database, 'assignments')).toBe(3);
  });
});
