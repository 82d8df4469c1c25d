import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { badInput } from '../../core/errors.js';
import { createUser } from '../../store/accounts/manage-users.js';
import { assignTask } from '../../store/assignments/assign-task.js';
import { type Actor, CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { acceptSuperiorTask } from '../../store/cascade/accept-superior-task.js';
import { decomposeSuperiorTask } from '../../store/cascade/decompose-superior-task.js';
import { linkSuperiorTask } from '../../store/cascade/link-superior-task.js';
import { listSuperiorTasks } from '../../store/cascade/list-superior-tasks.js';
import { representOrganisation } from '../../store/cascade/represent-organisation.js';
import { importReport } from '../../store/import-report.js';
import { findRootOrganisationId } from '../../store/organisations/find-root-organisation.js';
import { nameOrganisationWithSub } from '../../store/organisations/name-organisation-with-sub.js';
import { createReportingPeriod } from '../../store/periods/create-reporting-period.js';
import { reviewProgressReport, submitProgressReport } from '../../store/progress/review-progress-report.js';
import { saveProgressReport } from '../../store/progress/save-progress-report.js';
import { hasAnyReport } from '../../store/reports/has-any-report.js';
import { publishReport } from '../../store/reports/publish-report.js';
import type { Database, UserRole } from '../../store/schema.js';
import { listReportTasks } from '../../store/tasks/list-report-tasks.js';
import { createUnit } from '../../store/units/create-unit.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { analyzeReportFile } from '../imports/analyze-report-file.js';
import { SAMPLE_REPORT } from '../sample-report.js';

/** Beijing's 2026 work report as shipped with the package (a copy of the corpus file). */
export const CITY_REPORT = fileURLToPath(
  new URL('../../../examples/beijing-2026-work-report.txt', import.meta.url),
);

const CITY = '北京市人民政府';
const DISTRICT = '北京市通州区人民政府（北京城市副中心）';
/** The unit that stands for the district in the city's ledger. */
const DISTRICT_UNIT = '通州区政府';
const CITY_UNITS = ['市发展改革委', '市教委', '市交通委', '市生态环境局'];
const DISTRICT_UNITS = ['区发展改革委', '区教委', '区交通局', '区生态环境局'];
/** City tasks handed down to the district: those naming it, at most this many. */
const HANDED_DOWN = 5;

export interface DemoAccount {
  username: string;
  password: string;
  role: UserRole;
  organisation: string;
  unit: string | null;
}

export interface CascadeDemo {
  cityOrganisationId: number;
  districtOrganisationId: number;
  cityReportId: number;
  districtReportId: number;
  cityPeriodId: number;
  districtPeriodId: number;
  /** 通州区政府 in the city's ledger. */
  districtUnitId: number;
  superiorTaskIds: number[];
  accounts: DemoAccount[];
}

/** Character pairs of a text, for a rough likeness between a city task and the district's own. */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[\s，。；、：“”（）《》]/g, ''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function likeness(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const pair of a) if (b.has(pair)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

async function importOwned(
  db: Kysely<Database>,
  file: string,
  organisationId: number,
  issuer: string,
  actor: Actor,
): Promise<number> {
  const bytes = new Uint8Array(await readFile(file));
  const name = file.slice(file.lastIndexOf('/') + 1);
  const analyzed = await analyzeReportFile(bytes, name);
  const { reportId } = await importReport(db, {
    bytes,
    fileName: name,
    tree: analyzed.tree,
    analyses: analyzed.analyze,
    actor,
    organisationId,
    issuer,
  });
  await publishReport(db, reportId, actor);
  return reportId;
}

/**
 * `luoshi demo cascade` — two levels of government in an empty database, so a new user sees the
 * cascade (issue #17) at once: 北京市人民政府 owns Beijing's 2026 work report, its sub-organisation
 * 通州区 (北京城市副中心) owns the sample report. The city's tasks that name the sub-center are
 * assigned to 通州区政府, the unit standing for the district in the city's ledger, and handed down:
 * the district office has accepted them, linked most to its own tasks, decomposed one into two new
 * tasks given to its units (one reported and approved, so the report up has a draft), and left the
 * last one pending in its inbox. Both have a monthly period open for `month` (YYYY-MM) and users
 * (office, leader; the district also a unit head), whose passwords are returned once.
 */
export async function loadCascadeDemo(
  db: Kysely<Database>,
  options: { month: string; actor?: Actor; password?: string },
): Promise<CascadeDemo> {
  const actor = options.actor ?? CLI_ACTOR;
  if (await hasAnyReport(db)) {
    throw badInput(
      'not_empty',
      'luoshi demo cascade needs a database without reports (use a new DATA_DIR)',
      'luoshi demo cascade 须在没有报告的数据库中运行（请使用新的 DATA_DIR）',
    );
  }
  // 1. The city is the root organisation; the district is created under it.
  const cityId = await findRootOrganisationId(db);
  const districtId = await nameOrganisationWithSub(db, {
    organisationId: cityId,
    name: CITY,
    level: 'city',
    sub: { name: DISTRICT, level: 'district' },
    actor,
  });

  // 2. Each government's report, units and open period.
  const cityReportId = await importOwned(db, CITY_REPORT, cityId, CITY, actor);
  const districtReportId = await importOwned(db, SAMPLE_REPORT, districtId, '北京城市副中心', actor);
  const districtUnit = await createUnit(db, { name: DISTRICT_UNIT, organisationId: cityId, actor });
  const represented = await representOrganisation(db, {
    unitId: districtUnit.id,
    organisationId: cityId,
    version: districtUnit.version,
    representsOrganisationId: districtId,
    actor,
  });
  const cityUnits = [];
  for (const name of CITY_UNITS)
    cityUnits.push(await createUnit(db, { name, organisationId: cityId, actor }));
  const districtUnits = [];
  for (const name of DISTRICT_UNITS) {
    districtUnits.push(await createUnit(db, { name, organisationId: districtId, actor }));
  }
  const cityPeriod = await createReportingPeriod(db, {
    reportId: cityReportId,
    label: options.month,
    open: true,
    actor,
  });
  const districtPeriod = await createReportingPeriod(db, {
    reportId: districtReportId,
    label: options.month,
    open: true,
    actor,
  });

  // 3. The city assigns: tasks naming the sub-center go to 通州区政府, a few others to city units.
  const cityTasks = await listReportTasks(db, cityReportId);
  const naming = cityTasks.filter((task) => /城市副中心|副中心|通州/.test(task.text)).slice(0, HANDED_DOWN);
  const handed = naming.length > 0 ? naming : cityTasks.slice(0, HANDED_DOWN);
  const deadline = `${options.month.slice(0, 4)}-12-31`;
  for (const [k, task] of handed.entries()) {
    await assignTask(db, {
      taskId: task.id,
      unitId: represented.id,
      role: 'lead',
      leadOfficial: k % 2 === 0 ? '分管副市长（城市副中心）' : '分管副市长（城市建设）',
      deadline: task.deadline_date ?? deadline,
      actor,
    });
  }
  const others = cityTasks.filter((task) => !handed.includes(task)).slice(0, cityUnits.length * 2);
  for (const [k, task] of others.entries()) {
    await assignTask(db, {
      taskId: task.id,
      unitId: cityUnits[k % cityUnits.length]!.id,
      role: 'lead',
      deadline: task.deadline_date ?? deadline,
      actor,
    });
  }

  // 4. The district office, which received them as they were assigned, accepts all but the last,
  // links or decomposes.
  const received = await listSuperiorTasks(db, { organisationId: districtId });
  const districtTasks = (await listReportTasks(db, districtReportId)).map((task) => ({
    ...task,
    pairs: bigrams(task.text),
  }));
  let decomposedTaskIds: number[] = [];
  for (const [k, superior] of received.entries()) {
    if (k === received.length - 1 && received.length > 1) break; // left pending in the inbox
    await acceptSuperiorTask(db, {
      id: superior.id,
      organisationId: districtId,
      version: superior.version,
      referenceNumber: `市折子工程〔${options.month.slice(0, 4)}〕${String(k + 1).padStart(2, '0')}号`,
      actor,
    });
    if (k === 0) {
      const result = await decomposeSuperiorTask(db, {
        id: superior.id,
        organisationId: districtId,
        reportId: districtReportId,
        tasks: [
          { text: `落实市级任务：制定本区实施方案，明确责任单位和时间节点。`, deadline },
          { text: `落实市级任务：按月调度推进，形成阶段性成果并报送进展。`, deadline },
        ],
        actor,
      });
      decomposedTaskIds = result.tasks.map((task) => task.id);
      continue;
    }
    const pairs = bigrams(superior.source.taskText);
    const best = [...districtTasks]
      .sort((a, b) => likeness(pairs, b.pairs) - likeness(pairs, a.pairs))
      .slice(0, 2)
      .map((task) => task.id);
    await linkSuperiorTask(db, { id: superior.id, organisationId: districtId, taskIds: best, actor });
  }

  // 5. The district gives the decomposed tasks to its units; the first reports, the office approves.
  for (const [k, taskId] of decomposedTaskIds.entries()) {
    await assignTask(db, {
      taskId,
      unitId: districtUnits[k % districtUnits.length]!.id,
      role: 'lead',
      leadOfficial: '分管副区长',
      deadline,
      actor,
    });
  }
  if (decomposedTaskIds[0] !== undefined) {
    const saved = await saveProgressReport(db, {
      taskId: decomposedTaskIds[0],
      unitId: districtUnits[0]!.id,
      periodId: districtPeriod.id,
      narrative: '已制定本区实施方案，明确了责任单位和时间节点，正在组织实施。',
      problems: '',
      nextSteps: '按月调度，跟踪重点项目进度。',
      percent: 40,
      actor,
    });
    const submitted = await submitProgressReport(db, { id: saved.row.id, version: saved.row.version, actor });
    await reviewProgressReport(db, {
      id: submitted.id,
      version: submitted.version,
      decision: 'approve',
      actor,
    });
  }

  // 6. People of both offices.
  const accounts: DemoAccount[] = [];
  const people: {
    username: string;
    displayName: string;
    role: UserRole;
    organisationId: number;
    unit?: number;
  }[] = [
    { username: 'bj-office', displayName: '北京市政府督查室', role: 'admin', organisationId: cityId },
    { username: 'bj-leader', displayName: '北京市政府领导', role: 'leader', organisationId: cityId },
    { username: 'tz-office', displayName: '通州区政府督查室', role: 'admin', organisationId: districtId },
    { username: 'tz-leader', displayName: '通州区政府领导', role: 'leader', organisationId: districtId },
    {
      username: 'tz-unit',
      displayName: `${DISTRICT_UNITS[0]}负责人`,
      role: 'unit_head',
      organisationId: districtId,
      unit: districtUnits[0]!.id,
    },
  ];
  for (const person of people) {
    const password = options.password ?? generatePassword();
    await createUser(db, {
      username: person.username,
      displayName: person.displayName,
      passwordHash: await hashPassword(password),
      role: person.role,
      unitId: person.unit ?? null,
      organisationId: person.organisationId,
    });
    accounts.push({
      username: person.username,
      password,
      role: person.role,
      organisation: person.organisationId === cityId ? CITY : DISTRICT,
      unit: person.unit === undefined ? null : (DISTRICT_UNITS[0] ?? null),
    });
  }

  return {
    cityOrganisationId: cityId,
    districtOrganisationId: districtId,
    cityReportId,
    districtReportId,
    cityPeriodId: cityPeriod.id,
    districtPeriodId: districtPeriod.id,
    districtUnitId: represented.id,
    superiorTaskIds: received.map((task) => task.id),
    accounts,
  };
}
