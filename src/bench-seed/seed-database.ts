import { sql } from 'kysely';
import { analyzeTask } from '../core/extract/index.js';
import type { TaskNode } from '../core/report-tree.js';
import type { TaskAnalysis } from '../core/target.js';
import { appendAuditEvent, CLI_ACTOR } from '../store/audit/append-audit-event.js';
import { type BulkRow, insertRows } from '../store/bulk-insert.js';
import type { DatabaseHandle } from '../store/database.js';
import { importReport } from '../store/import-report.js';
import { findRootOrganisationId } from '../store/organisations/find-root-organisation.js';
import { indexReport } from '../store/search/index-report.js';
import { writeTransaction } from '../store/write-transaction.js';
import { loadCorpusPools } from './corpus-pools.js';
import { leadOfficial, placeName, SEED_CITY, unitName } from './places-and-units.js';
import { progressRowsForPair, type SeedPeriod, type SeedTarget } from './progress-rows.js';
import { createRandom } from './random.js';
import {
  createCityAndDistricts,
  DISTRICT_LEAD_SHARE,
  type HandedDown,
  type SeededOrganisations,
  superiorTaskRows,
} from './seed-organisations.js';
import { synthesizeReport } from './synth-report.js';

/** How much to generate (`luoshi bench seed` flags). */
export interface SeedOptions {
  /** Tasks over all work reports (150,000 at province scale). */
  tasks: number;
  /** Progress-report rows (2,000,000 at province scale). */
  progressReports: number;
  /** 承办单位 over all governments (2,000). */
  units: number;
  /** Monthly reporting periods per work report, from January of `year`. */
  periods: number;
  /** Work reports (governments): the province, its cities, then districts and counties. */
  workReports: number;
  year: number;
  /** PRNG seed: the same options and seed give the same data. */
  seed: number;
  /**
   * `--orgs N`: a city (the root organisation) and N districts under it instead of one
   * government's many plans. The work reports and units are spread over the N + 1 governments
   * (report r belongs to government r mod (N + 1)); the city has a unit standing for each
   * district, and some of the city's tasks are led by those units (上级交办任务, most accepted
   * and linked to district tasks). Absent or 0: the province layout, everything in the root.
   */
  organisations?: number;
}

export interface SeedSummary {
  reportIds: number[];
  tasks: number;
  targets: number;
  units: number;
  assignments: number;
  periods: number;
  progressReports: number;
  progressValues: number;
  /** Governments the data belongs to (1 without `--orgs`). */
  organisations: number;
  /** 上级交办任务 rows (city tasks handed down to districts). */
  superiorTasks: number;
  seconds: number;
}

/** The default province scale of issue 10. */
export const PROVINCE_SCALE: SeedOptions = {
  tasks: 150_000,
  progressReports: 2_000_000,
  units: 2_000,
  periods: 12,
  workReports: 150,
  year: 2026,
  seed: 20260101,
};

const BATCH_ROWS = 20_000;
const MILESTONE_TEXTS = ['完成方案制定', '启动实施', '完成主体工作', '全面完成'];

async function nextId(
  handle: DatabaseHandle,
  table:
    | 'units'
    | 'assignments'
    | 'reporting_periods'
    | 'progress_reports'
    | 'superior_tasks'
    | 'superior_task_links',
) {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('id').as('max'))
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** Share `k` of `total` when `total` is spread as evenly as possible over `parts`. */
function share(total: number, parts: number, k: number): number {
  return Math.floor(((k + 1) * total) / parts) - Math.floor((k * total) / parts);
}

/** 形象进度 milestones are due at quarter ends: 03-31, 06-30, 09-30, 12-31. */
function quarterEnd(year: number, quarter: number): string {
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter] ?? '12-31'}`;
}

function monthLabel(year: number, index: number): { label: string; startsOn: string; endsOn: string } {
  const y = year + Math.floor(index / 12);
  const m = (index % 12) + 1;
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { label: `${y}-${mm}`, startsOn: `${y}-${mm}-01`, endsOn: `${y}-${mm}-${last}` };
}

/**
 * Fills a migrated database with a synthetic province: `workReports` reports built from real
 * corpus sentences and imported through the real import path (one transaction each, with the
 * extractor's targets and the search index), then units, monthly periods, assignments, progress
 * reports and reported values written in bulk, then every report re-indexed for search (so the
 * stale queue is empty). Prints progress through `log`.
 */
export async function seedDatabase(
  handle: DatabaseHandle,
  options: SeedOptions,
  log: (line: string) => void,
): Promise<SeedSummary> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const random = createRandom(options.seed);
  const pools = loadCorpusPools();
  const analyses = new Map<string, TaskAnalysis>();
  const analyze = (task: TaskNode): TaskAnalysis => {
    let found = analyses.get(task.text);
    if (!found) {
      found = analyzeTask(task.text, { year: options.year, sectionKind: 'tasks' });
      analyses.set(task.text, found);
    }
    return found;
  };

  // 0. With --orgs: the city and its districts; report r belongs to government r mod (N + 1).
  const tree: SeededOrganisations | null = options.organisations
    ? await createCityAndDistricts(handle.db, SEED_CITY, options.organisations)
    : null;
  const governments = tree ? tree.ids.length : options.workReports;
  const governmentOf = (r: number) => r % governments;
  const placeOfGovernment = (g: number) => (tree ? tree.places[g]! : placeName(g));

  // 1. Work reports through the real import path.
  const reportIds: number[] = [];
  const places: string[] = [];
  for (let r = 0; r < options.workReports; r++) {
    const place = placeOfGovernment(governmentOf(r));
    const report = synthesizeReport(
      { place, year: options.year, tasks: share(options.tasks, options.workReports, r) },
      pools,
      random,
    );
    const imported = await importReport(handle.db, {
      bytes: report.bytes,
      fileName: report.fileName,
      tree: report.tree,
      analyses: analyze,
      actor: CLI_ACTOR,
      // Without --orgs: one government's deployment holding many plans, each naming its issuer,
      // the root owning all. With --orgs each government owns its own.
      issuer: `${place}人民政府`,
      ...(tree ? { organisationId: tree.ids[governmentOf(r)]! } : {}),
    });
    reportIds.push(imported.reportId);
    places.push(place);
    if (r % 10 === 9 || r === options.workReports - 1) {
      log(`seed: imported ${r + 1}/${options.workReports} work reports (${elapsed()})`);
    }
  }

  // The plans are in force: released to the units (who read and write published reports only).
  await handle.db
    .updateTable('reports')
    .set({ published_at: new Date().toISOString() })
    .where('id', 'in', reportIds)
    .execute();

  // 2. Tasks and targets as stored.
  const taskRows = await handle.db
    .selectFrom('nodes')
    .select(['id', 'report_id', 'deadline_date'])
    .where('kind', '=', 'task')
    .where('report_id', 'in', reportIds)
    .orderBy('id')
    .execute();
  const targetRows = await handle.db
    .selectFrom('targets')
    .innerJoin('nodes', 'nodes.id', 'targets.node_id')
    .select([
      'targets.id',
      'targets.node_id',
      'targets.value',
      'targets.max',
      'targets.comparator',
      'targets.change',
    ])
    .where('nodes.report_id', 'in', reportIds)
    .execute();
  const targetsOf = new Map<number, SeedTarget[]>();
  for (const t of targetRows) {
    const list = targetsOf.get(t.node_id) ?? [];
    list.push({ id: t.id, value: t.value, max: t.max, comparator: t.comparator, change: t.change });
    targetsOf.set(t.node_id, list);
  }
  const root = await findRootOrganisationId(handle.db);

  // Many rows a statement (store/bulk-insert.ts), one transaction a batch.
  const insert = (table: string, rows: readonly BulkRow[]) =>
    writeTransaction(handle.db, (trx) => insertRows(trx, table, rows));
  const now = new Date().toISOString();
  // 3. Units: spread over the governments, at least one each; with --orgs the city also has
  // one unit standing for each district (通州区人民政府 in 北京市's ledger).
  let unitId = await nextId(handle, 'units');
  const unitsOfGovernment: number[][] = [];
  const unitRows: BulkRow[] = [];
  for (let g = 0; g < governments; g++) {
    const place = placeOfGovernment(g);
    const count = Math.max(1, share(options.units, governments, g));
    const ids: number[] = [];
    for (let k = 0; k < count; k++) {
      unitRows.push({
        id: unitId,
        organisation_id: tree ? tree.ids[g]! : root,
        name: unitName(place, k),
        // Every row of one insert names the same columns (the city's units for districts below).
        represents_organisation_id: null,
        created_at: now,
        updated_at: now,
      });
      ids.push(unitId++);
    }
    unitsOfGovernment.push(ids);
  }
  const unitsOfReport = reportIds.map((_, r) => unitsOfGovernment[governmentOf(r)]!);
  /** The city's units for its districts, with the district each stands for. */
  const districtUnits: { unitId: number; organisationId: number }[] = [];
  if (tree) {
    for (let g = 1; g < governments; g++) {
      unitRows.push({
        id: unitId,
        organisation_id: tree.ids[0]!,
        name: `${tree.places[g]}人民政府`,
        represents_organisation_id: tree.ids[g]!,
        created_at: now,
        updated_at: now,
      });
      districtUnits.push({ unitId: unitId++, organisationId: tree.ids[g]! });
    }
  }
  await insert('units', unitRows);
  log(`seed: ${unitRows.length} units (${elapsed()})`);

  // 4. Monthly reporting periods per report; the last one is open.
  let periodId = await nextId(handle, 'reporting_periods');
  const periodsOfReport: SeedPeriod[][] = [];
  const periodRows: BulkRow[] = [];
  for (const reportId of reportIds) {
    const list: SeedPeriod[] = [];
    for (let p = 0; p < options.periods; p++) {
      const month = monthLabel(options.year, p);
      const open = p === options.periods - 1;
      const dueOn = monthLabel(options.year, p + 1).startsOn.replace(/-01$/, '-05');
      periodRows.push({
        id: periodId,
        report_id: reportId,
        kind: 'month',
        label: month.label,
        starts_on: month.startsOn,
        ends_on: month.endsOn,
        due_on: dueOn,
        status: open ? 'open' : 'closed',
        opened_at: `${month.startsOn}T01:00:00.000Z`,
        closed_at: open ? null : `${dueOn}T10:00:00.000Z`,
        created_at: now,
        updated_at: now,
      });
      list.push({ id: periodId++, endsOn: month.endsOn });
    }
    periodsOfReport.push(list);
  }
  await insert('reporting_periods', periodRows);

  // 5. Assignments: one lead unit per task, up to two cooperating units.
  const reportIndex = new Map(reportIds.map((id, i) => [id, i]));
  let assignmentId = await nextId(handle, 'assignments');
  const pairs: { nodeId: number; unitId: number; report: number }[] = [];
  const assignmentRows: BulkRow[] = [];
  const handedDown: HandedDown[] = [];
  for (const task of taskRows) {
    const r = reportIndex.get(task.report_id)!;
    const units = unitsOfReport[r]!;
    const district =
      districtUnits.length > 0 && governmentOf(r) === 0 && random.chance(DISTRICT_LEAD_SHARE)
        ? random.pick(districtUnits)
        : null;
    if (district) handedDown.push({ assignmentId, organisationId: district.organisationId });
    const lead = district ? district.unitId : random.pick(units);
    const chosen = [lead];
    const cooperating = units.length > 1 ? random.pick([0, 0, 1, 1, 2]) : 0;
    for (let c = 0; c < cooperating; c++) {
      const other = random.pick(units);
      if (!chosen.includes(other)) chosen.push(other);
    }
    chosen.forEach((unit, k) => {
      const milestones =
        k === 0 && random.chance(0.3)
          ? MILESTONE_TEXTS.map((title, q) => ({
              due: quarterEnd(options.year, q),
              ratio: (q + 1) / 4,
              title,
            }))
          : [];
      assignmentRows.push({
        id: assignmentId++,
        node_id: task.id,
        unit_id: unit,
        role: k === 0 ? 'lead' : 'cooperating',
        lead_official: k === 0 ? leadOfficial(places[r]!, random.int(0, 191)) : null,
        deadline: task.deadline_date ?? `${options.year}-12-31`,
        milestones_json: JSON.stringify(milestones),
        created_at: now,
        updated_at: now,
      });
      pairs.push({ nodeId: task.id, unitId: unit, report: r });
    });
  }
  await insert('assignments', assignmentRows);
  log(
    `seed: ${taskRows.length} tasks, ${assignmentRows.length} assignments, ${periodRows.length} periods (${elapsed()})`,
  );

  // 5b. 上级交办任务: the city's tasks led by a district's unit, as the district offices left them.
  let superiorTaskCount = 0;
  if (tree && handedDown.length > 0) {
    const tasksOfOrganisation = new Map<number, number[]>();
    for (const task of taskRows) {
      const owner = tree.ids[governmentOf(reportIndex.get(task.report_id)!)]!;
      const list = tasksOfOrganisation.get(owner) ?? [];
      list.push(task.id);
      tasksOfOrganisation.set(owner, list);
    }
    const rows = superiorTaskRows(
      handedDown,
      tasksOfOrganisation,
      {
        superiorTask: await nextId(handle, 'superior_tasks'),
        link: await nextId(handle, 'superior_task_links'),
      },
      options.year,
      now,
      random,
    );
    await insert('superior_tasks', rows.tasks);
    await insert('superior_task_links', rows.links);
    superiorTaskCount = rows.tasks.length;
    log(`seed: ${rows.tasks.length} superior tasks, ${rows.links.length} links (${elapsed()})`);
  }

  // 6. Progress reports: spread evenly over the (task, unit) pairs, the earliest periods first.
  const capacity = pairs.length * options.periods;
  const wanted = Math.min(options.progressReports, capacity);
  if (wanted < options.progressReports) {
    log(
      `seed: only ${capacity} progress reports fit (${pairs.length} assignments × ${options.periods} periods)`,
    );
  }
  let progressId = await nextId(handle, 'progress_reports');
  let reports: BulkRow[] = [];
  let values: BulkRow[] = [];
  let written = 0;
  let valueCount = 0;
  const flush = async () => {
    await insert('progress_reports', reports);
    await insert('progress_values', values);
    written += reports.length;
    valueCount += values.length;
    reports = [];
    values = [];
    log(`seed: ${written}/${wanted} progress reports, ${valueCount} values (${elapsed()})`);
  };
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const count = share(wanted, pairs.length, i);
    if (count === 0) continue;
    const rows = progressRowsForPair(
      {
        nodeId: pair.nodeId,
        unitId: pair.unitId,
        periods: periodsOfReport[pair.report]!.slice(0, count),
        yearShare: (p) => ((p % 12) + 1) / 12,
        targets: targetsOf.get(pair.nodeId) ?? [],
        firstId: progressId,
      },
      pools,
      random,
    );
    progressId += count;
    reports.push(...rows.reports);
    values.push(...rows.values);
    if (reports.length >= BATCH_ROWS) await flush();
  }
  if (reports.length > 0) await flush();

  if (handle.dialect === 'postgres') {
    // Rows were written with explicit ids: move the identity sequences past them.
    for (const table of [
      'units',
      'reporting_periods',
      'assignments',
      'progress_reports',
      'progress_values',
      'superior_tasks',
      'superior_task_links',
    ]) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(
        handle.db,
      );
    }
  }
  // 7. Search index. The bulk rows bypass the import path, so the triggers only queued the
  // reports as stale; index each one now (its progress narratives included), one transaction
  // per report, so the queue is empty and the first search does not re-index the province.
  for (const [r, reportId] of reportIds.entries()) {
    await writeTransaction(handle.db, (trx) => indexReport(trx, reportId));
    if (r % 10 === 9 || r === reportIds.length - 1) {
      log(`seed: indexed ${r + 1}/${reportIds.length} work reports for search (${elapsed()})`);
    }
  }
  await writeTransaction(handle.db, (trx) =>
    appendAuditEvent(trx, {
      actor: CLI_ACTOR,
      action: 'seed',
      entity: 'database',
      entityId: 'bench',
      after: { ...options, progressReports: written, progressValues: valueCount },
    }),
  );
  log(`seed: analyzing tables (${elapsed()})`);
  await sql`analyze`.execute(handle.db);
  const summary: SeedSummary = {
    reportIds,
    tasks: taskRows.length,
    targets: targetRows.length,
    units: unitRows.length,
    assignments: assignmentRows.length,
    periods: periodRows.length,
    progressReports: written,
    progressValues: valueCount,
    organisations: tree ? tree.ids.length : 1,
    superiorTasks: superiorTaskCount,
    seconds: (performance.now() - started) / 1000,
  };
  log(`seed: done in ${elapsed()}`);
  return summary;
}
