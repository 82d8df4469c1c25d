/**
 * Word automatic numbering (word/numbering.xml): the "一、" or "（一）" a paragraph shows is not in
 * its text but generated from a numbering definition, so we render it ourselves.
 */

interface Level {
  start: number;
  format: string;
  text: string;
}

/** numId → level index → definition. */
export type NumberingDefinitions = Map<string, Map<number, Level>>;

const ATTRIBUTE = /w:(\w+)="([^"]*)"/g;

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(ATTRIBUTE)) result[match[1] ?? ''] = match[2] ?? '';
  return result;
}

/** Read numbering.xml into definitions per numId. Linear in the XML length. */
export function readNumbering(xml: string): NumberingDefinitions {
  const abstract = new Map<string, Map<number, Level>>();
  const tags = /<w:(abstractNum|lvl|start|numFmt|lvlText|num|abstractNumId)\b([^>]*)>/g;
  let currentAbstract: Map<number, Level> | undefined;
  let currentLevel: Level | undefined;
  let currentNum: string | undefined;
  const numToAbstract = new Map<string, string>();
  for (const match of xml.matchAll(tags)) {
    const [, name, rest = ''] = match;
    const attrs = attributes(rest);
    if (name === 'abstractNum') {
      currentAbstract = new Map();
      abstract.set(attrs.abstractNumId ?? '', currentAbstract);
      currentNum = undefined;
    } else if (name === 'lvl' && currentAbstract) {
      currentLevel = { start: 1, format: 'decimal', text: '' };
      currentAbstract.set(Number(attrs.ilvl ?? 0), currentLevel);
    } else if (name === 'start' && currentLevel) currentLevel.start = Number(attrs.val ?? 1) || 1;
    else if (name === 'numFmt' && currentLevel) currentLevel.format = attrs.val ?? 'decimal';
    else if (name === 'lvlText' && currentLevel) currentLevel.text = attrs.val ?? '';
    else if (name === 'num') {
      currentNum = attrs.numId;
      currentAbstract = undefined;
      currentLevel = undefined;
    } else if (name === 'abstractNumId' && currentNum !== undefined)
      numToAbstract.set(currentNum, attrs.val ?? '');
  }
  const definitions: NumberingDefinitions = new Map();
  for (const [numId, abstractId] of numToAbstract) {
    const levels = abstract.get(abstractId);
    if (levels) definitions.set(numId, levels);
  }
  return definitions;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseCounting(value: number): string {
  if (value <= 0 || value >= 100) return String(value);
  if (value < 10) return CN_DIGITS[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${units === 0 ? '' : CN_DIGITS[units]}`;
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'lowerLetter':
      return String.fromCharCode(97 + ((value - 1) % 26));
    case 'upperLetter':
      return String.fromCharCode(65 + ((value - 1) % 26));
    case 'decimalFullWidth':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(value);
  }
}

/** Counts paragraphs per list and level while the document is read, and renders their labels. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The label a numbered paragraph shows ("一、", "（一）", "1."), or "-" for a bullet. */
  label(numId: string, level: number): string | undefined {
    const levels = this.definitions.get(numId);
    const definition = levels?.get(level);
    if (!levels || !definition || numId === '0') return undefined;
    if (definition.format === 'bullet' || definition.format === 'none')
      return definition.format === 'bullet' ? '-' : undefined;
    const counts = this.counters.get(numId) ?? [];
    counts[level] = (counts[level] ?? definition.start - 1) + 1;
    // A deeper level restarts whenever a shallower one advances.
    counts.length = level + 1;
    this.counters.set(numId, counts);
    return definition.text.replace(/%(\d)/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const format = levels.get(at)?.format ?? 'decimal';
      return formatNumber(counts[at] ?? levels.get(at)?.start ?? 1, format);
    });
  }
}
