import type { BulkRow } from '../store/bulk-insert.js';
import type { CorpusPools } from './corpus-pools.js';
import type { Random } from './random.js';

/** A reporting period as the generator needs it. */
export interface SeedPeriod {
  id: number;
  endsOn: string;
}

/** A target of a task: enough to invent believable reported values. */
export interface SeedTarget {
  id: number;
  value: number;
  max: number | null;
  comparator: string;
  change: string;
}

const RETURN_REASONS = [
  '请补充佐证材料后重新报送',
  '进展数据与上期不一致，请核实',
  '请说明未达序时进度的原因及整改措施',
  '下一步计划过于笼统，请细化到月',
];

/** A timestamp `days` after a YYYY-MM-DD date, at 09:00 Beijing time. */
function dayAfter(date: string, days: number): string {
  const at = new Date(`${date}T01:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString();
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The value a unit reports for a target when a share `done` (0…1+) of the year's work is done:
 * cumulative counts grow with the share, levels and rates hover around the goal, upper bounds
 * (≤) mostly stay under them.
 */
export function reportedValue(target: SeedTarget, done: number, random: Random): number {
  if (target.comparator === '<=' || target.comparator === '<')
    return round2(target.value * random.between(0.82, 1.06));
  if (target.comparator === 'between' && target.max !== null)
    return round2(random.between(target.value, target.max));
  if (target.change === 'growth-rate') return round2(target.value * random.between(0.7, 1.2));
  if (target.change === 'level') return round2(target.value * Math.min(1.05, 0.88 + 0.12 * done));
  return round2(target.value * done);
}

export interface PairProgressInput {
  nodeId: number;
  unitId: number;
  /** The periods this unit has reported on, oldest first. */
  periods: readonly SeedPeriod[];
  /** The share of its year each period ends (1/12 for January…). */
  yearShare: (periodIndex: number) => number;
  targets: readonly SeedTarget[];
  firstId: number;
}

/**
 * One unit's progress reports on one task, one per period: older periods approved (a few still
 * submitted), the latest one anything from draft to approved; narratives, problems and next
 * steps are real corpus sentences.
 */
export function progressRowsForPair(
  input: PairProgressInput,
  pools: CorpusPools,
  random: Random,
): { reports: BulkRow[]; values: BulkRow[] } {
  const reports: BulkRow[] = [];
  const values: BulkRow[] = [];
  // How fast this unit works on this task, relative to the time-proportional schedule (序时进度).
  const pace = random.between(0.55, 1.25);
  input.periods.forEach((period, index) => {
    const latest = index === input.periods.length - 1;
    const roll = random.next();
    const status = latest
      ? roll < 0.2
        ? 'draft'
        : roll < 0.65
          ? 'submitted'
          : roll < 0.95
            ? 'approved'
            : 'returned'
      : roll < 0.95
        ? 'approved'
        : 'submitted';
    const done = Math.min(1.1, input.yearShare(index) * pace * random.between(0.95, 1.05));
    const created = dayAfter(period.endsOn, -random.int(1, 6));
    const submitted = status === 'draft' ? null : dayAfter(period.endsOn, random.int(0, 5));
    const reviewed =
      status === 'approved' || status === 'returned' ? dayAfter(period.endsOn, random.int(6, 10)) : null;
    const id = input.firstId + index;
    const narrative = random.chance(0.5)
      ? `${random.pick(pools.narratives)}${random.pick(pools.narratives)}`
      : random.pick(pools.narratives);
    reports.push({
      id,
      node_id: input.nodeId,
      unit_id: input.unitId,
      period_id: period.id,
      status,
      narrative,
      problems: random.chance(0.6) ? random.pick(pools.problems) : '',
      next_steps: random.pick(pools.tasks),
      percent: Math.round(Math.min(1, done) * 1000) / 10,
      submitted_at: submitted,
      reviewed_at: reviewed,
      review_reason: status === 'returned' ? random.pick(RETURN_REASONS) : null,
      created_at: created,
      updated_at: reviewed ?? submitted ?? created,
    });
    for (const target of input.targets) {
      values.push({
        progress_report_id: id,
        target_id: target.id,
        value: reportedValue(target, done, random),
        created_at: created,
        updated_at: submitted ?? created,
      });
    }
  });
  return { reports, values };
}
