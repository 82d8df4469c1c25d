import { badInput } from '../core/errors.js';
import { INDICATOR_VERDICT_ZH } from '../core/status/indicator.js';
import { plainTitle } from './division-model.js';
import { areaHeadings, eachTask, type ReportView, type TaskView } from './report-view.js';
import { chineseOrdinal, formatReportedValue, formatTarget } from './target-format.js';

/** The four groups a 督查通报 reports tasks in. */
export type BulletinGroup = 'completed' | 'on-schedule' | 'lagging' | 'overdue';

export const BULLETIN_GROUPS: readonly BulletinGroup[] = ['completed', 'on-schedule', 'lagging', 'overdue'];

export const BULLETIN_GROUP_ZH: Record<BulletinGroup, string> = {
  completed: '已完成',
  'on-schedule': '按序时推进',
  lagging: '滞后于序时进度',
  overdue: '逾期未完成',
};

/** A reporting period: "2026-Q2" or "2026-05". */
export interface BulletinPeriod {
  label: string;
  /** "2026年第二季度", "2026年5月". */
  zh: string;
  start: string;
  end: string;
  year: number;
}

/** One task as a bulletin lists it. */
export interface BulletinTask {
  seq: number;
  area: string;
  task: string;
  leadUnit: string;
  group: BulletinGroup;
  completion: number | null;
  expected: number;
  narrative: string;
}

/** Counts of one area, one unit or the whole report. */
export interface BulletinStats {
  name: string;
  total: number;
  counts: Record<BulletinGroup, number>;
  /** Mean completion, unreported tasks counting 0. */
  completion: number;
  /** Mean expected share (序时进度). */
  expected: number;
}

/** One 主要预期目标 as a bulletin reports it: target, the figure reported, the verdict. */
export interface BulletinIndicator {
  text: string;
  /** "5%左右 → 约5%", as printed: the target's sign, number and unit. */
  target: string;
  /** The reported figure(s), printed, or "" when none. */
  actual: string;
  /** 达标 / 接近目标 / 未达目标, or 未报送. */
  verdictZh: string;
  leadUnit: string;
  periodLabel: string;
}

/** 督查通报 — the view model of a periodic supervision bulletin. */
export interface BulletinModel {
  title: string;
  /** "第2期" style issue line. */
  issue: string;
  issuer: string;
  /** ISO date the bulletin's figures are as of (the period's end, or an earlier day the office picks). */
  date: string;
  period: BulletinPeriod;
  summary: BulletinStats;
  /** The opening paragraphs with the headline figures. */
  paragraphs: string[];
  areas: (BulletinStats & { tasks: BulletinTask[] })[];
  units: (BulletinStats & { tasks: BulletinTask[] })[];
  /** 主要预期目标, judged by their reported figures (not counted among the tasks above). */
  indicators: BulletinIndicator[];
}

function bulletinIndicator(task: TaskView): BulletinIndicator {
  const targets = task.analysis.targets;
  const shown = targets.map((target) => {
    const f = formatTarget(target);
    return `${f.prefix}${f.number}${f.unit}`;
  });
  const actual = targets.flatMap((target, i) => {
    const value = task.progress?.targetValues?.[i];
    return value === null || value === undefined ? [] : [formatReportedValue(target, value)];
  });
  const verdict = task.status?.verdict;
  return {
    text: task.text,
    target: shown.join('、'),
    actual: actual.join('、'),
    verdictZh: verdict ? INDICATOR_VERDICT_ZH[verdict] : task.progress ? '定性填报' : '未报送',
    leadUnit: task.assignment?.leadUnit ?? '（未分工）',
    periodLabel: task.progress?.periodLabel ?? '',
  };
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads "2026-Q2" or "2026-05" into a period; anything else is a precise usage error. */
export function parsePeriod(label: string): BulletinPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(label.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return {
      label: `${year}-Q${q}`,
      zh: `${year}年第${chineseOrdinal(q)}季度`,
      start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`,
      end: lastDay(year, q * 3),
      year,
    };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(label.trim());
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    return {
      label: `${year}-${month[2]}`,
      zh: `${year}年${m}月`,
      start: `${year}-${month[2]}-01`,
      end: lastDay(year, m),
      year,
    };
  }
  throw badInput(
    'bad_period',
    `Period "${label}" is not a quarter (2026-Q2) or a month (2026-05)`,
    `期次“${label}”格式不正确：季度写作 2026-Q2，月份写作 2026-05`,
  );
}

/** The bulletin group of a task from its judged status (unjudged tasks count as not started). */
export function groupOf(task: TaskView): BulletinGroup {
  const status = task.status;
  if (!status) return 'lagging';
  if (status.class === 'completed') return 'completed';
  if (status.overdue) return 'overdue';
  if (status.class === 'on_track' || status.class === 'ahead') return 'on-schedule';
  // 未启动 before any work is due is on schedule; once work is expected it lags.
  if (status.class === 'not_started' && status.expected <= 0) return 'on-schedule';
  return 'lagging';
}

function stats(name: string, tasks: readonly BulletinTask[]): BulletinStats {
  const counts: Record<BulletinGroup, number> = { completed: 0, 'on-schedule': 0, lagging: 0, overdue: 0 };
  let completion = 0;
  let expected = 0;
  for (const task of tasks) {
    counts[task.group] += 1;
    completion += Math.min(1, task.completion ?? 0);
    expected += task.expected;
  }
  const n = tasks.length || 1;
  return { name, total: tasks.length, counts, completion: completion / n, expected: expected / n };
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

export interface BulletinOptions {
  /** Issuing office, e.g. "区政府督查室". */
  issuer?: string;
  /** Issue number within the year. */
  issueNumber?: number;
  /**
   * ISO date the figures are as of, which the view must be judged at (bulletinAsOf); the
   * period's end by default.
   */
  asOf?: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The date a bulletin of `period` is as of: the date the office picks (`chosen`, no later than
 * the period's end), else the period's end once it is over, else — for an open period — today.
 * A bulletin of an open period reports that day's figures and 序时进度, not the period end's.
 */
export function bulletinAsOf(period: BulletinPeriod, today: string, chosen?: string): string {
  if (chosen !== undefined) {
    if (!ISO_DATE.test(chosen)) {
      throw badInput(
        'bad_as_of',
        `asOf "${chosen}" is not a date (2026-12-05)`,
        `截至日期“${chosen}”格式不正确，应写作 2026-12-05`,
      );
    }
    if (chosen < period.start) {
      throw badInput(
        'bad_as_of',
        `asOf ${chosen} is before the period starts (${period.start})`,
        `截至日期 ${chosen} 早于本期开始日期 ${period.start}`,
      );
    }
    return chosen < period.end ? chosen : period.end;
  }
  return today < period.end ? today : period.end;
}

/** "2026年12月5日". */
function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/**
 * Builds the 督查通报 of a period from a report view judged at `options.asOf` (the period's end
 * by default): headline figures, per-area and per-lead-unit counts, and the tasks of each group.
 */
export function buildBulletin(
  view: ReportView,
  period: BulletinPeriod,
  options: BulletinOptions = {},
): BulletinModel {
  const asOf = options.asOf ?? period.end;
  const tasks: BulletinTask[] = [];
  const indicators: BulletinIndicator[] = [];
  const headings = areaHeadings(view.areas);
  let seq = 0;
  for (const { area, areaIndex, task } of eachTask(view)) {
    if (area.indicators) {
      indicators.push(bulletinIndicator(task));
      continue;
    }
    seq += 1;
    tasks.push({
      seq,
      area: headings[areaIndex] ?? area.title,
      task: task.text,
      // Empty for a task nobody leads yet: it is listed as 未分工 and ranked with no unit.
      leadUnit: task.assignment?.leadUnit ?? '',
      group: groupOf(task),
      completion: task.status?.completion ?? task.progress?.ratio ?? null,
      expected: task.status?.expected ?? 0,
      narrative: task.progress?.narrative ?? '',
    });
  }
  const areas = view.areas.flatMap((area, index) => {
    if (area.indicators) return [];
    const name = headings[index] ?? area.title;
    const own = tasks.filter((task) => task.area === name);
    return [{ ...stats(name, own), tasks: own }];
  });
  const unitNames = [...new Set(tasks.flatMap((task) => task.leadUnit.split('、')))].filter(
    (name) => name !== '',
  );
  const units = unitNames
    .map((unit) => {
      const own = tasks.filter((task) => task.leadUnit.split('、').includes(unit));
      return { ...stats(unit, own), tasks: own };
    })
    .sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name, 'zh'));
  const summary = stats('合计', tasks);
  const c = summary.counts;
  const paragraphs = [
    `按照工作安排，现将${period.zh}${plainTitle(view.meta.title)}重点任务推进情况通报如下。`,
    `截至${chineseDate(asOf)}，` +
      `${summary.total}项重点任务中，已完成${c.completed}项，按序时推进${c['on-schedule']}项，` +
      `滞后于序时进度${c.lagging}项，逾期未完成${c.overdue}项；任务平均完成率${percent(summary.completion)}，` +
      `序时进度${percent(summary.expected)}。`,
  ];
  if (indicators.length > 0) {
    const count = (zh: string) => indicators.filter((i) => i.verdictZh === zh).length;
    paragraphs.push(
      `${indicators.length}项主要预期目标中，${INDICATOR_VERDICT_ZH.reached}${count(INDICATOR_VERDICT_ZH.reached)}项，` +
        `${INDICATOR_VERDICT_ZH.near}${count(INDICATOR_VERDICT_ZH.near)}项，` +
        `${INDICATOR_VERDICT_ZH.behind}${count(INDICATOR_VERDICT_ZH.behind)}项，未报送${count('未报送')}项。`,
    );
  }
  const behind = areas.filter((area) => area.counts.lagging + area.counts.overdue > 0);
  if (behind.length > 0) {
    const worst = [...behind].sort(
      (a, b) => b.counts.lagging + b.counts.overdue - (a.counts.lagging + a.counts.overdue),
    )[0];
    if (worst) {
      paragraphs.push(
        `滞后和逾期任务主要集中在“${worst.name.replace(/^[一二三四五六七八九十]+、/u, '')}”等方面，` +
          '请相关牵头单位对照序时进度倒排工期、压实责任，确保按期完成。',
      );
    }
  }
  return {
    title: `关于${period.zh}政府工作报告重点任务落实情况的通报`,
    issue: `第${options.issueNumber ?? 1}期`,
    issuer: options.issuer ?? '政府督查室',
    date: asOf,
    period,
    summary,
    paragraphs,
    areas,
    units,
    indicators,
  };
}
