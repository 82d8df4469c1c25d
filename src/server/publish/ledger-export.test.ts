import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { openPeriod, reportProgress } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';
import { LEDGER_EXPORTS_PER_MINUTE } from './document-routes.js';

interface ListedTask {
  id: number;
  text: string;
  areaId: number;
  areaLabel: string | null;
  areaTitle: string;
  status: { deadline: string; deadlineSource: 'assignment' | 'task' | 'year_end' };
}

const AT = '2026-06-30';

/** Row numbers of a task sheet: a title, the header, then the tasks. */
const FIRST_TASK_ROW = 3;

/** The texts of one column (by its header) of a task sheet, top to bottom. */
function columnTexts(sheet: ExcelJS.Worksheet | undefined, heading: string): string[] {
  if (!sheet) throw new Error('missing sheet');
  const header = sheet.getRow(FIRST_TASK_ROW - 1);
  let column = 0;
  header.eachCell((cell, at) => {
    if (cell.text === heading) column = at;
  });
  expect(column, heading).toBeGreaterThan(0);
  const texts: string[] = [];
  for (let row = FIRST_TASK_ROW; row <= sheet.rowCount; row += 1) {
    texts.push(sheet.getRow(row).getCell(column).text);
  }
  return texts;
}

/** The task texts of a task sheet, top to bottom. */
const taskTexts = (sheet: ExcelJS.Worksheet | undefined) => columnTexts(sheet, '任务');

/**
 * GET /api/reports/:id/ledger.xlsx writes exactly what the ledger list (GET …/tasks) shows the
 * reader under the same query, over all its pages: filters, order, a unit's scope, flags.
 * The workbooks are read back with ExcelJS. Both backends.
 */
describe.each(DIALECTS)('台账 export of the ledger list on %s', (dialect) => {
  let world: TestWorld;
  let reportId: number;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: AT });
    reportId = world.reportId;
    // Unit A leads one task (due in September) and cooperates on another; unit B leads a third,
    // overdue since March.
    const admin = await world.client('admin');
    for (const [taskId, unitId, role, deadline] of [
      [world.taskIds[2]!, world.units.A, 'lead', '2026-09-30'],
      [world.taskIds[30]!, world.units.A, 'cooperating', null],
      [world.taskIds[60]!, world.units.B, 'lead', '2026-03-31'],
    ] as const) {
      const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, { unitId, role, deadline });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Every task the list shows this client under the query, over all pages. */
  const listed = async (client: TestClient, query: string): Promise<ListedTask[]> => {
    const tasks: ListedTask[] = [];
    for (let offset = 0; ; offset += 20) {
      const response = await client.get(`/api/reports/${reportId}/tasks?${query}&offset=${offset}&limit=20`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ total: number; tasks: ListedTask[] }>();
      tasks.push(...page.tasks);
      if (tasks.length >= page.total) return tasks;
    }
  };

  /** The export for this client under the query, as a workbook. */
  const exported = async (client: TestClient, query: string): Promise<ExcelJS.Workbook> => {
    const response = await world.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/ledger.xlsx?${query}`,
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      remoteAddress: client.remoteAddress,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };

  it('writes the whole report, every area, in reading order without a query', async () => {
    const admin = await world.client('admin');
    const workbook = await exported(admin, '');
    const all = await listed(admin, `at=${AT}`);
    expect(all.map((t) => t.id)).toEqual(world.taskIds);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['汇总', '任务清单']);
    expect(taskTexts(workbook.getWorksheet('任务清单'))).toEqual(all.map((t) => t.text));
    const areaIds = [...new Set(all.map((t) => t.areaId))];
    expect(workbook.worksheets).toHaveLength(2 + areaIds.length);
    // Each area's sheet holds its tasks, in reading order.
    areaIds.forEach((areaId, i) => {
      expect(taskTexts(workbook.worksheets[2 + i])).toEqual(
        all.filter((t) => t.areaId === areaId).map((t) => t.text),
      );
    });
    const summary = workbook.getWorksheet('汇总');
    // The whole ledger says no more than its date.
    expect(summary?.getCell('A2').text).toBe('统计截至 2026年6月30日');
    expect(summary?.getRow(4 + areaIds.length).getCell(3).value).toBe(world.taskIds.length);
  });

  it('writes the deadline each status was judged against, marking the year-end default', async () => {
    const admin = await world.client('admin');
    const all = await listed(admin, `at=${AT}`);
    const deadlines = columnTexts((await exported(admin, `at=${AT}`)).getWorksheet('任务清单'), '完成时限');
    expect(deadlines).toHaveLength(all.length);
    // The assignment's deadline wins; a task nobody gave one is due at the report year's end.
    expect(deadlines[all.findIndex((t) => t.id === world.taskIds[2])]).toBe('2026年9月30日');
    expect(deadlines[all.findIndex((t) => t.id === world.taskIds[60])]).toBe('2026年3月31日');
    const yearEnd = all.findIndex((t) => t.status.deadlineSource === 'year_end');
    expect(yearEnd).toBeGreaterThanOrEqual(0);
    expect(deadlines[yearEnd]).toBe('2026年12月31日（默认）');
    // Every row as the list judges it: never blank.
    all.forEach((task, i) => {
      const [y, m, d] = task.status.deadline.split('-').map(Number);
      const marked = task.status.deadlineSource === 'year_end' ? '（默认）' : '';
      expect(deadlines[i], task.text).toBe(`${y}年${m}月${d}日${marked}`);
    });
  });

  it('writes exactly the tasks the list shows under its filters and order, over all pages', async () => {
    const admin = await world.client('admin');
    const [taskA, taskB] = [world.taskIds[2]!, world.taskIds[30]!];
    const all = await listed(admin, `at=${AT}`);
    const secondArea = [...new Set(all.map((t) => t.areaId))][1]!;
    const queries = [
      `area=${secondArea}`,
      `area=${secondArea}&sort=deadline`,
      'sort=deadline',
      'sort=status&light=red',
      `unit=${world.units.A}`,
      'q=学位',
      'overdue=1',
    ];
    for (const query of queries) {
      const shown = await listed(admin, `at=${AT}&${query}`);
      const workbook = await exported(admin, `at=${AT}&${query}`);
      expect(taskTexts(workbook.getWorksheet('任务清单')), query).toEqual(shown.map((t) => t.text));
      // Only the areas with a task in the list get a sheet, each with its tasks in the list's order.
      const areaIds = [...new Set(all.filter((t) => shown.some((s) => s.id === t.id)).map((t) => t.areaId))];
      expect(workbook.worksheets.length, query).toBe(2 + areaIds.length);
      areaIds.forEach((areaId, i) => {
        expect(taskTexts(workbook.worksheets[2 + i]), query).toEqual(
          shown.filter((t) => t.areaId === areaId).map((t) => t.text),
        );
      });
    }
    // The summary names the filters and the order.
    const described = await exported(
      admin,
      `at=${AT}&area=${secondArea}&status=not_started&q=学位&sort=deadline`,
    );
    const area = all.find((t) => t.areaId === secondArea)!;
    expect(described.getWorksheet('汇总')?.getCell('A2').text).toBe(
      `导出范围：工作领域 ${area.areaLabel ?? ''}${area.areaTitle}；未启动；关键词“学位”；按完成时限排序`,
    );
    // The unit filter and the keyword each keep a proper part of the report.
    expect((await listed(admin, `at=${AT}&unit=${world.units.A}`)).map((t) => t.id)).toEqual([taskA, taskB]);
    const keyword = await listed(admin, `at=${AT}&q=学位`);
    expect(keyword.length).toBeGreaterThan(0);
    expect(keyword.length).toBeLessThan(all.length);
    // Sorted by deadline, the whole list leaves reading order; B's overdue task is listed as such.
    const byDeadline = await listed(admin, `at=${AT}&sort=deadline`);
    expect(byDeadline.slice(0, 2).map((t) => t.id)).toEqual([world.taskIds[60]!, taskA]);
    expect((await listed(admin, `at=${AT}&overdue=1`)).map((t) => t.id)).toContain(world.taskIds[60]!);
  });

  it("gives a unit's people their unit's tasks only, as the list shows them", async () => {
    const reporterA = await world.client('reporterA');
    const headB = await world.client('headB');
    const mine = await listed(reporterA, `at=${AT}`);
    expect(mine.map((t) => t.id)).toEqual([world.taskIds[2]!, world.taskIds[30]!]);
    const workbook = await exported(reporterA, `at=${AT}`);
    expect(taskTexts(workbook.getWorksheet('任务清单'))).toEqual(mine.map((t) => t.text));
    const areaCount = new Set(mine.map((t) => t.areaId)).size;
    expect(workbook.worksheets).toHaveLength(2 + areaCount);
    // The summary says which part of the ledger this is, above the date.
    const summary = workbook.getWorksheet('汇总');
    expect(summary?.getCell('A2').text).toBe('导出范围：本单位牵头或配合的任务');
    expect(summary?.getCell('A3').text).toBe('统计截至 2026年6月30日');
    const total = summary?.getRow(5 + areaCount);
    expect(total?.getCell(2).text).toBe('合计');
    expect(total?.getCell(3).value).toBe(2);
    // No other task's text is anywhere in the workbook.
    const others = (await listed(await world.client('admin'), `at=${AT}`))
      .filter((t) => !mine.some((m) => m.id === t.id))
      .map((t) => t.text);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(others).not.toContain(cell.text);
        });
      });
    }
    // Filters narrow within the unit's part; another unit's filter finds nothing of it.
    const theirs = await exported(headB, `at=${AT}&unit=${world.units.A}`);
    expect(taskTexts(theirs.getWorksheet('任务清单'))).toEqual([]);
    expect(taskTexts((await exported(headB, `at=${AT}`)).getWorksheet('任务清单'))).toEqual(
      (await listed(headB, `at=${AT}`)).map((t) => t.text),
    );
  });

  it('follows the 领导关注 filter as the list does: flagged tasks for the office, none for a unit', async () => {
    const leader = await world.client('leader');
    const reporterA = await world.client('reporterA');
    for (const taskId of [world.taskIds[30]!, world.taskIds[5]!]) {
      const flagged = await leader.post(`/api/tasks/${taskId}/flag`, {});
      expect(flagged.statusCode, flagged.body).toBe(200);
    }
    const shown = await listed(leader, `at=${AT}&flagged=1`);
    expect(shown.map((t) => t.id)).toEqual([world.taskIds[5]!, world.taskIds[30]!]);
    expect(taskTexts((await exported(leader, `at=${AT}&flagged=1`)).getWorksheet('任务清单'))).toEqual(
      shown.map((t) => t.text),
    );
    expect(taskTexts((await exported(reporterA, `at=${AT}&flagged=1`)).getWorksheet('任务清单'))).toEqual([]);
  });

  it('gives visitors the published plan with approved progress only, as the list counts it', async () => {
    const taskId = world.taskIds[2]!;
    const [april, may] = [await openPeriod(world, '2026-04'), await openPeriod(world, '2026-05')];
    await reportProgress(world, {
      unit: 'A',
      periodId: april,
      taskId,
      narrative: '四月进展已审核',
      until: 'approved',
    });
    await reportProgress(world, {
      unit: 'A',
      periodId: may,
      taskId,
      narrative: '五月进展待审核',
      until: 'submitted',
    });
    const narrativeOf = async (client: TestClient) => {
      const list = (await exported(client, `at=${AT}&unit=${world.units.A}`)).getWorksheet('任务清单');
      expect(taskTexts(list)).toEqual(
        (await listed(client, `at=${AT}&unit=${world.units.A}`)).map((t) => t.text),
      );
      return columnTexts(list, '进展情况')[0];
    };
    expect(await narrativeOf(await world.client('admin'))).toBe('五月进展待审核');
    expect(await narrativeOf(await world.client('reporterA'))).toBe('五月进展待审核');
    const visitor = await world.client();
    expect(await narrativeOf(visitor)).toBe('四月进展已审核');
    expect(taskTexts((await exported(visitor, '')).getWorksheet('任务清单'))).toHaveLength(
      world.taskIds.length,
    );
  });

  it('limits the exports one address asks for in a minute', async () => {
    const visitor = await world.client();
    // An area of no task: a small workbook, quick to write.
    const url = `/api/reports/${reportId}/ledger.xlsx?at=${AT}&area=999999`;
    for (let i = 0; i < LEDGER_EXPORTS_PER_MINUTE; i += 1) {
      expect((await visitor.get(url)).statusCode).not.toBe(429);
    }
    const refused = await visitor.get(url);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    // Another address is not held back.
    expect((await (await world.client()).get(url)).statusCode).toBe(200);
  });

  it('refuses a bad filter with a 400 naming the field, as the list does', async () => {
    const leader = await world.client('leader');
    for (const [query, field] of [
      ['status=late', 'querystring.status'],
      ['sort=name', 'querystring.sort'],
      ['unit=x', 'querystring.unit'],
      ['at=2026-6-30', 'querystring.at'],
      ['overdue=yes', 'querystring.overdue'],
    ] as const) {
      const response = await leader.get(`/api/reports/${reportId}/ledger.xlsx?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json<{ code: string; fields: { path: string }[] }>();
      expect(body.code, query).toBe('validation_failed');
      expect(
        body.fields.map((f) => f.path),
        query,
      ).toContain(field);
    }
  });
});
