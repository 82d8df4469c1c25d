import { targetCompletion } from '../core/status/completion.js';
import { indicatorCompletion } from '../core/status/indicator.js';
import { type AreaView, eachTask, type ReportView, type TaskView } from './report-view.js';
import { chineseOrdinal, type FormattedTarget, formatTarget } from './target-format.js';

/** One big figure of the 一图读懂: "6500 个 / 中小学学位". */
export interface InfographicNumber extends FormattedTarget {
  /** What is counted (the target's subject). */
  label: string;
  /** 0..1 when progress has been reported against this target. */
  completion?: number;
}

export interface InfographicMeasure {
  title: string;
  /** Task sentences shown under the measure (the first few). */
  items: string[];
  /** Tasks not shown in `items`. */
  more: number;
}

export interface InfographicArea {
  /** "一", "二" … */
  ordinal: string;
  title: string;
  measures: InfographicMeasure[];
  numbers: InfographicNumber[];
  taskCount: number;
  /** Mean completion of the area's tasks with progress, 0..1. */
  completion?: number;
}

/** The view model of the 一图读懂 long image. Plain data: the SVG renderer needs nothing else. */
export interface InfographicModel {
  /** The small banner above the title, "一图读懂". */
  kicker: string;
  title: string;
  /** Place and year, e.g. "北京市通州区 · 2026年". */
  subtitle: string;
  /** The general requirement, condensed to its key clauses. */
  requirement: string;
  totals: { areas: number; measures: number; tasks: number; targets: number };
  /** Headline figures for the band under the requirement. */
  keyNumbers: InfographicNumber[];
  areas: InfographicArea[];
  /** Attribution and generation lines for the footer. */
  footer: string[];
  /** Date of the latest progress shown, when there is progress. */
  progressAsOf?: string;
}

export interface InfographicOptions {
  /** Tasks listed under each measure before "等 N 项". */
  itemsPerMeasure?: number;
  /** Headline figures in the key-number band. */
  keyNumberCount?: number;
  /** Characters the condensed requirement may take. */
  requirementChars?: number;
  /** Date printed in the footer (ISO); today by default. */
  generatedOn?: string;
}

/**
 * Condenses the general requirement to the clauses that carry its message: slogans in quotes,
 * "以…为…" formulas and goal statements score higher than the standard political preamble; the
 * kept clauses stay in their original order.
 */
export function condenseRequirement(paragraphs: string[], maxChars: number): string {
  const text = paragraphs.join('').replace(/\s+/g, '');
  if (text.length <= maxChars) return text;
  // Split at clause punctuation, but never inside quotes (“立长远、强功能,全面上台阶”).
  const clauses: string[] = [];
  let clause = '';
  let depth = 0;
  for (const char of text) {
    clause += char;
    if ('“「《（('.includes(char)) depth += 1;
    else if ('”」》）)'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，,；;。'.includes(char)) {
      clauses.push(clause);
      clause = '';
    }
  }
  if (clause) clauses.push(clause);
  const scored = clauses.map((clause, index) => {
    let score = 0;
    if (/[“"「].+[”"」]/u.test(clause)) score += 3;
    if (/以.{1,12}为/u.test(clause)) score += 2;
    if (/(目标|开局|新突破|新成效|新步伐|高质量|现代化)/u.test(clause)) score += 2;
    if (/(精神|思想|指示|部署)[，,；;。]?$/u.test(clause)) score -= 2;
    return { clause, index, score };
  });
  const picked = new Set<number>();
  let length = 0;
  for (const { clause, index } of [...scored].sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (length + clause.length > maxChars) continue;
    picked.add(index);
    length += clause.length;
  }
  const kept = clauses.filter((_, index) => picked.has(index)).join('');
  return kept.replace(/[，,；;]$/u, '。');
}

/** Longest label a key figure may carry before it reads as a fragment of a sentence. */
const KEY_LABEL_CHARS = 12;

/**
 * The label of a 主要预期目标 figure: its clause without the figure ("地区生产总值增长",
 * "城镇调查失业率"), or the subject where the clause holds several figures.
 */
function indicatorLabel(task: TaskView, index: number): string {
  const targets = task.analysis.targets;
  const target = targets[index];
  if (!target) return task.text;
  if (targets.length === 1) {
    const rest = `${task.text.slice(0, target.span[0])}${task.text.slice(target.span[1])}`
      .replace(/(控制在|保持在|稳定在|达到|为|达)$/u, '')
      .trim();
    if (rest.length >= 2 && rest.length <= 16) return rest;
  }
  return target.subject || target.text;
}

/** The figures of the 主要预期目标, first in the key-number band. */
function indicatorNumbers(area: AreaView): InfographicNumber[] {
  const numbers: InfographicNumber[] = [];
  for (const measure of area.measures) {
    for (const task of measure.tasks) {
      for (const [targetIndex, target] of task.analysis.targets.entries()) {
        const number: InfographicNumber = {
          ...formatTarget(target),
          label: indicatorLabel(task, targetIndex),
        };
        const completion = indicatorCompletion(target, task.progress?.targetValues?.[targetIndex]);
        if (completion !== null) number.completion = completion;
        numbers.push(number);
      }
    }
  }
  return numbers;
}

function targetNumbers(view: ReportView, areaIndex: number): InfographicNumber[] {
  const numbers: InfographicNumber[] = [];
  for (const { task, areaIndex: index } of eachTask(view)) {
    if (index !== areaIndex) continue;
    for (const [targetIndex, target] of task.analysis.targets.entries()) {
      const reported = task.progress?.targetValues?.[targetIndex];
      const number: InfographicNumber = {
        ...formatTarget(target),
        label: target.subject || target.text,
      };
      const completion = targetCompletion(target, reported);
      if (completion !== null) number.completion = completion;
      numbers.push(number);
    }
  }
  return numbers;
}

/**
 * How much a figure reads as a headline: bounds (不少于, 以内), people and rates speak to the
 * public more than counts of facilities; large numbers more than small ones.
 */
function headlineScore(number: InfographicNumber): number {
  let score = 0;
  if (number.prefix === '≥' || number.prefix === '≤') score += 2;
  if (/人|%/u.test(number.unit)) score += 2;
  if (number.unit.startsWith('万') || Number.parseFloat(number.number) >= 1000) score += 1;
  return score;
}

/** Picks headline figures round-robin over the areas so every area with a figure is represented. */
function pickKeyNumbers(areas: InfographicArea[], count: number): InfographicNumber[] {
  const ranked = areas.map((area) =>
    area.numbers
      // A long subject is a piece of a sentence, not a headline label: it stays in its area.
      .filter((number) => number.label.length <= KEY_LABEL_CHARS)
      .map((number, index) => ({ number, index, score: headlineScore(number) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map((entry) => entry.number),
  );
  const picked: InfographicNumber[] = [];
  for (let round = 0; picked.length < count; round += 1) {
    let any = false;
    for (const numbers of ranked) {
      const number = numbers[round];
      if (number === undefined) continue;
      any = true;
      if (picked.length < count) picked.push(number);
    }
    if (!any) break;
  }
  return picked;
}

/** Builds the 一图读懂 view model from a report view. */
export function buildInfographicModel(view: ReportView, options: InfographicOptions = {}): InfographicModel {
  const itemsPerMeasure = options.itemsPerMeasure ?? 3;
  const rawTitle = view.meta.title.trim() || '政府工作报告';
  const kickerMatch = /^一图读懂[：:\s]*/u.exec(rawTitle);
  const title = kickerMatch ? rawTitle.slice(kickerMatch[0].length).trim() || rawTitle : rawTitle;
  const subtitle = [view.meta.place, view.meta.year === undefined ? undefined : `${view.meta.year}年`]
    .filter(Boolean)
    .join(' · ');
  let latest: string | undefined;
  const indicatorArea = view.areas.find((area) => area.indicators);
  const headline = indicatorArea ? indicatorNumbers(indicatorArea) : [];
  const workAreas = view.areas.flatMap((area, areaIndex) => (area.indicators ? [] : [{ area, areaIndex }]));
  const areas: InfographicArea[] = workAreas.map(({ area, areaIndex }, ordinal) => {
    const ratios: number[] = [];
    let taskCount = 0;
    for (const measure of area.measures) {
      for (const task of measure.tasks) {
        taskCount += 1;
        if (task.progress) {
          // The status engine's completion where the store judged the task, else the reported ratio.
          ratios.push(Math.min(1, Math.max(0, task.status?.completion ?? task.progress.ratio)));
          const at = task.progress.reportedAt;
          if (at !== undefined && (latest === undefined || at > latest)) latest = at;
        }
      }
    }
    const result: InfographicArea = {
      ordinal: chineseOrdinal(ordinal + 1),
      title: area.title,
      measures: area.measures.map((measure) => {
        // Untitled groups (tasks directly under the area) show their tasks as the items.
        const items = measure.tasks.map((task) => task.text).filter((text) => text !== measure.title);
        const limit = measure.title ? itemsPerMeasure : itemsPerMeasure * 3;
        return {
          title: measure.title,
          items: items.slice(0, limit),
          more: Math.max(0, items.length - limit),
        };
      }),
      numbers: targetNumbers(view, areaIndex),
      taskCount,
    };
    if (ratios.length > 0) result.completion = ratios.reduce((sum, r) => sum + r, 0) / taskCount;
    return result;
  });
  const totals = {
    areas: areas.length,
    measures: workAreas.reduce(
      (sum, { area }) => sum + area.measures.filter((m) => m.title !== '').length,
      0,
    ),
    tasks: areas.reduce((sum, area) => sum + area.taskCount, 0),
    targets: areas.reduce((sum, area) => sum + area.numbers.length, 0),
  };
  const generatedOn = options.generatedOn ?? new Date().toISOString().slice(0, 10);
  const footer = [
    view.meta.attribution ? `来源：${view.meta.title}${view.meta.attribution}` : `来源：${view.meta.title}`,
    `落实 luoshi 生成 · ${generatedOn}`,
  ];
  const model: InfographicModel = {
    kicker: '一图读懂',
    title,
    subtitle,
    requirement: condenseRequirement(view.requirements, options.requirementChars ?? 150),
    totals,
    // 主要目标: the year's 主要预期目标 first, then the areas' headline figures.
    keyNumbers: [...headline, ...pickKeyNumbers(areas, options.keyNumberCount ?? 9)].slice(
      0,
      Math.max(options.keyNumberCount ?? 9, headline.length),
    ),
    areas,
    footer,
  };
  if (latest !== undefined) model.progressAsOf = latest;
  return model;
}
