/**
 * Scores predicted targets against gold ones the way ../shared/tools/score_extract.py does:
 * strict = value + unit + comparator (and `max` for ranges), loose = value + unit. Gold targets
 * marked `optional` are neither required nor penalised.
 */

/** One gold target as the gold JSONL files write it. */
export interface GoldTarget {
  value: number;
  max?: number;
  unit: string;
  unit_alt?: string[];
  comparator?: string;
  alt?: string[];
  change?: string;
  subject?: string;
  text?: string;
  optional?: boolean;
}

/** One gold line: a sentence and the targets it must yield. */
export interface GoldLine {
  text: string;
  targets: GoldTarget[];
  deadline?: string;
}

/** The fields of a predicted target the scorer reads. */
export interface PredictedTarget {
  value: number;
  max?: number;
  unit: string;
  comparator: string;
  text?: string;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: Array<{ text: string; gold: GoldTarget }>;
  extras: Array<{ text: string; predicted: PredictedTarget }>;
}

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  '％': '%',
  百分之: '%',
  '㎡': '平方米',
  'm²': '平方米',
  km: '公里',
  千米: '公里',
  'μg/m³': '微克/立方米',
  微克每立方米: '微克/立方米',
};

const COMPARATOR_ALIASES: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  approx: '~',
  eq: '=',
  gte: '>=',
  lte: '<=',
  gt: '>',
  lt: '<',
  '==': '=',
};

function normUnit(unit: string | undefined): string {
  const u = (unit ?? '').trim();
  return UNIT_ALIASES[u] ?? u;
}

function normComparator(comparator: string | undefined): string {
  const c = (comparator ?? '=').trim() || '=';
  return COMPARATOR_ALIASES[c] ?? c;
}

function sameValue(a: number | undefined, b: number | undefined): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function matches(predicted: PredictedTarget, gold: GoldTarget, strict: boolean): boolean {
  const units = [normUnit(gold.unit), ...(gold.unit_alt ?? []).map(normUnit)];
  if (!sameValue(predicted.value, gold.value) || !units.includes(normUnit(predicted.unit))) return false;
  if (gold.comparator === 'between') return sameValue(predicted.max, gold.max) || !strict;
  if (!strict) return true;
  return [gold.comparator ?? '=', ...(gold.alt ?? [])].includes(normComparator(predicted.comparator));
}

/** Precision, recall and F1 of `predicted` (one list per gold line, same order) against `gold`. */
export function scoreTargets(
  gold: readonly GoldLine[],
  predicted: ReadonlyArray<readonly PredictedTarget[]>,
  strict: boolean,
): Score {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: Score['misses'] = [];
  const extras: Score['extras'] = [];
  gold.forEach((line, index) => {
    const used = line.targets.map(() => false);
    for (const target of predicted[index] ?? []) {
      const hit = line.targets.findIndex((g, i) => !used[i] && matches(target, g, strict));
      if (hit < 0) {
        falsePositives++;
        extras.push({ text: line.text, predicted: target });
      } else {
        used[hit] = true;
        if (!line.targets[hit]?.optional) truePositives++;
      }
    }
    line.targets.forEach((g, i) => {
      if (!used[i] && !g.optional) {
        falseNegatives++;
        misses.push({ text: line.text, gold: g });
      }
    });
  });
  const precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 0;
  const recall = truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives, falsePositives, falseNegatives, misses, extras };
}

/** Parses a gold JSONL text (one object per non-empty line). */
export function parseGoldJsonl(jsonl: string): GoldLine[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldLine);
}
