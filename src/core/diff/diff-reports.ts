import type { AreaNode, ReportTree } from '../report-tree.js';
import type { Target, TaskAnalysis } from '../target.js';
import { bigramSet, dice } from './bigrams.js';
import { compareTarget, pairTargets, type TargetDiff } from './compare-targets.js';
import { DEFAULT_MIN_SIMILARITY, matchItems } from './match-items.js';
import { collectItems, type ReportItem } from './report-items.js';

/** What happened to a task between two documents. */
export type ItemStatus = 'continued' | 'reworded' | 'new' | 'dropped';

/** Analyses one sentence for targets (the extractor's `analyzeTask`). */
export type AnalyzeSentence = (sentence: string) => TaskAnalysis;

export interface DiffOptions {
  analyze: AnalyzeSentence;
  /** Below this bigram similarity two tasks are different tasks. */
  minSimilarity?: number;
  /** At or above this similarity a task is "continued" rather than "reworded". */
  continuedSimilarity?: number;
}

export const DEFAULT_CONTINUED_SIMILARITY = 0.9;

export interface ItemRef extends ReportItem {
  /** Position in the report's item list. */
  index: number;
  /** Title of the area the item belongs to ("总体要求" for the requirements). */
  area: string;
}

export interface ItemDiff {
  status: ItemStatus;
  /** Bigram similarity of the two texts (0 for new or dropped). */
  similarity: number;
  before?: ItemRef;
  after?: ItemRef;
  targets: TargetDiff[];
}

export interface AreaRef {
  index: number;
  label?: string;
  title: string;
}

/** How many TASKS continued, were reworded, are new or were dropped. */
export interface DiffCounts {
  continued: number;
  reworded: number;
  new: number;
  dropped: number;
}

export interface AreaDiff {
  before?: AreaRef;
  after?: AreaRef;
  counts: DiffCounts;
  items: ItemDiff[];
}

export interface ReportDiff {
  before: { title: string; year?: number };
  after: { title: string; year?: number };
  counts: DiffCounts;
  targetCounts: Record<TargetDiff['movement'], number>;
  areas: AreaDiff[];
  /** Every target change, in the order of the later report. */
  targets: TargetDiff[];
}

const REQUIREMENTS: AreaRef = { index: -1, title: '总体要求和主要预期目标' };

function areaRef(area: AreaNode | undefined, index: number): AreaRef {
  if (index < 0 || !area) return REQUIREMENTS;
  return { index, title: area.title, ...(area.label === undefined ? {} : { label: area.label }) };
}

/**
 * Counts count tasks: measure headings and requirement clauses are compared but not counted,
 * unless one was matched to a task of the other report.
 */
function isTask(diff: ItemDiff): boolean {
  return diff.before?.kind === 'task' || diff.after?.kind === 'task';
}

function emptyCounts(): DiffCounts {
  return { continued: 0, reworded: 0, new: 0, dropped: 0 };
}

/**
 * Pair the work areas of two reports: areas whose tasks were matched to each other vote for
 * each other, and similar titles count too. Returns before-area index → after-area index.
 */
function matchAreas(
  before: ReportTree,
  after: ReportTree,
  itemPairs: { before: ReportItem; after: ReportItem }[],
): Map<number, number> {
  const votes = new Map<string, number>();
  for (const pair of itemPairs) {
    if (pair.before.areaIndex < 0 || pair.after.areaIndex < 0) continue;
    const key = `${pair.before.areaIndex}:${pair.after.areaIndex}`;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const candidates: { i: number; j: number; score: number }[] = [];
  before.areas.forEach((a, i) => {
    after.areas.forEach((b, j) => {
      const size = Math.max(1, Math.min(countTasks(a), countTasks(b)));
      const score = (votes.get(`${i}:${j}`) ?? 0) / size + dice(bigramSet(a.title), bigramSet(b.title));
      // Low bar: leftover areas that share a few tasks or words still pair up, in order of score.
      if (score >= 0.15) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.i - y.i);
  const result = new Map<number, number>([[-1, -1]]);
  const used = new Set<number>();
  for (const { i, j } of candidates) {
    if (result.has(i) || used.has(j)) continue;
    result.set(i, j);
    used.add(j);
  }
  return result;
}

function countTasks(area: AreaNode): number {
  return area.tasks.length + area.measures.reduce((sum, m) => sum + 1 + m.tasks.length, 0);
}

/**
 * Compare two reports (two years of one government, or two revisions of one report): tasks are
 * matched by meaning and position, classified continued / reworded / new / dropped, their targets
 * compared by subject and unit, and everything grouped by work area.
 */
export function diffReports(before: ReportTree, after: ReportTree, options: DiffOptions): ReportDiff {
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const continuedSimilarity = options.continuedSimilarity ?? DEFAULT_CONTINUED_SIMILARITY;
  const beforeItems = collectItems(before);
  const afterItems = collectItems(after);
  const toRef = (tree: ReportTree, item: ReportItem, index: number): ItemRef => ({
    ...item,
    index,
    area: areaRef(tree.areas[item.areaIndex], item.areaIndex).title,
  });

  const analyses = new Map<string, Target[]>();
  const targetsOf = (text: string): Target[] => {
    let targets = analyses.get(text);
    if (!targets) {
      targets = options.analyze(text).targets;
      analyses.set(text, targets);
    }
    return targets;
  };

  const matches = matchItems(
    beforeItems.map((item) => item.text),
    afterItems.map((item) => item.text),
    { minSimilarity },
  );
  const matchedBefore = new Set(matches.map((m) => m.before));
  const matchedAfter = new Set(matches.map((m) => m.after));

  const diffs: ItemDiff[] = [];
  for (const match of matches) {
    const b = beforeItems[match.before]!;
    const a = afterItems[match.after]!;
    diffs.push({
      status: match.similarity >= continuedSimilarity ? 'continued' : 'reworded',
      similarity: Math.round(match.similarity * 1000) / 1000,
      before: toRef(before, b, match.before),
      after: toRef(after, a, match.after),
      targets: [],
    });
  }
  afterItems.forEach((item, index) => {
    if (!matchedAfter.has(index)) {
      diffs.push({ status: 'new', similarity: 0, after: toRef(after, item, index), targets: [] });
    }
  });
  beforeItems.forEach((item, index) => {
    if (!matchedBefore.has(index)) {
      diffs.push({ status: 'dropped', similarity: 0, before: toRef(before, item, index), targets: [] });
    }
  });

  attachTargetDiffs(diffs, targetsOf);

  const areaMap = matchAreas(
    before,
    after,
    matches.map((m) => ({ before: beforeItems[m.before]!, after: afterItems[m.after]! })),
  );
  const areas = groupByArea(before, after, diffs, areaMap);
  const counts = emptyCounts();
  for (const diff of diffs) if (isTask(diff)) counts[diff.status]++;
  const targets = areas.flatMap((area) => area.items.flatMap((item) => item.targets));
  const targetCounts = { raised: 0, lowered: 0, unchanged: 0, changed: 0, new: 0, dropped: 0 };
  for (const target of targets) targetCounts[target.movement]++;

  return {
    before: { title: before.meta.title, ...(before.meta.year ? { year: before.meta.year } : {}) },
    after: { title: after.meta.title, ...(after.meta.year ? { year: after.meta.year } : {}) },
    counts,
    targetCounts,
    areas,
    targets,
  };
}

type Located = Target & { owner: ItemDiff };

/**
 * Targets are first paired inside each matched task pair; what is left over is paired across the
 * whole report, because a target often moves to another sentence (or into the 主要预期目标 list).
 */
function attachTargetDiffs(diffs: ItemDiff[], targetsOf: (text: string) => Target[]): void {
  const leftBefore: Located[] = [];
  const leftAfter: Located[] = [];
  for (const diff of diffs) {
    const beforeTargets = diff.before ? targetsOf(diff.before.text).map((t) => ({ ...t, owner: diff })) : [];
    const afterTargets = diff.after ? targetsOf(diff.after.text).map((t) => ({ ...t, owner: diff })) : [];
    const { pairs, dropped, added } = pairTargets(beforeTargets, afterTargets);
    for (const [b, a] of pairs) diff.targets.push(compareTarget(strip(b), strip(a)));
    leftBefore.push(...dropped);
    leftAfter.push(...added);
  }
  const global = pairTargets(leftBefore, leftAfter);
  for (const [b, a] of global.pairs) a.owner.targets.push(compareTarget(strip(b), strip(a)));
  for (const a of global.added) a.owner.targets.push(compareTarget(undefined, strip(a)));
  for (const b of global.dropped) b.owner.targets.push(compareTarget(strip(b), undefined));
}

function strip(located: Located): Target {
  const { owner: _owner, ...target } = located;
  return target;
}

function groupByArea(
  before: ReportTree,
  after: ReportTree,
  diffs: ItemDiff[],
  areaMap: Map<number, number>,
): AreaDiff[] {
  const reverse = new Map<number, number>();
  for (const [b, a] of areaMap) reverse.set(a, b);
  const groups = new Map<string, AreaDiff>();
  const keyFor = (diff: ItemDiff): string => {
    if (diff.after) return `a${diff.after.areaIndex}`;
    const mapped = areaMap.get(diff.before!.areaIndex);
    return mapped === undefined ? `b${diff.before!.areaIndex}` : `a${mapped}`;
  };
  const ensure = (key: string): AreaDiff => {
    let group = groups.get(key);
    if (!group) {
      const isAfter = key.startsWith('a');
      const index = Number(key.slice(1));
      const beforeIndex = isAfter ? reverse.get(index) : index;
      group = {
        ...(beforeIndex === undefined ? {} : { before: areaRef(before.areas[beforeIndex], beforeIndex) }),
        ...(isAfter ? { after: areaRef(after.areas[index], index) } : {}),
        counts: emptyCounts(),
        items: [],
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const diff of diffs) {
    const group = ensure(keyFor(diff));
    group.items.push(diff);
    if (isTask(diff)) group.counts[diff.status]++;
  }
  const order = (area: AreaDiff): number => (area.after ? area.after.index : 1e6 + (area.before?.index ?? 0));
  const result = [...groups.values()].sort((x, y) => order(x) - order(y));
  const position = readingPositions(diffs);
  for (const group of result) {
    group.items.sort((x, y) => position.get(x)! - position.get(y)!);
  }
  return result;
}

/**
 * Order in the later report; a dropped item is placed right after the later-report position of
 * the nearest earlier item that survived, so it shows up where it used to stand.
 */
function readingPositions(diffs: ItemDiff[]): Map<ItemDiff, number> {
  const positions = new Map<ItemDiff, number>();
  const byBefore = diffs.filter((d) => d.before).sort((x, y) => x.before!.index - y.before!.index);
  let anchor = -1;
  let offset = 0;
  for (const diff of byBefore) {
    if (diff.after) {
      anchor = diff.after.span[0];
      offset = 0;
    } else {
      offset += 1e-3;
      positions.set(diff, anchor + offset);
    }
  }
  for (const diff of diffs) if (diff.after) positions.set(diff, diff.after.span[0]);
  return positions;
}
