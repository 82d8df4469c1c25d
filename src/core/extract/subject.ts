/**
 * The subject of a target: the short noun phrase the number measures, taken from the sentence.
 * Reports put it after the quantity ("新建|10家|养老服务驿站") or before it
 * ("城镇调查失业率|控制在|5%以内"); the verbs and adverbs around it are trimmed off.
 */

import { WordSet } from './word-set.js';

const CLAUSE_END = '，。；：、,;:！？!?\n（(）)';

/** Verbs that end the noun phrase after a quantity ("2所幼儿园|开园"). */
const AFTER_STOP = new WordSet([
  '实现',
  '提供',
  '开展',
  '进行',
  '实施',
  '完成',
  '达到',
  '免费',
  '开园',
  '建成',
  '投用',
  '投入',
  '参与',
  '纳入',
  '覆盖',
  '享受',
  '获得',
  '入选',
  '通过',
  '实行',
  '落地',
  '运营',
  '开放',
  '位列',
  '获批',
  '获评',
  '开工',
  '竣工',
  '完工',
  '启动',
  '得到',
  '惠及',
  '带动',
  '开拓',
  '稳定',
  '受益',
  '迁入',
  '上榜',
  '达',
  '在',
  '到',
  '从',
  '为',
  '的',
  '使',
  '让',
  '和',
  '及',
  '与',
  '等',
  '占',
  '是',
  '将',
  '已',
  '均',
  '全部',
  '基本',
  '分别',
  '正式',
  '累计',
]);

/** Trailing words that name the activity rather than the thing ("7个家园中心|建设"). */
const AFTER_TRAILING = /(建设|治理|工作|任务)$/;

/** Verbs, adverbs and prepositions around a subject. */
const LEADING = new WordSet([
  '其中',
  '今年',
  '全年',
  '年内',
  '当年',
  '全省',
  '全市',
  '全区',
  '全国',
  '累计',
  '再',
  '进一步',
  '大力',
  '积极',
  '深入',
  '全面',
  '着力',
  '努力',
  '争取',
  '力争',
  '确保',
  '持续',
  '继续',
  '加快',
  '推进',
  '推动',
  '扎实',
  '统筹',
  '有序',
  '切实',
  '加大',
  '做好',
  '抓好',
  '新增',
  '新建',
  '增加',
  '增补',
  '扩增',
  '建设',
  '建成',
  '完成',
  '实施',
  '举办',
  '开展',
  '更新',
  '竣工',
  '打造',
  '促进',
  '实现',
  '提供',
  '培育',
  '改造',
  '提升',
  '引进',
  '治理',
  '支持',
  '组织',
  '开发',
  '募集',
  '吸引',
  '升级',
  '聘请',
  '招引',
  '安排',
  '拟安排',
  '发行',
  '拟发行',
  '开工',
  '交付',
  '筹集',
  '新开工',
  '新改建',
  '改扩建',
  '新认定',
  '创建',
  '设立',
  '开通',
  '打通',
  '拆除',
  '整治',
  '保持',
  '稳定',
  '推介',
  '争创',
  '引育',
  '选送',
  '整合',
  '开设',
  '组建',
  '部署',
  '取得',
  '为',
  '对',
  '向',
  '在',
  '使',
  '让',
  '并',
  '和',
  '、',
]);

const TRAILING = new WordSet([
  '控制在',
  '稳定在',
  '保持在',
  '保持',
  '上涨',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '增加到',
  '降至',
  '降到',
  '下降到',
  '下降至',
  '增长',
  '下降',
  '降低',
  '达到',
  '超过',
  '突破',
  '不少于',
  '不低于',
  '不超过',
  '不高于',
  '至少',
  '增加',
  '新增',
  '提高',
  '提升',
  '减少',
  '压减',
  '累计',
  '总计',
  '合计',
  '分别',
  '均',
  '再',
  '年均',
  '平均',
  '比上年',
  '比去年',
  '规模',
  '达',
  '为',
  '超',
  '约',
  '近',
  '在',
  '逾',
  '要',
  '将',
  '拟',
  '可',
  '预计',
  '一直',
  '继续',
  '持续',
  '实际',
  '拟按',
  '按',
]);

/** Trims verbs and adverbs around a candidate subject. */
function tidy(phrase: string): string {
  let s = phrase.trim();
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = TRAILING.stripEnd(LEADING.stripStart(s)).trim();
    if (s === before) break;
  }
  return s.length > 24 ? s.slice(s.length - 24) : s;
}

const STARTS_IDEOGRAPH = /^[\u4e00-\u9fff]/;
/** 从/由 and what follows it: a baseline (从54万亿元增加到). */
const FROM_BASELINE = /[从由][^从由]*$/;
/** A number and what is not an ideograph after it, at the end. */
const TRAILING_NUMBER = /[0-9.%]+[^\u4e00-\u9fff]*$/;
const ARABIC_DIGIT = /[0-9]/;

/**
 * The subject of the quantity occupying [start, end) of `text` (the half-width sentence).
 * Returns an empty string when the sentence names nothing measurable.
 */
export function findSubject(text: string, start: number, end: number): string {
  // After the quantity: "新建10家|养老服务驿站|，".
  let stop = end;
  while (stop < text.length && !CLAUSE_END.includes(text[stop] as string) && stop - end < 30) stop++;
  let after = text.slice(end, stop);
  // "稳定在5%左右|的较低水平": what follows 的 describes the number, not what it measures.
  if (after.startsWith('的')) after = '';
  const verb = AFTER_STOP.first(after);
  if (verb !== null) after = after.slice(0, verb.index);
  after = after.replace(AFTER_TRAILING, '');
  if (after.length >= 2 && STARTS_IDEOGRAPH.test(after)) {
    const subject = tidy(after);
    if (subject.length >= 2) return subject;
  }

  // Before it: "城镇调查失业率|控制在5%以内".
  let from = start;
  while (from > 0 && !CLAUSE_END.includes(text[from - 1] as string)) from--;
  const before = text
    .slice(from, start)
    .replace(FROM_BASELINE, '') // 从54万亿元增加到: the baseline is not the subject
    .replace(TRAILING_NUMBER, '');
  // "收入分别增长4%左右和|6%": the noun phrase stands before the list's first number.
  const firstNumber = before.search(ARABIC_DIGIT);
  return tidy(firstNumber > 0 ? before.slice(0, firstNumber) : before);
}
