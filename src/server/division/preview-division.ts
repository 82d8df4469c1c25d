import type { Kysely } from 'kysely';
import { buildTaskMatcher, listIndexedTasks, parseDivisionPlan } from '../../core/division/index.js';
import { resolveUnitNames, type UnitResolution } from '../../core/division/unit-names.js';
import { readDivisionBytes } from '../../ingest/division.js';
import { listTaskAssignmentUnits } from '../../store/assignments/list-task-assignment-units.js';
import { findReportOrganisationId } from '../../store/organisations/find-root-organisation.js';
import { getReportTree } from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import { listUnitDirectory } from '../../store/units/unit-directory.js';
import type { DivisionPreview } from './schema.js';

type Current = DivisionPreview['current'][string];

function presentUnit(resolution: UnitResolution): DivisionPreview['units'][number] {
  return {
    name: resolution.name,
    status: resolution.status,
    unitId: resolution.status === 'unknown' ? null : resolution.unitId,
    unitName: resolution.status === 'known' ? resolution.unitName : null,
    via: resolution.status === 'known' ? resolution.via : null,
    candidates: resolution.status === 'unknown' ? resolution.candidates : [],
  };
}

/** What the report's tasks are assigned now, by task id (unit names, official, deadline). */
async function currentAssignments(db: Kysely<Database>, taskIds: number[]): Promise<Map<number, Current>> {
  const current = new Map<number, Current>();
  if (taskIds.length === 0) return current;
  for (const row of await listTaskAssignmentUnits(db, taskIds)) {
    const entry = current.get(row.node_id) ?? {
      lead: [],
      cooperating: [],
      leadOfficial: null,
      deadline: null,
    };
    entry[row.role === 'lead' ? 'lead' : 'cooperating'].push(row.name);
    if (row.role === 'lead') entry.leadOfficial ??= row.lead_official;
    entry.deadline ??= row.deadline;
    current.set(row.node_id, entry);
  }
  return current;
}

const sorted = (names: readonly string[]): string => [...names].sort().join('、');

/**
 * 预览分工方案 — reads an uploaded 分工方案, matches each row to the report's tasks and resolves
 * its units against the directory, and says for each row what committing it would change.
 * Writes nothing.
 */
export async function previewDivisionPlan(
  db: Kysely<Database>,
  reportId: number,
  upload: { bytes: Uint8Array; fileName: string },
  fallbackYear: number,
): Promise<DivisionPreview> {
  const [tree, lines, directory] = await Promise.all([
    getReportTree(db, reportId),
    readDivisionBytes(upload.bytes, upload.fileName),
    findReportOrganisationId(db, reportId).then((owner) => listUnitDirectory(db, owner)),
  ]);
  const parsed = parseDivisionPlan(lines, { year: tree.report.year ?? fallbackYear });
  const indexed = listIndexedTasks(tree);
  const idOf = new Map(indexed.map(({ index, task }) => [index, task.id]));
  const matcher = buildTaskMatcher(indexed.map(({ index, task }) => ({ index, text: task.text })));
  const units = resolveUnitNames(
    parsed.rows.flatMap((row) => [...row.lead, ...row.cooperating]),
    directory,
  );
  const nameOf = new Map(units.map((u) => [u.name, u.status === 'known' ? u.unitName : u.name]));
  const matched = parsed.rows.map((row) => matcher.match(row.text));
  const covered = [...new Set(matched.flatMap((m) => m.matches.map((index) => idOf.get(index) as number)))];
  const current = await currentAssignments(db, covered);
  // What the plan proposes per task, rows that split one task joined as the commit joins them.
  const proposed = new Map<number, Current & { deadlines: (string | null)[] }>();
  parsed.rows.forEach((row, i) => {
    for (const index of matched[i]?.matches ?? []) {
      const id = idOf.get(index) as number;
      const entry = proposed.get(id) ?? {
        lead: [],
        cooperating: [],
        leadOfficial: null,
        deadline: null,
        deadlines: [],
      };
      for (const name of row.lead) entry.lead.push(nameOf.get(name) ?? name);
      for (const name of row.cooperating) entry.cooperating.push(nameOf.get(name) ?? name);
      const leaders = new Set([
        ...(entry.leadOfficial ? entry.leadOfficial.split('、') : []),
        ...row.leaders,
      ]);
      entry.leadOfficial = [...leaders].join('、') || null;
      entry.deadlines.push(row.deadline);
      proposed.set(id, entry);
    }
  });
  const unchanged = (id: number): boolean => {
    const now = current.get(id);
    const next = proposed.get(id);
    if (!now || !next) return false;
    const dated = next.deadlines.filter((d): d is string => d !== null).sort();
    const deadline = dated.length === next.deadlines.length ? (dated[dated.length - 1] ?? null) : null;
    const cooperating = [...new Set(next.cooperating)].filter((name) => !next.lead.includes(name));
    return (
      sorted([...new Set(now.lead)]) === sorted([...new Set(next.lead)]) &&
      sorted(now.cooperating) === sorted(cooperating) &&
      (now.leadOfficial ?? null) === next.leadOfficial &&
      now.deadline === deadline
    );
  };
  const rows = parsed.rows.map((row, i) => {
    const match = matched[i] as (typeof matched)[number];
    const matches = match.matches.map((index) => idOf.get(index) as number);
    const changes = matches.map((id) => (!current.has(id) ? 'new' : unchanged(id) ? 'same' : 'changed'));
    const change: DivisionPreview['rows'][number]['change'] =
      matches.length === 0
        ? 'none'
        : changes.includes('changed')
          ? 'changed'
          : changes.includes('new')
            ? 'new'
            : 'same';
    return {
      line: row.line,
      seq: row.seq,
      area: row.area,
      text: row.text,
      lead: row.lead,
      cooperating: row.cooperating,
      leaders: row.leaders,
      deadlineText: row.deadlineText,
      deadline: row.deadline,
      problems: row.problems,
      status: match.status,
      matches,
      candidates: match.candidates.map((c) => ({ taskId: idOf.get(c.index) as number, score: c.score })),
      change,
    };
  });
  return {
    title: parsed.title,
    year: parsed.year,
    layout: parsed.layout,
    rows,
    tasks: indexed.map(({ index, path, task }) => ({ id: task.id, index, path, text: task.text })),
    parents: tree.areas.flatMap((area) => [
      { id: area.id, title: `${area.label ?? ''}${area.title}` },
      ...area.measures.map((measure) => ({
        id: measure.id,
        title: `　${measure.label ?? ''}${measure.title}`,
      })),
    ]),
    units: units.map(presentUnit),
    current: Object.fromEntries([...current].map(([id, entry]) => [String(id), entry])),
  };
}
