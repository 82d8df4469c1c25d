import type { Kysely } from 'kysely';
import { badInput } from '../core/errors.js';
import type { BulkRow } from '../store/bulk-insert.js';
import type { Database } from '../store/schema.js';
import { districtName } from './places-and-units.js';
import type { Random } from './random.js';

/** Work reports each government of a `--orgs` seed issues (its 政府工作报告 and a 重点任务分工方案). */
export const REPORTS_PER_ORGANISATION = 2;
/** 承办单位 each government of a `--orgs` seed has (besides the city's units for its districts). */
export const UNITS_PER_ORGANISATION = 150;
/** Share of the city's tasks whose lead unit is a district (a 上级交办任务 of that district). */
export const DISTRICT_LEAD_SHARE = 0.15;
/** Share of the superior tasks the district offices have accepted (the rest wait in their inbox). */
export const ACCEPTED_SHARE = 0.75;

/** The governments of a city seed: index 0 is the city (the root), then its districts. */
export interface SeededOrganisations {
  places: string[];
  ids: number[];
}

/**
 * Makes the tree of a `--orgs N` seed: the database's root organisation becomes the city
 * (东州市人民政府) and N districts are created under it. Only on a database without reports, so
 * that nothing already there changes owner.
 */
export async function createCityAndDistricts(
  db: Kysely<Database>,
  city: string,
  districts: number,
): Promise<SeededOrganisations> {
  const reports = await db.selectFrom('reports').select('id').limit(1).execute();
  if (reports.length > 0) {
    throw badInput(
      'not_empty',
      'luoshi bench seed --orgs needs a database without reports',
      'luoshi bench seed --orgs 须在没有报告的数据库中运行',
    );
  }
  const now = new Date().toISOString();
  const root = await db
    .selectFrom('organisations')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  const cityName = `${city}人民政府`;
  let cityId: number;
  if (root) {
    await db
      .updateTable('organisations')
      .set({ name: cityName, level: 'city', archived: 0, updated_at: now })
      .where('id', '=', root.id)
      .execute();
    cityId = root.id;
  } else {
    cityId = (
      await db
        .insertInto('organisations')
        .values({ name: cityName, level: 'city', parent_id: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const places = [city];
  const ids = [cityId];
  for (let d = 0; d < districts; d++) {
    const place = districtName(city, d);
    const created = await db
      .insertInto('organisations')
      .values({
        name: `${place}人民政府`,
        level: 'district',
        parent_id: cityId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    places.push(place);
    ids.push(created.id);
  }
  return { places, ids };
}

/** A city assignment whose unit stands for a district: it is that district's 上级交办任务. */
export interface HandedDown {
  assignmentId: number;
  /** The district organisation. */
  organisationId: number;
}

/**
 * The rows of `superior_tasks` and `superior_task_links` for the handed-down assignments, as the
 * district offices would have left them: most accepted (with a 市折子工程-style reference
 * number) and linked to one or two of the district's own tasks, the rest pending in the inbox.
 */
export function superiorTaskRows(
  handedDown: readonly HandedDown[],
  tasksOfOrganisation: ReadonlyMap<number, readonly number[]>,
  firstIds: { superiorTask: number; link: number },
  year: number,
  now: string,
  random: Random,
): { tasks: BulkRow[]; links: BulkRow[] } {
  const tasks: BulkRow[] = [];
  const links: BulkRow[] = [];
  let taskId = firstIds.superiorTask;
  let linkId = firstIds.link;
  handedDown.forEach((item, n) => {
    const own = tasksOfOrganisation.get(item.organisationId) ?? [];
    const accepted = own.length > 0 && random.chance(ACCEPTED_SHARE);
    tasks.push({
      id: taskId,
      assignment_id: item.assignmentId,
      organisation_id: item.organisationId,
      status: accepted ? 'accepted' : 'pending',
      reference_number: `市折〔${year}〕${n + 1}号`,
      accepted_at: accepted ? now : null,
      accepted_by: null,
      created_at: now,
      updated_at: now,
    });
    if (accepted) {
      const chosen = new Set<number>();
      const count = random.int(1, 2);
      for (let k = 0; k < count; k++) chosen.add(random.pick(own));
      for (const nodeId of chosen) {
        links.push({
          id: linkId++,
          superior_task_id: taskId,
          node_id: nodeId,
          created_by: null,
          created_at: now,
        });
      }
    }
    taskId++;
  });
  return { tasks, links };
}
