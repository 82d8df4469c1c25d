import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import type { ProgressStatus } from '../../store/schema.js';
import { listChangedTasks } from '../../store/status/list-changed-tasks.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import {
  insertMonthPeriod,
  insertProgressReport,
  insertUnit,
  readReportChangeCounter,
} from '../testing/small-report.js';
import { buildDashboardTrend, computeDashboardTrend } from './build-dashboard-trend.js';
import { buildDashboard, buildReportDetail, computeReportDetail } from './build-report-detail.js';
import { buildLedgerIndex } from './ledger-list.js';
import { ReportInputsCache } from './report-inputs.js';
import { countsApprovedOnly, type ReportScope } from './report-scope.js';

const TREE = makeTree('2026年市政府工作报告', [
  {
    title: '保障和改善民生',
    measures: [
      { title: '办好民生实事', tasks: ['新增中小学学位6500个。', '举办文化活动1300场以上。'] },
      { title: '稳定就业', tasks: ['城镇新增就业12万人。', '开展职业技能培训3万人次。'] },
    ],
  },
  {
    title: '推动高质量发展',
    measures: [{ title: '扩大有效投资', tasks: ['完成固定资产投资800亿元。', '新开工重大项目50个。'] }],
    tasks: ['优化营商环境。', '建成5G基站2000个。'],
  },
]);

const NOW = '2026-06-01T00:00:00.000Z';
const WARN_DAYS = 30;
const DATES = ['2026-03-15', '2026-06-20', '2026-12-31'];

/** One write to the report's rows, with indices into the fixture's tasks, units and periods. */
type Write =
  | { kind: 'progress'; task: number; unit: number; period: number; status: ProgressStatus; percent: number }
  | { kind: 'status'; pick: number; status: ProgressStatus }
  | { kind: 'value'; pick: number; value: number }
  | { kind: 'delete progress'; pick: number }
  | { kind: 'assign'; task: number; unit: number; lead: boolean; deadline: string | null; milestone: boolean }
  | { kind: 'unassign'; pick: number }
  | { kind: 'rename unit'; unit: number; name: string }
  | { kind: 'task deadline'; task: number; date: string };

const statusArb = fc.constantFrom<ProgressStatus>('draft', 'submitted', 'approved', 'returned');
const dateArb = fc.constantFrom('2026-04-30', '2026-09-30', '2026-12-31');
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('progress' as const),
      task: fc.nat(7),
      unit: fc.nat(2),
      period: fc.nat(2),
      status: statusArb,
      percent: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: statusArb }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('value' as const),
      pick: fc.nat(),
      value: fc.integer({ min: 0, max: 9000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete progress' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      task: fc.nat(7),
      unit: fc.nat(2),
      lead: fc.boolean(),
      deadline: fc.option(dateArb, { nil: null }),
      milestone: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unassign' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename unit' as const),
      unit: fc.nat(2),
      name: fc.constantFrom('甲局', '乙局', '丙局', '丁局'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('task deadline' as const), task: fc.nat(7), date: dateArb }),
  },
);

describe.each(DIALECTS)('views computed from kept inputs after random writes on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  const tasks: number[] = [];
  const targets = new Map<number, number[]>();
  const units: number[] = [];
  const periods: number[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const db = handle.db;
    reportId = (
      await importReport(db, {
        bytes: new TextEncoder().encode(TREE.text),
        fileName: 'r.md',
        tree: TREE,
        analyses: analyseForTest,
        actor: CLI_ACTOR,
      })
    ).reportId;
    const nodes = await db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', reportId)
      .where('kind', '=', 'task')
      .orderBy('position')
      .execute();
    tasks.push(...nodes.map((n) => n.id));
    expect(tasks).toHaveLength(8);
    for (const row of await db.selectFrom('targets').select(['id', 'node_id']).execute()) {
      targets.set(row.node_id, [...(targets.get(row.node_id) ?? []), row.id]);
    }
    for (const name of ['教育局', '文旅局', '人社局']) units.push(await insertUnit(db, name, NOW));
    for (const [month, end] of [
      ['03', '31'],
      ['05', '31'],
      ['06', '30'],
    ] as const) {
      periods.push(
        await insertMonthPeriod(db, {
          reportId,
          label: `2026-${month}`,
          startsOn: `2026-${month}-01`,
          endsOn: `2026-${month}-${end}`,
          now: NOW,
        }),
      );
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function apply(write: Write): Promise<void> {
    const db = handle.db;
    const progressIds = async () =>
      (await db.selectFrom('progress_reports').select('id').orderBy('id').execute()).map((r) => r.id);
    switch (write.kind) {
      case 'progress': {
        const [taskId, unitId, periodId] = [tasks[write.task]!, units[write.unit]!, periods[write.period]!];
        const found = await db
          .selectFrom('progress_reports')
          .select('id')
          .where('node_id', '=', taskId)
          .where('unit_id', '=', unitId)
          .where('period_id', '=', periodId)
          .executeTakeFirst();
        const id =
          found?.id ??
          (await insertProgressReport(db, { taskId, unitId, periodId, status: write.status, now: NOW }));
        await db
          .updateTable('progress_reports')
          .set({ status: write.status, percent: write.percent })
          .where('id', '=', id)
          .execute();
        return;
      }
      case 'status': {
        const ids = await progressIds();
        if (ids.length === 0) return;
        await db
          .updateTable('progress_reports')
          .set({ status: write.status })
          .where('id', '=', ids[write.pick % ids.length]!)
          .execute();
        return;
      }
      case 'value': {
        const ids = await progressIds();
        if (ids.length === 0) return;
        const report = await db
          .selectFrom('progress_reports')
          .select(['id', 'node_id'])
          .where('id', '=', ids[write.pick % ids.length]!)
          .executeTakeFirstOrThrow();
        const targetId = targets.get(report.node_id)?.[0];
        if (targetId === undefined) return;
        const existing = await db
          .selectFrom('progress_values')
          .select('id')
          .where('progress_report_id', '=', report.id)
          .where('target_id', '=', targetId)
          .executeTakeFirst();
        if (existing) {
          await db
            .updateTable('progress_values')
            .set({ value: write.value })
            .where('id', '=', existing.id)
            .execute();
        } else {
          await db
            .insertInto('progress_values')
            .values({
              progress_report_id: report.id,
              target_id: targetId,
              value: write.value,
              created_at: NOW,
              updated_at: NOW,
            })
            .execute();
        }
        return;
      }
      case 'delete progress': {
        const ids = await progressIds();
        if (ids.length === 0) return;
        const id = ids[write.pick % ids.length]!;
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('progress_values').where('progress_report_id', '=', id).execute();
          await trx.deleteFrom('progress_reports').where('id', '=', id).execute();
        });
        return;
      }
      case 'assign': {
        const [taskId, unitId] = [tasks[write.task]!, units[write.unit]!];
        const milestones = write.milestone
          ? JSON.stringify([
              { due: '2026-05-31', ratio: 0.5, title: '完成一半' },
              { due: '2026-11-30', ratio: 1, title: '全部完成' },
            ])
          : '[]';
        const found = await db
          .selectFrom('assignments')
          .select('id')
          .where('node_id', '=', taskId)
          .where('unit_id', '=', unitId)
          .executeTakeFirst();
        const values = {
          role: write.lead ? ('lead' as const) : ('cooperating' as const),
          deadline: write.deadline,
          milestones_json: milestones,
          archived: 0 as const,
        };
        if (found) await db.updateTable('assignments').set(values).where('id', '=', found.id).execute();
        else {
          await db
            .insertInto('assignments')
            .values({ ...values, node_id: taskId, unit_id: unitId, created_at: NOW, updated_at: NOW })
            .execute();
        }
        return;
      }
      case 'unassign': {
        const live = await db
          .selectFrom('assignments')
          .select('id')
          .where('archived', '=', 0)
          .orderBy('id')
          .execute();
        if (live.length === 0) return;
        await db
          .updateTable('assignments')
          .set({ archived: 1 })
          .where('id', '=', live[write.pick % live.length]!.id)
          .execute();
        return;
      }
      case 'rename unit': {
        const unitId = units[write.unit]!;
        // Unit names are unique: a name another unit has is left alone.
        const taken = await db
          .selectFrom('units')
          .select('id')
          .where('name', '=', write.name)
          .executeTakeFirst();
        if (taken) return;
        await db.updateTable('units').set({ name: write.name }).where('id', '=', unitId).execute();
        return;
      }
      case 'task deadline': {
        await db
          .updateTable('nodes')
          .set({ deadline_text: `${write.date}前`, deadline_date: write.date })
          .where('id', '=', tasks[write.task]!)
          .execute();
        return;
      }
    }
  }

  /** Every view the routes compute from kept inputs, next to the same views computed from scratch. */
  async function compareAll(caches: readonly ReportInputsCache[]): Promise<void> {
    const db = handle.db;
    const counter = await readReportChangeCounter(db, reportId);
    const scopes: ReportScope[] = [{ kind: 'all' }, { kind: 'public' }, { kind: 'unit', unitId: units[0]! }];
    for (const cache of caches)
      for (const scope of scopes) {
        for (const at of DATES) {
          const kept = await cache.statusInputs(db, reportId, counter, countsApprovedOnly(scope));
          const detail = computeReportDetail(kept.base, kept.inputs, at, WARN_DAYS, scope, 'weighted');
          const fresh = await buildReportDetail(db, reportId, at, WARN_DAYS, scope, 'weighted');
          expect(detail).toEqual(fresh);
          const approved = await cache.approvedReports(db, reportId, counter);
          for (const rollup of ['mean', 'weighted'] as const) {
            expect(
              computeDashboardTrend(
                detail.year,
                detail.storedTasks,
                detail.assignments,
                approved,
                at,
                WARN_DAYS,
                rollup,
              ),
            ).toEqual(
              await buildDashboardTrend(
                db,
                reportId,
                fresh.year,
                fresh.storedTasks,
                fresh.assignments,
                at,
                WARN_DAYS,
                rollup,
              ),
            );
          }
          expect(buildDashboard(detail, WARN_DAYS)).toEqual(buildDashboard(fresh, WARN_DAYS));
          expect(buildLedgerIndex(detail)).toEqual(buildLedgerIndex(fresh));
        }
      }
  }

  it('equal the views computed from scratch after any sequence of writes', async () => {
    // One cache over every run: each run's writes land on what the previous runs left.
    // One that re-reads only the changed tasks, one that reads a part again whole on any change.
    const caches = [new ReportInputsCache(), new ReportInputsCache(undefined, () => 0)];
    await compareAll(caches);
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const write of writes) {
          await apply(write);
          await compareAll(caches);
        }
      }),
      { numRuns: 12, seed: 20261127 },
    );
  }, 600_000);

  it('re-reads only the tasks a progress report or assignment changed, and everything after a tree change', async () => {
    const db = handle.db;
    const cache = new ReportInputsCache();
    const counter = await readReportChangeCounter(db, reportId);
    const before = await cache.statusInputs(db, reportId, counter, false);
    const approvedBefore = await cache.approvedReports(db, reportId, counter);
    const trendOf = async (at: number, inputs: typeof before) => {
      const detail = computeReportDetail(inputs.base, inputs.inputs, DATES[1]!, WARN_DAYS, { kind: 'all' });
      const approved = await cache.approvedReports(db, reportId, at);
      return computeDashboardTrend(
        detail.year,
        detail.storedTasks,
        detail.assignments,
        approved,
        DATES[1]!,
        WARN_DAYS,
      );
    };
    const trendBefore = await trendOf(counter, before);
    const [taskId, unitId, periodId] = [tasks[5]!, units[1]!, periods[2]!];
    const progressId = await insertProgressReport(db, {
      taskId,
      unitId,
      periodId,
      status: 'draft',
      now: NOW,
    });
    // A draft counts nowhere: nothing is marked and the counter stands.
    expect(await readReportChangeCounter(db, reportId)).toBe(counter);
    expect(await listChangedTasks(db, reportId, counter)).toEqual({ whole: false, taskIds: [] });
    await db
      .updateTable('progress_reports')
      .set({ status: 'submitted' })
      .where('id', '=', progressId)
      .execute();
    const afterSubmit = await readReportChangeCounter(db, reportId);
    expect(afterSubmit).toBeGreaterThan(counter);
    expect(await listChangedTasks(db, reportId, counter)).toEqual({ whole: false, taskIds: [taskId] });
    expect(await listChangedTasks(db, reportId, afterSubmit)).toEqual({ whole: false, taskIds: [] });
    const after = await cache.statusInputs(db, reportId, afterSubmit, false);
    // The tree was kept, the other tasks' inputs are the objects they were.
    expect(after.base).toBe(before.base);
    for (const other of tasks.filter((t) => t !== taskId)) {
      expect(after.inputs.assignments.get(other)).toBe(before.inputs.assignments.get(other));
      expect(after.inputs.progress.get(other)).toBe(before.inputs.progress.get(other));
    }
    // The changed task was read again, but only its counted progress differs: its assignments and
    // the approved reports (a submission approves nothing) stay the objects they were, so the
    // trend, which counts approved reports only, is the one computed before.
    expect(after.inputs.progress.get(taskId)).not.toBe(before.inputs.progress.get(taskId));
    expect(after.inputs.assignments).toBe(before.inputs.assignments);
    expect(await cache.approvedReports(db, reportId, afterSubmit)).toBe(approvedBefore);
    expect(await trendOf(afterSubmit, after)).toBe(trendBefore);
    // Roll-ups of groups without the changed task are the ones made before; the report's is new.
    const judge = (inputs: typeof before) =>
      computeReportDetail(inputs.base, inputs.inputs, DATES[1]!, WARN_DAYS, { kind: 'all' });
    const [detailBefore, detailAfter] = [judge(before), judge(after)];
    const groups = (detail: typeof detailBefore) =>
      detail.areas.flatMap((area) => [
        { tasks: [...area.measures.flatMap((m) => m.tasks), ...area.tasks], status: area.status },
        ...area.measures.map((m) => ({ tasks: m.tasks, status: m.status })),
      ]);
    const afterGroups = groups(detailAfter);
    groups(detailBefore).forEach((group, i) => {
      const touched = group.tasks.some((t) => t.id === taskId);
      if (touched) expect(afterGroups[i]!.status).not.toBe(group.status);
      else expect(afterGroups[i]!.status).toBe(group.status);
    });
    expect(detailAfter.status).not.toBe(detailBefore.status);
    // Approving it changes what the trend counts: computed again, as from scratch.
    await db
      .updateTable('progress_reports')
      .set({ status: 'approved' })
      .where('id', '=', progressId)
      .execute();
    const afterApproval = await readReportChangeCounter(db, reportId);
    const approvedInputs = await cache.statusInputs(db, reportId, afterApproval, false);
    expect(await cache.approvedReports(db, reportId, afterApproval)).not.toBe(approvedBefore);
    const trendAfter = await trendOf(afterApproval, approvedInputs);
    expect(trendAfter).not.toBe(trendBefore);
    const fresh = await buildReportDetail(db, reportId, DATES[1]!, WARN_DAYS, { kind: 'all' });
    expect(trendAfter).toEqual(
      await buildDashboardTrend(
        db,
        reportId,
        fresh.year,
        fresh.storedTasks,
        fresh.assignments,
        DATES[1]!,
        WARN_DAYS,
      ),
    );
    await db.updateTable('nodes').set({ commitment: '确保' }).where('id', '=', tasks[0]!).execute();
    const afterTree = await readReportChangeCounter(db, reportId);
    expect(await listChangedTasks(db, reportId, afterApproval)).toEqual({ whole: true });
    const reread = await cache.statusInputs(db, reportId, afterTree, false);
    expect(reread.base).not.toBe(before.base);
    const detail = computeReportDetail(reread.base, reread.inputs, DATES[0]!, WARN_DAYS, { kind: 'all' });
    expect(detail.areas[0]!.measures[0]!.tasks[0]!.commitment).toBe('确保');
    // A counter moved without a mark (by hand) says nothing about what changed: read anew.
    await db
      .updateTable('report_change_counters')
      .set((eb) => ({ counter: eb('counter', '+', 1) }))
      .where('report_id', '=', reportId)
      .execute();
    const byHand = await cache.statusInputs(db, reportId, await readReportChangeCounter(db, reportId), false);
    expect(byHand.base).not.toBe(reread.base);
  });
});
