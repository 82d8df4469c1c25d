import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { setPeriodStatus } from '../periods/create-reporting-period.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { findProgressReport } from './find-progress-report.js';
import { loadProgress } from './load-progress.js';
import { reviewProgressReport, submitProgressReport } from './review-progress-report.js';
import { saveProgressReport } from './save-progress-report.js';

describe.each(DIALECTS)('progress workflow on %s', (dialect) => {
  let handle: TestDatabase;
  let plan: SeededPlan;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    plan = await seedPlan(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('goes draft → submitted → returned (with reason) → submitted → approved', async () => {
    const task = plan.tasks[2]!; // 新增中小学学位6500个
    const target = task.targets[0]!;
    const key = { taskId: task.id, unitId: plan.leadUnitId, periodId: plan.periodId };
    const draft = await saveProgressReport(handle.db, {
      ...key,
      narrative: '已开工3所学校',
      values: [{ targetId: target.id, value: 1200 }],
      actor: plan.actor,
    });
    expect(draft.row).toMatchObject({ status: 'draft', version: 1, narrative: '已开工3所学校' });
    expect(draft.values).toEqual([{ targetId: target.id, value: 1200, note: null }]);

    const edited = await saveProgressReport(handle.db, {
      ...key,
      version: 1,
      values: [{ targetId: target.id, value: 1500, note: '含民办' }],
      actor: plan.actor,
    });
    expect(edited.row.version).toBe(2);
    expect(edited.values).toEqual([{ targetId: target.id, value: 1500, note: '含民办' }]);
    // Read back, each value carries its target's subject and unit, for a reviewer (the review queue).
    const [loaded] = await loadProgress(handle.db, { id: draft.row.id });
    expect(loaded?.values).toEqual([
      { targetId: target.id, value: 1500, note: '含民办', subject: target.subject, unit: target.unit },
    ]);
    expect(target.unit).toBe('个');
    expect(target.subject).not.toBe('');

    const submitted = await submitProgressReport(handle.db, {
      id: draft.row.id,
      version: 2,
      actor: plan.actor,
    });
    expect(submitted).toMatchObject({ status: 'submitted', version: 3 });
    await expect(
      saveProgressReport(handle.db, { ...key, version: 3, narrative: 'late edit', actor: plan.actor }),
    ).rejects.toMatchObject({ code: 'conflict', status: 409 });
    await expect(
      reviewProgressReport(handle.db, {
        id: draft.row.id,
        version: 3,
        decision: 'return',
        actor: plan.actor,
      }),
    ).rejects.toMatchObject({ code: 'reason_required' });
    const returned = await reviewProgressReport(handle.db, {
      id: draft.row.id,
      version: 3,
      decision: 'return',
      reason: '请补充学位数佐证',
      actor: plan.actor,
    });
    expect(returned).toMatchObject({ status: 'returned', review_reason: '请补充学位数佐证', version: 4 });
    await saveProgressReport(handle.db, { ...key, version: 4, narrative: '已补充', actor: plan.actor });
    await submitProgressReport(handle.db, { id: draft.row.id, version: 5, actor: plan.actor });
    const approved = await reviewProgressReport(handle.db, {
      id: draft.row.id,
      version: 6,
      decision: 'approve',
      actor: plan.actor,
    });
    expect(approved.status).toBe('approved');
    expect((await findProgressReport(handle.db, key))?.row.narrative).toBe('已补充');
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('refuses targets of another task, units not assigned and closed periods, writing nothing', async () => {
    const [a, b] = [plan.tasks[0]!, plan.tasks[2]!];
    await expect(
      saveProgressReport(handle.db, {
        taskId: a.id,
        unitId: plan.leadUnitId,
        periodId: plan.periodId,
        values: [{ targetId: b.targets[0]!.id, value: 1 }],
        actor: plan.actor,
      }),
    ).rejects.toMatchObject({ code: 'invalid_progress' });
    await expect(
      saveProgressReport(handle.db, {
        taskId: a.id,
        unitId: 999_999,
        periodId: plan.periodId,
        actor: plan.actor,
      }),
    ).rejects.toMatchObject({ code: 'not_assigned' });
    expect(
      await findProgressReport(handle.db, { taskId: a.id, unitId: plan.leadUnitId, periodId: plan.periodId }),
    ).toBe(undefined);
    const period = await handle.db
      .selectFrom('reporting_periods')
      .selectAll()
      .where('id', '=', plan.periodId)
      .executeTakeFirstOrThrow();
    await setPeriodStatus(handle.db, {
      id: period.id,
      version: period.version,
      status: 'closed',
      actor: plan.actor,
    });
    await expect(
      saveProgressReport(handle.db, {
        taskId: a.id,
        unitId: plan.leadUnitId,
        periodId: plan.periodId,
        actor: plan.actor,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
