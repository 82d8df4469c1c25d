/**
 * The unit lexicon: measure words (量词) and units of measure as government reports write them,
 * each folded into one Chinese spelling. Multipliers (万, 亿) belong to the numeral, not the unit,
 * so 2.3亿元 reads as 230000000 元 and 25万平方米 as 250000 平方米.
 */

/**
 * What a unit measures; the extractor's rules differ by kind:
 * - count: a classifier (个 家 项 …) — a noun after it is the thing counted;
 * - measure: a physical quantity (平方米 吨 千瓦 …);
 * - money: 元, 美元 …;
 * - percent: %, ‰, 个百分点, and 成 / 分之 read as %;
 * - ratio: 倍;
 * - duration: 小时 分钟 天 年 个月 — a noun after it usually names a metric (5分钟响应覆盖率);
 * - age: 岁 — with 以上/以下 or a range it qualifies a class of people (3岁以下婴幼儿).
 */
export type UnitKind = 'count' | 'measure' | 'money' | 'percent' | 'ratio' | 'duration' | 'age';

export interface UnitEntry {
  /** How the text writes it. */
  surface: string;
  /** The one spelling luoshi stores. */
  unit: string;
  kind: UnitKind;
  /** Characters that, right after the surface, show it is the start of another word (人口, 项目). */
  notBefore?: string;
  /** Words that, right after the surface, show the same (张|家湾, 张|家口). */
  notBeforeWords?: readonly string[];
  /** Only after Arabic digits (2期 is a count, 二期 is a project phase). */
  arabicOnly?: boolean;
}

type Row = [surface: string, unit: string, notBefore?: string];

const MONEY: Row[] = [
  ['元', '元', '素旦首宵'],
  ['元人民币', '元'],
  ['人民币', '元'],
  ['美元', '美元'],
  ['欧元', '欧元'],
  ['港元', '港元'],
  ['港币', '港元'],
  ['日元', '日元'],
  ['英镑', '英镑'],
  ['澳门元', '澳门元'],
];

const MEASURES: Row[] = [
  ['平方公里', '平方公里'],
  ['平方千米', '平方公里'],
  ['平方米', '平方米'],
  ['平米', '平方米'],
  ['㎡', '平方米'],
  ['m²', '平方米'],
  ['公顷', '公顷'],
  ['亩', '亩'],
  ['公里', '公里'],
  ['千米', '公里'],
  ['km', '公里'],
  ['延米', '米'],
  ['米', '米', '面粉饭线'],
  ['厘米', '厘米'],
  ['立方米', '立方米'],
  ['方', '立方米', '面式案向法便针位舱言正形'],
  ['吨标准煤', '吨标准煤'],
  ['吨标煤', '吨标准煤'],
  ['吨', '吨'],
  ['千克', '千克'],
  ['公斤', '千克'],
  ['斤', '斤'],
  ['克', '克', '服隆难'],
  ['毫克', '毫克'],
  ['微克', '微克'],
  ['微克/立方米', '微克/立方米'],
  ['微克每立方米', '微克/立方米'],
  ['μg/m³', '微克/立方米'],
  ['千瓦时', '千瓦时'],
  ['兆瓦时', '兆瓦时'],
  ['吉瓦时', '吉瓦时'],
  ['千伏安', '千伏安'],
  ['度电', '千瓦时'],
  ['千瓦', '千瓦'],
  ['kW', '千瓦'],
  ['兆瓦', '兆瓦'],
  ['MW', '兆瓦'],
  ['吉瓦', '吉瓦'],
  ['GW', '吉瓦'],
  ['千伏', '千伏'],
  ['标箱', '标箱'],
  ['标准箱', '标箱'],
  ['TEU', '标箱'],
  ['升', '升', '级值温高格降空'],
  ['分/千瓦时', '分/千瓦时'],
];

const COUNTS: Row[] = [
  ['个', '个', '体人性税案'],
  ['家', '家', '乡园居电具政族长属底里'],
  ['家庭', '家庭'],
  ['部', '部', '门分署委队长级件位'],
  ['场', '场', '景地所馆站区合面域馆'],
  ['场次', '场次'],
  ['处', '处', '理置罚室长级于在'],
  ['座', '座', '谈位'],
  ['套', '套', '餐'],
  ['所', '所', '有以属得在谓'],
  ['项', '项', '目'],
  ['条', '条', '件例款约'],
  ['户', '户', '籍外型口主'],
  ['户次', '户次'],
  ['人', '人', '口民均才员工们士身群文力物格社寿选数居防大'],
  ['人次', '人次'],
  ['名', '名', '单列称义额牌次'],
  ['张', '张'],
  ['辆', '辆'],
  ['辆次', '辆次'],
  ['台', '台', '湾风阶账站区'],
  ['件', '件'],
  ['件次', '件次'],
  ['株', '株'],
  ['棵', '棵'],
  ['只', '只', '有要能是'],
  ['头', '头', '部'],
  ['艘', '艘'],
  ['艘次', '艘次'],
  ['架', '架', '构'],
  ['架次', '架次'],
  ['列', '列', '入为举'],
  ['班次', '班次'],
  ['趟', '趟'],
  ['批次', '批次'],
  ['次', '次', '年生日级序要'],
  ['例', '例', '如外行'],
  ['篇', '篇', '章'],
  ['册', '册'],
  ['本', '本', '地科土'],
  ['门', '门', '户类槛诊店'],
  ['支', '支', '持出付撑部'],
  ['队', '队', '伍员列'],
  ['类', '类', '型似别'],
  ['种', '种', '子植类业'],
  ['款', '款', '项'],
  ['块', '块', '钱'],
  ['宗', '宗', '教旨'],
  ['栋', '栋'],
  ['幢', '幢'],
  ['间', '间', '隔接'],
  ['层', '层', '次级面'],
  ['根', '根', '本据'],
  ['盏', '盏'],
  ['口', '口', '岸径'],
  ['眼', '眼', '光界'],
  ['片', '片', '区'],
  ['轮', '轮', '胎次'],
  ['份', '份', '额'],
  ['笔', '笔'],
  ['组', '组', '织建成合团'],
  ['枚', '枚'],
  ['幅', '幅', '度'],
  ['期', '期', '间刊限'],
  ['羽', '羽', '毛绒'],
  ['尾', '尾', '矿号气款声'],
  ['箱', '箱', '包'],
  ['单', '单', '位元独据个一项列'],
  ['位', '位', '居列于置数'],
];

const RATES: Array<[string, string, UnitKind]> = [
  ['%', '%', 'percent'],
  ['‰', '‰', 'percent'],
  ['个百分点', '个百分点', 'percent'],
  ['百分点', '个百分点', 'percent'],
  ['倍', '倍', 'ratio'],
];

const DURATIONS: Row[] = [
  ['小时', '小时'],
  ['分钟', '分钟'],
  ['秒', '秒', '钟'],
  ['天', '天', '然空津下'],
  ['个月', '个月'],
  ['个工作日', '个工作日'],
  ['工作日', '个工作日'],
  ['年', '年', '度级龄轻代均纪份初底末内中终'],
];

const AGES: Row[] = [
  ['岁', '岁', '月末'],
  ['周岁', '岁'],
];

/** Place names and words that begin with a measure word: 张家湾, 张家口, 台湾 (by notBefore). */
const NOT_BEFORE_WORDS: Readonly<Record<string, readonly string[]>> = {
  张: ['家湾', '家口', '家港', '家界'],
};

function rows(list: Row[], kind: UnitKind, arabicOnly: readonly string[] = []): UnitEntry[] {
  return list.map(([surface, unit, notBefore]) => {
    const entry: UnitEntry = { surface, unit, kind };
    if (notBefore !== undefined) entry.notBefore = notBefore;
    const words = NOT_BEFORE_WORDS[surface];
    if (words !== undefined) entry.notBeforeWords = words;
    if (arabicOnly.includes(surface)) entry.arabicOnly = true;
    return entry;
  });
}

/** Every unit luoshi recognises, with its normalised spelling and kind. */
export const UNIT_LEXICON: readonly UnitEntry[] = [
  ...rows(MONEY, 'money'),
  ...rows(MEASURES, 'measure', ['方', '升']),
  ...rows(COUNTS, 'count', ['期', '口', '眼', '本', '方', '尾', '箱', '单', '位']),
  ...RATES.map(([surface, unit, kind]): UnitEntry => ({ surface, unit, kind })),
  ...rows(DURATIONS, 'duration'),
  ...rows(AGES, 'age'),
];

/** Units that may follow "/" to make a rate unit: 吨/日, 元/人, 立方米/秒. */
const DENOMINATORS = [
  '千瓦时',
  '立方米',
  '平方米',
  '百亿元',
  '小时',
  '公里',
  '人',
  '日',
  '天',
  '年',
  '月',
  '秒',
  '吨',
  '亩',
  '户',
  '升',
];

const BY_FIRST_CHAR = new Map<string, UnitEntry[]>();
for (const entry of UNIT_LEXICON) {
  const first = entry.surface[0] as string;
  const list = BY_FIRST_CHAR.get(first) ?? [];
  list.push(entry);
  BY_FIRST_CHAR.set(first, list);
}
for (const list of BY_FIRST_CHAR.values()) list.sort((a, b) => b.surface.length - a.surface.length);

/** A unit read at a position of a sentence. */
export interface UnitMatch {
  unit: string;
  kind: UnitKind;
  /** Offset just after the unit text (including a "/denominator"). */
  end: number;
}

/**
 * Reads the unit that starts at `pos` of `text` (half-width text), longest spelling first,
 * including a rate denominator ("吨/日"). `afterArabic` tells whether the numeral before it
 * used Arabic digits (some measure words only count after them).
 */
export function readUnit(text: string, pos: number, afterArabic: boolean): UnitMatch | null {
  if (pos < 0 || pos >= text.length) return null;
  const candidates = BY_FIRST_CHAR.get(text[pos] as string);
  if (candidates === undefined) return null;
  for (const entry of candidates) {
    if (!text.startsWith(entry.surface, pos)) continue;
    if (entry.arabicOnly && !afterArabic) continue;
    const end = pos + entry.surface.length;
    const next = end < text.length ? (text[end] as string) : '';
    if (next !== '' && entry.notBefore?.includes(next)) continue;
    if (entry.notBeforeWords?.some((word) => text.startsWith(word, end))) continue;
    if (next === '/' && !entry.unit.includes('/')) {
      for (const denominator of DENOMINATORS) {
        if (text.startsWith(denominator, end + 1)) {
          return {
            unit: `${entry.unit}/${denominator}`,
            kind: entry.kind,
            end: end + 1 + denominator.length,
          };
        }
      }
    }
    return { unit: entry.unit, kind: entry.kind, end };
  }
  return null;
}

/** The normalised spelling of a unit as written ("％" → "%", "千米" → "公里"), or the input. */
export function normalizeUnit(surface: string): string {
  const half = surface.replace(/％/g, '%');
  const match = readUnit(half, 0, true);
  return match !== null && match.end === half.length ? match.unit : half;
}
