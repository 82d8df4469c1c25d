import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_AREAS, PLAN_TITLE } from '../../test-data/division/plan-rows.js';
import { parseDivisionPlan } from '../core/division/index.js';
import { readDivisionBytes } from './division.js';

const FIXTURES = new URL('../../test-data/division/', import.meta.url);

async function parseFixture(name: string, year = 2020) {
  const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
  return parseDivisionPlan(await readDivisionBytes(bytes, name), { year });
}

const expected = PLAN_AREAS.flatMap((area) =>
  area.rows.map((row) => ({
    area: area.heading,
    text: row.text,
    lead: row.lead,
    cooperating: row.cooperating,
  })),
);

describe('readDivisionBytes + parseDivisionPlan on every fixture shape', () => {
  it.each([
    ['plan-labelled.txt', 'paragraphs'],
    ['plan-short.gb18030.txt', 'paragraphs'],
    ['plan-paragraphs.docx', 'paragraphs'],
    ['plan-table.docx', 'table'],
    ['plan-sheet.xlsx', 'table'],
  ])('%s: every row with its area, units, leaders and a dated deadline', async (name, layout) => {
    const plan = await parseFixture(name);
    expect(plan.title).toBe(PLAN_TITLE);
    // The year comes from the title, not from the caller's 2020.
    expect(plan.year).toBe(2026);
    expect(plan.layout).toBe(layout);
    expect(plan.rows.map(({ area, text, lead, cooperating }) => ({ area, text, lead, cooperating }))).toEqual(
      expected,
    );
    expect(plan.rows.map((row) => row.seq)).toEqual(expected.map((_, i) => String(i + 1)));
    expect(plan.rows.flatMap((row) => row.problems)).toEqual([]);
    const first = plan.rows[0];
    expect(first?.deadline).toBe('2026-12-31');
    if (name !== 'plan-short.gb18030.txt' && name !== 'plan-paragraphs.docx') {
      // Every row of these shapes states its leader and deadline.
      expect(plan.rows.every((row) => row.leaders.length === 1)).toBe(true);
      expect(plan.rows.map((row) => row.deadlineText)).toEqual(
        PLAN_AREAS.flatMap((area) => area.rows.map((row) => row.deadline)),
      );
    }
  });

  it('reads deadlines of every form against the title year: 三季度末, 上半年, 长期坚持 …', async () => {
    const plan = await parseFixture('plan-sheet.xlsx');
    const byText = new Map(plan.rows.map((row) => [row.deadlineText, row.deadline]));
    expect(Object.fromEntries(byText)).toEqual({
      '2026年12月底': '2026-12-31',
      三季度末: '2026-09-30',
      持续推进: null,
      长期坚持: null,
      年底前: '2026-12-31',
      '12月底前': '2026-12-31',
      全年: '2026-12-31',
      上半年: '2026-06-30',
      '2026年8月底': '2026-08-31',
      '2026年10月底': '2026-10-31',
    });
  });

  it('refuses a report that is no 分工方案 with not_division_plan', async () => {
    await expect(parseFixture('not-a-plan.txt')).rejects.toMatchObject({
      code: 'not_division_plan',
      status: 400,
    });
  });

  it('refuses a broken workbook with bad_xlsx', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('plan-sheet.xlsx', FIXTURES)));
    const broken = bytes.slice(0, 2000);
    await expect(readDivisionBytes(broken, 'broken.xlsx')).rejects.toMatchObject({ status: 400 });
  });
});
