import type { Kysely } from 'kysely';
import { assignTask } from '../assignments/assign-task.js';
import { type Actor, CLI_ACTOR } from '../audit/append-audit-event.js';
import { importReport } from '../import-report.js';
import { createReportingPeriod } from '../periods/create-reporting-period.js';
import { getReportTree, type StoredTask } from '../reports/get-report-tree.js';
import type { Database } from '../schema.js';
import { analyseForTest, makeTree, type OutlineArea } from '../test-trees.js';
import { createUnit } from '../units/create-unit.js';
import { representOrganisation } from './represent-organisation.js';

/**
 * Two levels of government for cascade tests: a city with its report, a 2026-Q1 period and two
 * districts, each represented in the city's ledger by a unit (通州区政府, 顺义区政府); the first
 * district (通州) has its own report, period and two units. Nothing is handed down yet.
 */
export interface CascadeWorld {
  actor: Actor;
  city: { organisationId: number; reportId: number; periodId: number; tasks: StoredTask[] };
  district: {
    organisationId: number;
    /** 通州区政府 in the city's ledger. */
    representativeUnitId: number;
    reportId: number;
    periodId: number;
    tasks: StoredTask[];
    /** 区教委, 区住建委. */
    unitIds: [number, number];
  };
  /** 顺义: a second district, with a unit in the city's ledger only. */
  otherDistrict: { organisationId: number; representativeUnitId: number };
}

const CITY_OUTLINE: OutlineArea[] = [
  {
    title: '推动城市副中心高质量发展',
    tasks: ['在副中心新建学校8个。', '推进副中心站综合交通枢纽建设。'],
  },
];

const DISTRICT_OUTLINE: OutlineArea[] = [
  { title: '办好人民满意的教育', tasks: ['新建学校3个。', '推进集团化办学。'] },
];

async function importTree(
  db: Kysely<Database>,
  title: string,
  outline: OutlineArea[],
  organisationId: number,
  actor: Actor,
) {
  const tree = makeTree(title, outline);
  const { reportId } = await importReport(db, {
    bytes: new TextEncoder().encode(tree.text),
    fileName: `${title}.md`,
    tree,
    analyses: analyseForTest,
    actor,
  });
  await db
    .updateTable('reports')
    .set({ organisation_id: organisationId, year: 2026 })
    .where('id', '=', reportId)
    .execute();
  const stored = await getReportTree(db, reportId);
  const tasks = stored.areas.flatMap((a) => [...a.measures.flatMap((m) => m.tasks), ...a.tasks]);
  return { reportId, tasks };
}

async function addOrganisation(db: Kysely<Database>, name: string, parentId: number | null) {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('organisations')
    .values({
      name,
      level: parentId === null ? 'city' : 'district',
      parent_id: parentId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Builds the CascadeWorld in an empty database. */
export async function seedCascade(db: Kysely<Database>, actor: Actor = CLI_ACTOR): Promise<CascadeWorld> {
  const cityId = await addOrganisation(db, '北京市人民政府', null);
  const districtId = await addOrganisation(db, '北京市通州区人民政府', cityId);
  const otherId = await addOrganisation(db, '北京市顺义区人民政府', cityId);
  const city = await importTree(db, '2026年北京市政府工作报告', CITY_OUTLINE, cityId, actor);
  const district = await importTree(db, '2026年通州区政府工作报告', DISTRICT_OUTLINE, districtId, actor);
  const representative = async (name: string, organisationId: number) => {
    const unit = await createUnit(db, { name, organisationId: cityId, actor });
    return (
      await representOrganisation(db, {
        unitId: unit.id,
        organisationId: cityId,
        version: unit.version,
        representsOrganisationId: organisationId,
        actor,
      })
    ).id;
  };
  const representativeUnitId = await representative('通州区政府', districtId);
  const otherRepresentativeId = await representative('顺义区政府', otherId);
  const education = await createUnit(db, { name: '区教委', organisationId: districtId, actor });
  const housing = await createUnit(db, { name: '区住建委', organisationId: districtId, actor });
  const cityPeriod = await createReportingPeriod(db, {
    reportId: city.reportId,
    label: '2026-Q1',
    open: true,
    actor,
  });
  const districtPeriod = await createReportingPeriod(db, {
    reportId: district.reportId,
    label: '2026-Q1',
    open: true,
    actor,
  });
  return {
    actor,
    city: { organisationId: cityId, reportId: city.reportId, periodId: cityPeriod.id, tasks: city.tasks },
    district: {
      organisationId: districtId,
      representativeUnitId,
      reportId: district.reportId,
      periodId: districtPeriod.id,
      tasks: district.tasks,
      unitIds: [education.id, housing.id],
    },
    otherDistrict: { organisationId: otherId, representativeUnitId: otherRepresentativeId },
  };
}

/** The city hands its first task (新建学校8个) down to 通州 as lead unit, with 牵头领导 and deadline. */
export async function handDown(db: Kysely<Database>, world: CascadeWorld) {
  return assignTask(db, {
    taskId: world.city.tasks[0]!.id,
    unitId: world.district.representativeUnitId,
    role: 'lead',
    leadOfficial: '王副市长',
    deadline: '2026-11-30',
    actor: world.actor,
  });
}
