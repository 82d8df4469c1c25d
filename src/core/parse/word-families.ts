/**
 * A few fields of government work, each named by a general word and carried out under more
 * specific ones: a report's topic names the field ("加快建设健康江苏。"), its body the specific
 * work ("高水平医院建设", "医疗卫生强基工程"). General to government work reports, not to one of them.
 */
const KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['健康', ['医疗', '医院', '医学', '医保', '卫生', '疾病', '病防治', '中医', '医药', '体育']],
  ['安全', ['安全生产', '消防', '应急', '事故', '防灾', '减灾', '治安', '食品药品']],
  ['稳定', ['信访', '矛盾', '纠纷', '调处', '综治', '社会治理']],
  [
    '污染',
    [
      '大气',
      '空气',
      '扬尘',
      '水质',
      '流域',
      '海域',
      '河湖',
      '土壤',
      '固体废物',
      '污水',
      '垃圾',
      '噪声',
      '黑臭',
    ],
  ],
]);

/** Whether `text` names a kind of the field `word` names ("健康" in a text on "医院建设"). */
export function namesKindOf(word: string, text: string): boolean {
  return KINDS.get(word)?.some((kind) => text.includes(kind)) ?? false;
}

/**
 * Whether a short sentence names a kind of a field that a topic names: "强化食品药品安全全链条监管"
 * after "提高公共安全治理水平", "加强近岸海域综合治理" after "强化污染防治攻坚".
 */
export function isKindOfField(sentence: string, topic: string): boolean {
  for (const [field, kinds] of KINDS)
    if (topic.includes(field) && kinds.some((kind) => sentence.includes(kind))) return true;
  return false;
}
