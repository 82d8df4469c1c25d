import type { Commitment } from '../target.js';
import { WordSet } from './word-set.js';

/**
 * The kind of commitment a task makes, read from its verbs. Modal words (确保, 力争) outrank the
 * action verbs because they say how binding the task is; among actions, finishing something
 * (建成) outranks starting it (启动), which outranks working on it (推进).
 */

const ENSURE = ['确保'];
const STRIVE = ['力争', '争取', '力促', '努力实现'];
const COMPLETE = [
  ...['完成', '建成', '完工', '竣工', '投用', '投入使用', '投入运营', '投运', '开园', '建成开放', '正式开放'],
  ...[
    '向公众开放',
    '对公众开放',
    '向社会开放',
    '免费开放',
    '开放运营',
    '交付',
    '通车',
    '开通',
    '通航',
    '收官',
  ],
  '基本具备开通条件',
];
const START = ['启动', '开工', '动工', '开建', '开展试点'];
const ADVANCE = [
  ...['推进', '加快', '深化', '持续', '推动', '加强', '加大', '提升', '优化', '完善', '促进', '实施', '开展'],
  ...['强化', '做好', '抓好', '坚持', '落实', '深入'],
];
/** 启动区 and 启动段 are places (先行启动区), not a start; 启动资金 is money. */
const NOT_VERBS = ['启动区', '启动段', '启动资金'];

const RANK: ReadonlyArray<Commitment> = ['ensure', 'strive', 'complete', 'start', 'advance'];
const KIND = new Map<string, Commitment | null>([
  ...ENSURE.map((w): [string, Commitment] => [w, 'ensure']),
  ...STRIVE.map((w): [string, Commitment] => [w, 'strive']),
  ...COMPLETE.map((w): [string, Commitment] => [w, 'complete']),
  ...START.map((w): [string, Commitment] => [w, 'start']),
  ...ADVANCE.map((w): [string, Commitment] => [w, 'advance']),
  ...NOT_VERBS.map((w): [string, null] => [w, null]),
]);
const VERBS = new WordSet(KIND.keys());

/** 完成/开工/推进/力争/确保 — the commitment type of a task sentence, or null when it has no verb we know. */
export function detectCommitment(sentence: string): Commitment | null {
  let best: Commitment | null = null;
  for (let i = 0; i < sentence.length; ) {
    const word = VERBS.at(sentence, i);
    if (word === null) {
      i++;
      continue;
    }
    const kind = KIND.get(word) ?? null;
    if (kind !== null && (best === null || RANK.indexOf(kind) < RANK.indexOf(best))) best = kind;
    if (best === 'ensure') return best;
    i += word.length;
  }
  return best;
}
