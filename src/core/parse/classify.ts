import type { SectionKind } from '../report-tree.js';

const APPENDIX = /^(附件|附录|附表|名词解释|注释)/;
const SELF_BUILDING = /政府自身建设/;
const REVIEW = /回顾|成就|工作总结|过去[一二三四五六七八九十\d]+年|[一上]年工作情况/;
const TASKS =
  /政府工作任务|重点工作|重点任务|主要任务|工作安排|工作部署|工作的建议|政府工作建议|做好以下|抓好以下|工作打算|工作计划|下一步|今年工作|工作任务/;
const REQUIREMENTS = /总体要求|总要求|政策取向|预期目标|目标任务|指导思想|总体思路|主要目标|发展目标/;
/** A five-year span: “十五五”时期, 今后五年, 第十五个五年规划. */
const FIVE_YEAR = /“?十[一二三四五六七八九]五”?|[今未]后五年|五年规划|[一二三四五六七八九十]+个五年/;
/** What a plan section sets out: goals, tasks, measures, considerations. */
const PLAN_CONTENT = /目标|任务|举措|考虑|要求|思路|部署|重点/;
/** This year's work named in the same title ("“十五五”时期目标任务和2026年工作安排"). */
const THIS_YEAR = /\d{4}\s*年|今年|本年/;

/**
 * The kind of a top-level section from its title. Order matters: a title naming both the
 * general requirements and the key tasks ("工作总体要求和重点任务") holds the tasks; one naming
 * five-year goals ("主要目标任务") is requirements, not this year's tasks; one about a five-year
 * span ("“十五五”时期主要目标任务", "“十五五”时期经济社会发展重点任务") is the plan, unless it
 * also names this year's work.
 */
export function classifySectionTitle(title: string): SectionKind {
  if (APPENDIX.test(title)) return 'appendix';
  if (SELF_BUILDING.test(title) && !TASKS.test(title)) return 'self-building';
  const isPlan = FIVE_YEAR.test(title) && PLAN_CONTENT.test(title) && !THIS_YEAR.test(title);
  // "“十四五”时期发展成就和“十五五”时期主要目标任务": the title ends on the plan, so the section does.
  const last = title.split(/和|与|及/).pop() ?? title;
  if (isPlan && FIVE_YEAR.test(last) && PLAN_CONTENT.test(last) && !REVIEW.test(last)) return 'plan';
  if (REVIEW.test(title)) return 'review';
  if (isPlan) return 'plan';
  if (/目标任务/.test(title) && !/重点任务|工作任务/.test(title)) return 'requirements';
  if (TASKS.test(title)) return 'tasks';
  if (isSelfBuildingTitle(title)) return 'self-building';
  if (REQUIREMENTS.test(title)) return 'requirements';
  return 'other';
}

/**
 * A title about the government's own conduct, however worded: 政府自身建设, 全面提升政府治理效能,
 * 努力建设让人民满意的法治型服务型政府.
 */
export function isSelfBuildingTitle(title: string): boolean {
  return /自身建设|政府(?:治理|效能|履职|作风|建设)|人民满意的[^，,]{0,8}政府/.test(title);
}

/** "各位代表：" — the opening salutation. */
export const GREETING = /^各位(代表|委员)[：:]/;

/** "各位代表！" — a break in the speech; it ends the current work area. */
export const BREAK = /^各位(代表|委员)\s*[！!，,]/;

/** An appendix heading line such as "附件1", "附件2 名词解释", "名词解释". */
export function isAppendixHeading(content: string): boolean {
  if (content.length > 40) return false;
  return (
    /^(附件|附录|附表)\s*[\d一二三四五六七八九十]*\s*[:：]?/.test(content) || /^名词解释[:：]?$/.test(content)
  );
}
