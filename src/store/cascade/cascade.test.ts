import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignTask } from '../assignments/assign-task.js';
import { updateAssignment } from '../assignments/update-assignment.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { applyDivisionRows } from '../division/apply-division-rows.js';
import { commitDivisionPlan } from '../division/commit-division-plan.js';
import { commitMerge } from '../merge/commit-merge.js';
import { reviewProgressReport, submitProgressReport } from '../progress/review-progress-report.js';
import { saveProgressReport } from '../progress/save-progress-report.js';
import { analyseForTest, makeTree } from '../test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { createUnit } from '../units/create-unit.js';
import { acceptSuperiorTask, updateSuperiorTask } from './accept-superior-task.js';
import { type CascadeWorld, handDown, seedCascade } from './cascade-fixtures.js';
import { consolidateReportUp, matchingPeriod } from './consolidate-report-up.js';
import { decomposeSuperiorTask, SUPERIOR_TASKS_AREA } from './decompose-superior-task.js';
import { linkSuperiorTask, unlinkSuperiorTask } from './link-superior-task.js';
import { listSubordinateDecomposition } from './list-subordinate-decomposition.js';
import { findSuperiorTask, listSuperiorTasks } from './list-superior-tasks.js';
import { representOrganisation } from './represent-organisation.js';
import { saveReportUp, submitReportUp } from './save-report-up.js';

describe.each(DIALECTS)('cascade store on %s', (dialect) => {
  let database: TestDatabase;
  let world: CascadeWorld;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    world = await seedCascade(database.db);
  });
  afterEach(async () => {
    await database?.close();
  });

  const count = async (
    table: 'superior_tasks' | 'superior_task_links' | 'nodes' | 'targets' | 'audit_events',
  ) =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function receiveAndAccept() {
    await handDown(database.db, world);
    const D = world.district.organisationId;
    const [pending] = await listSuperiorTasks(database.db, { organisationId: D });
    const accepted = await acceptSuperiorTask(database.db, {
      id: pending!.id,
      organisationId: D,
      version: pending!.version,
      referenceNumber: ' 市折子工程2026-017 ',
      actor: world.actor,
    });
    return { D, id: accepted.id, accepted };
  }

  it('hands a task down to the district that the city assigned it to, with its source', async () => {
    const D = world.district.organisationId;
    expect(await listSuperiorTasks(database.db, { organisationId: D })).toEqual([]);
    await handDown(database.db, world);
    // Recorded by the assignment itself: one superior task, for 通州 only.
    expect(await count('superior_tasks')).toBe(1);
    const [task] = await listSuperiorTasks(database.db, { organisationId: D });
    expect(task).toMatchObject({
      organisationId: D,
      status: 'pending',
      referenceNumber: null,
      withdrawn: false,
      assignment: { role: 'lead', unitName: '通州区政府', leadOfficial: '王副市长', deadline: '2026-11-30' },
      source: {
        organisationName: '北京市人民政府',
        reportId: world.city.reportId,
        reportTitle: '2026年北京市政府工作报告',
        taskText: '在副中心新建学校8个。',
        areaTitle: '推动城市副中心高质量发展',
      },
      links: [],
      periods: [{ periodId: world.city.periodId, label: '2026-Q1', progressReportId: null }],
    });
    expect(
      await listSuperiorTasks(database.db, { organisationId: world.otherDistrict.organisationId }),
    ).toEqual([]);
    await expect(
      findSuperiorTask(database.db, { id: task!.id, organisationId: world.otherDistrict.organisationId }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('records the hand-down in the write that makes it: a unit made to represent, a 分工方案, a revived assignment', async () => {
    const D = world.district.organisationId;
    const [first, second] = world.city.tasks;
    const received = async () =>
      (await listSuperiorTasks(database.db, { organisationId: D })).map((t) => ({
        taskId: t.source.taskId,
        withdrawn: t.withdrawn,
      }));
    // A unit assigned the second task before it stood for 通州: making it represent hands it down.
    const unit = await createUnit(database.db, {
      name: '通州区人民政府',
      organisationId: world.city.organisationId,
      actor: world.actor,
    });
    await assignTask(database.db, {
      taskId: second!.id,
      unitId: unit.id,
      role: 'cooperating',
      actor: world.actor,
    });
    expect(await received()).toEqual([]);
    // (通州区政府 steps aside first: one live unit stands for a district.)
    const former = await database.db
      .selectFrom('units')
      .select('version')
      .where('id', '=', world.district.representativeUnitId)
      .executeTakeFirstOrThrow();
    await representOrganisation(database.db, {
      unitId: world.district.representativeUnitId,
      organisationId: world.city.organisationId,
      version: former.version,
      representsOrganisationId: null,
      actor: world.actor,
    });
    await representOrganisation(database.db, {
      unitId: unit.id,
      organisationId: world.city.organisationId,
      version: unit.version,
      representsOrganisationId: D,
      actor: world.actor,
    });
    expect(await received()).toEqual([{ taskId: second!.id, withdrawn: false }]);
    // A 分工方案 that gives the first task to it hands that down in its own transaction too.
    const made = await commitDivisionPlan(database.db, {
      reportId: world.city.reportId,
      rows: [
        {
          line: 1,
          taskIds: [first!.id],
          lead: ['通州区人民政府'],
          cooperating: [],
          leaders: ['王副市长'],
          deadline: null,
        },
      ],
      units: [],
      analyze: () => ({ targets: [], deadline: null, commitment: null }),
      actor: world.actor,
    });
    expect(made.assignmentIdsMade).toHaveLength(1);
    expect(await received()).toEqual([
      { taskId: first!.id, withdrawn: false },
      { taskId: second!.id, withdrawn: false },
    ]);
    // Withdrawn then given back: the same row, live again; nothing new is recorded.
    const assignment = await database.db
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', made.assignmentIdsMade[0]!)
      .executeTakeFirstOrThrow();
    const removed = await updateAssignment(database.db, {
      id: assignment.id,
      version: assignment.version,
      changes: { archived: true },
      actor: world.actor,
    });
    expect((await received())[0]).toEqual({ taskId: first!.id, withdrawn: true });
    await updateAssignment(database.db, {
      id: assignment.id,
      version: removed.version,
      changes: { archived: false },
      actor: world.actor,
    });
    expect(await received()).toHaveLength(2);
    expect((await received())[0]).toEqual({ taskId: first!.id, withdrawn: false });
    expect(await count('superior_tasks')).toBe(2);
    expect((await verifyAuditChain(database.db)).problems).toEqual([]);
  });

  it('records the hand-downs of a 分工方案 sheet (.xlsx rows) in its transaction', async () => {
    const D = world.district.organisationId;
    const applied = await applyDivisionRows(
      database.db,
      world.city.reportId,
      world.city.tasks.map((task) => ({
        taskId: task.id,
        leadUnits: ['通州区政府'],
        cooperatingUnits: ['顺义区政府'],
        leadOfficial: null,
        deadline: null,
      })),
      world.actor,
    );
    expect(applied.assignmentIdsMade).toHaveLength(world.city.tasks.length * 2);
    const ofDistrict = async (organisationId: number) =>
      (await listSuperiorTasks(database.db, { organisationId })).map((t) => [
        t.source.taskId,
        t.assignment.role,
      ]);
    expect(await ofDistrict(D)).toEqual(world.city.tasks.map((task) => [task.id, 'lead']));
    expect(await ofDistrict(world.otherDistrict.organisationId)).toEqual(
      world.city.tasks.map((task) => [task.id, 'cooperating']),
    );
  });

  it('accepts, links and decomposes into own tasks; refuses other organisations and bad input, writing nothing', async () => {
    const { D, id, accepted } = await receiveAndAccept();
    expect(accepted).toMatchObject({
      status: 'accepted',
      reference_number: '市折子工程2026-017',
      version: 2,
    });
    await expect(
      acceptSuperiorTask(database.db, { id, organisationId: D, version: 2, actor: world.actor }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      updateSuperiorTask(database.db, {
        id,
        organisationId: D,
        version: 1,
        referenceNumber: 'x',
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const before = {
      links: await count('superior_task_links'),
      nodes: await count('nodes'),
      targets: await count('targets'),
      audit: await count('audit_events'),
    };
    const other = world.otherDistrict.organisationId;
    const refused = [
      // another district's office
      linkSuperiorTask(database.db, {
        id,
        organisationId: other,
        taskIds: [world.district.tasks[1]!.id],
        actor: world.actor,
      }),
      // the city's own task is no task of the district
      linkSuperiorTask(database.db, {
        id,
        organisationId: D,
        taskIds: [world.city.tasks[1]!.id],
        actor: world.actor,
      }),
      linkSuperiorTask(database.db, { id, organisationId: D, taskIds: [], actor: world.actor }),
      // decomposing into the city's report
      decomposeSuperiorTask(database.db, {
        id,
        organisationId: D,
        reportId: world.city.reportId,
        tasks: [{ text: '建学校' }],
        actor: world.actor,
      }),
      // a bad target and a bad date, after a good task: nothing of the good one stays
      decomposeSuperiorTask(database.db, {
        id,
        organisationId: D,
        reportId: world.district.reportId,
        tasks: [
          { text: '新建学校2所。' },
          { text: '扩建学校', targets: [{ subject: '学校', value: Number.NaN, unit: '个' }] },
        ],
        actor: world.actor,
      }),
      decomposeSuperiorTask(database.db, {
        id,
        organisationId: D,
        reportId: world.district.reportId,
        tasks: [{ text: '新建学校2所。', deadline: '2026-02-30' }],
        actor: world.actor,
      }),
    ];
    const outcomes = await Promise.allSettled(refused);
    expect(
      outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { status: number }).status : 200)),
    ).toEqual([404, 400, 400, 400, 400, 400]);
    expect({
      links: await count('superior_task_links'),
      nodes: await count('nodes'),
      targets: await count('targets'),
      audit: await count('audit_events'),
    }).toEqual(before);

    const result = await decomposeSuperiorTask(database.db, {
      id,
      organisationId: D,
      reportId: world.district.reportId,
      tasks: [
        {
          text: '在宋庄镇新建学校2个。',
          deadline: '2026-09-30',
          targets: [{ subject: '新建学校', value: 2, unit: '个' }],
        },
        { text: '在台湖镇新建学校1个。', targets: [{ subject: '新建学校', value: 1, unit: '个' }] },
      ],
      actor: world.actor,
    });
    expect(result.tasks.map((t) => [t.kind, t.parent_id, t.deadline_date])).toEqual([
      ['task', result.areaId, '2026-09-30'],
      ['task', result.areaId, null],
    ]);
    await linkSuperiorTask(database.db, {
      id,
      organisationId: D,
      taskIds: [world.district.tasks[0]!.id],
      actor: world.actor,
    });
    await expect(
      linkSuperiorTask(database.db, {
        id,
        organisationId: D,
        taskIds: [world.district.tasks[0]!.id],
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 409 });
    // A second decomposition reuses the 上级交办任务 area.
    const again = await decomposeSuperiorTask(database.db, {
      id,
      organisationId: D,
      reportId: world.district.reportId,
      tasks: [{ text: '在潞城镇新建学校1个。' }],
      actor: world.actor,
    });
    expect(again.areaId).toBe(result.areaId);
    const area = await database.db
      .selectFrom('nodes')
      .select('title')
      .where('id', '=', result.areaId)
      .executeTakeFirstOrThrow();
    expect(area.title).toBe(SUPERIOR_TASKS_AREA);
    await unlinkSuperiorTask(database.db, {
      id,
      organisationId: D,
      taskId: again.tasks[0]!.id,
      actor: world.actor,
    });
    const view = await findSuperiorTask(database.db, { id, organisationId: D });
    expect(view.links.map((l) => l.text)).toEqual([
      '新建学校3个。',
      '在宋庄镇新建学校2个。',
      '在台湖镇新建学校1个。',
    ]);

    // The city reads the decomposition; another district's office does not, nor does a district read the city's.
    const seen = await listSubordinateDecomposition(database.db, {
      viewerOrganisationId: world.city.organisationId,
      organisationId: D,
    });
    expect(seen.superiorTasks.map((t) => t.links.length)).toEqual([3]);
    await expect(
      listSubordinateDecomposition(database.db, { viewerOrganisationId: other, organisationId: D }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      listSubordinateDecomposition(database.db, {
        viewerOrganisationId: D,
        organisationId: world.city.organisationId,
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await verifyAuditChain(database.db)).problems).toEqual([]);
  });

  it('consolidates the approved reports of own units and submits them up as the representative unit', async () => {
    const { D, id } = await receiveAndAccept();
    const decomposed = await decomposeSuperiorTask(database.db, {
      id,
      organisationId: D,
      reportId: world.district.reportId,
      tasks: [{ text: '在宋庄镇新建学校2个。', targets: [{ subject: '新建学校', value: 2, unit: '个' }] }],
      actor: world.actor,
    });
    const own = world.district.tasks[0]!; // 新建学校3个
    await linkSuperiorTask(database.db, { id, organisationId: D, taskIds: [own.id], actor: world.actor });
    const [education, housing] = world.district.unitIds;
    const newTask = decomposed.tasks[0]!;
    await assignTask(database.db, { taskId: own.id, unitId: education, role: 'lead', actor: world.actor });
    await assignTask(database.db, { taskId: newTask.id, unitId: housing, role: 'lead', actor: world.actor });
    await assignTask(database.db, {
      taskId: newTask.id,
      unitId: education,
      role: 'cooperating',
      actor: world.actor,
    });
    const targetOf = async (taskId: number) =>
      (
        await database.db
          .selectFrom('targets')
          .select('id')
          .where('node_id', '=', taskId)
          .executeTakeFirstOrThrow()
      ).id;
    const report = async (
      taskId: number,
      unitId: number,
      narrative: string,
      value: number,
      approve: boolean,
    ) => {
      const saved = await saveProgressReport(database.db, {
        taskId,
        unitId,
        periodId: world.district.periodId,
        narrative,
        percent: 40,
        values: [{ targetId: await targetOf(taskId), value }],
        actor: world.actor,
      });
      const submitted = await submitProgressReport(database.db, {
        id: saved.row.id,
        version: saved.row.version,
        actor: world.actor,
      });
      if (approve)
        await reviewProgressReport(database.db, {
          id: submitted.id,
          version: submitted.version,
          decision: 'approve',
          actor: world.actor,
        });
    };
    await report(own.id, education, '已开工2所。', 2, true);
    await report(newTask.id, housing, '宋庄学校主体结构封顶。', 1, true);
    await report(newTask.id, education, '未审核的内容。', 5, false);

    const up = await consolidateReportUp(database.db, {
      id,
      organisationId: D,
      periodId: world.city.periodId,
    });
    expect(up.draft).toEqual({
      narrative: '区教委：已开工2所。\n区住建委：宋庄学校主体结构封顶。',
      problems: '',
      nextSteps: '',
      percent: 40,
      values: [{ targetId: expect.any(Number), subject: '在副中心', unit: '个', value: 3, summed: 2 }],
    });
    expect(up.gaps).toEqual([
      {
        taskId: newTask.id,
        unitId: education,
        unitName: '区教委',
        status: 'submitted',
        periodId: world.district.periodId,
      },
    ]);
    expect(up.current).toBeNull();
    await expect(
      consolidateReportUp(database.db, { id, organisationId: D, periodId: world.district.periodId }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      consolidateReportUp(database.db, {
        id,
        organisationId: world.otherDistrict.organisationId,
        periodId: world.city.periodId,
      }),
    ).rejects.toMatchObject({ status: 404 });

    // A value for a target of another task is refused and nothing is saved.
    await expect(
      saveReportUp(database.db, {
        id,
        organisationId: D,
        periodId: world.city.periodId,
        narrative: 'x',
        values: [{ targetId: await targetOf(own.id), value: 1 }],
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      (await consolidateReportUp(database.db, { id, organisationId: D, periodId: world.city.periodId }))
        .current,
    ).toBeNull();

    const saved = await saveReportUp(database.db, {
      id,
      organisationId: D,
      periodId: world.city.periodId,
      narrative: up.draft.narrative,
      percent: up.draft.percent,
      values: up.draft.values.map((v) => ({ targetId: v.targetId, value: v.value })),
      actor: world.actor,
    });
    expect(saved.row).toMatchObject({
      unit_id: world.district.representativeUnitId,
      node_id: world.city.tasks[0]!.id,
      period_id: world.city.periodId,
      status: 'draft',
    });
    await expect(
      submitReportUp(database.db, {
        id,
        organisationId: world.otherDistrict.organisationId,
        periodId: world.city.periodId,
        version: saved.row.version,
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const submitted = await submitReportUp(database.db, {
      id,
      organisationId: D,
      periodId: world.city.periodId,
      version: saved.row.version,
      actor: world.actor,
    });
    expect(submitted.row.status).toBe('submitted');
    expect(submitted.values.map((v) => v.value)).toEqual([3]);
    const [after] = await listSuperiorTasks(database.db, { organisationId: D });
    expect(after!.periods).toEqual([
      expect.objectContaining({
        periodId: world.city.periodId,
        progressReportId: submitted.row.id,
        progressStatus: 'submitted',
      }),
    ]);
  });

  it('shows a task the city took back as withdrawn and takes no more writes on it', async () => {
    const { D, id, accepted } = await receiveAndAccept();
    const assignment = await database.db
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', accepted.assignment_id)
      .executeTakeFirstOrThrow();
    await updateAssignment(database.db, {
      id: assignment.id,
      version: assignment.version,
      changes: { archived: true },
      actor: world.actor,
    });
    const view = await findSuperiorTask(database.db, { id, organisationId: D });
    expect(view.withdrawn).toBe(true);
    await expect(
      linkSuperiorTask(database.db, {
        id,
        organisationId: D,
        taskIds: [world.district.tasks[0]!.id],
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      saveReportUp(database.db, {
        id,
        organisationId: D,
        periodId: world.city.periodId,
        narrative: 'x',
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 409 });
    // Assigned again, the same superior task comes back to life (one row per assignment).
    const archived = await database.db
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    const rows = await count('superior_tasks');
    await handDown(database.db, world);
    expect(archived.archived).toBe(1);
    expect(await count('superior_tasks')).toBe(rows);
    expect((await findSuperiorTask(database.db, { id, organisationId: D })).withdrawn).toBe(false);
  });

  it('keeps the decomposed tasks, last, when the district re-imports a revision of its report', async () => {
    const { D, id } = await receiveAndAccept();
    const decomposed = await decomposeSuperiorTask(database.db, {
      id,
      organisationId: D,
      reportId: world.district.reportId,
      tasks: [{ text: '在宋庄镇新建学校2个。', targets: [{ subject: '新建学校', value: 2, unit: '个' }] }],
      actor: world.actor,
    });
    const revised = makeTree('2026年通州区政府工作报告', [
      { title: '办好人民满意的教育', tasks: ['新建学校3个。', '推进集团化办学。', '新增托位500个。'] },
      { title: '提升城市品质', tasks: ['完成老旧小区改造20个。'] },
    ]);
    const merged = await commitMerge(database.db, {
      reportId: world.district.reportId,
      bytes: new TextEncoder().encode(revised.text),
      fileName: 'tongzhou-v2.md',
      tree: revised,
      analyses: analyseForTest,
      actor: world.actor,
      organisationId: D,
    });
    expect(merged.archived).toEqual([]);
    const nodes = await database.db
      .selectFrom('nodes')
      .select(['id', 'title', 'archived', 'position'])
      .where('report_id', '=', world.district.reportId)
      .orderBy('position')
      .execute();
    expect(nodes.filter((n) => n.archived === 1)).toEqual([]);
    expect(nodes.slice(-2).map((n) => n.title)).toEqual([SUPERIOR_TASKS_AREA, '在宋庄镇新建学校2个。']);
    expect(nodes.slice(-1)[0]!.id).toBe(decomposed.tasks[0]!.id);
    expect(nodes.map((n) => n.title)).toContain('完成老旧小区改造20个。');
    const view = await findSuperiorTask(database.db, { id, organisationId: D });
    expect(view.links.map((l) => [l.text, l.archived])).toEqual([['在宋庄镇新建学校2个。', false]]);
  });

  it('lets only the superior office make a unit represent one of its own subordinates, once', async () => {
    const unit = await database.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', world.district.unitIds[0])
      .executeTakeFirstOrThrow();
    // The district's unit cannot stand for a sibling district, nor can the city's for a district twice.
    await expect(
      representOrganisation(database.db, {
        unitId: unit.id,
        organisationId: world.district.organisationId,
        version: unit.version,
        representsOrganisationId: world.otherDistrict.organisationId,
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ code: 'not_subordinate' });
    await expect(
      representOrganisation(database.db, {
        unitId: unit.id,
        organisationId: world.city.organisationId,
        version: unit.version,
        representsOrganisationId: world.district.organisationId,
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const rep = await database.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', world.otherDistrict.representativeUnitId)
      .executeTakeFirstOrThrow();
    await expect(
      representOrganisation(database.db, {
        unitId: rep.id,
        organisationId: world.city.organisationId,
        version: rep.version,
        representsOrganisationId: world.district.organisationId,
        actor: world.actor,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('matchingPeriod', () => {
  const quarter = { starts_on: '2026-01-01', ends_on: '2026-03-31' };
  it('takes the period with the same dates, else the latest one within them, else none', () => {
    const months = [
      { id: 1, starts_on: '2026-01-01', ends_on: '2026-01-31' },
      { id: 2, starts_on: '2026-03-01', ends_on: '2026-03-31' },
      { id: 3, starts_on: '2026-02-01', ends_on: '2026-02-28' },
    ];
    expect(matchingPeriod(months, quarter)?.id).toBe(2);
    expect(matchingPeriod([...months, { id: 4, ...quarter }], quarter)?.id).toBe(4);
    expect(matchingPeriod([{ id: 5, starts_on: '2026-04-01', ends_on: '2026-06-30' }], quarter)).toBeNull();
  });
});
