import type { SectionKind } from '../report-tree.js';

const APPENDIX = /^(附件|附录|附表|名词解释|注释)/;
const SELF_BUILDING = /政府自身建设/;
const REVIEW = /回顾|成就|工作总结|过去[一二三四五六七八九十\d]+年|[一上]年工作情况/;
const TASKS =
  /政府工作任务|重点工作|重点任务|主要任务|工作安排|工作部署|工作的建议|政府工作建议|做好以下|抓好以下|工作打算|工作计划|下一步|今年工作|工作任务/;
const REQUIREMENTS = /总体要求|总要求|政策取向|预期目标|目标任务|指导思想|总体思路|主要目标|发展目标/;

/**
 * The kind of a top-level section from its title. Order matters: a title naming both the
 * general requirements and the key tasks ("工作总体要求和重点任务") holds the tasks; one naming
 * five-year goals ("主要目标任务") is requirements, not this year's tasks.
 */
export function classifySectionTitle(title: string): SectionKind {
  if (APPENDIX.test(title)) return 'appendix';
  if (SELF_BUILDING.test(title) && !TASKS.test(title)) return 'self-building';
  if (REVIEW.test(title)) return 'review';
  if (/目标任务/.test(title) && !/重点任务|工作任务/.test(title)) return 'requirements';
  if (TASKS.test(title)) return 'tasks';
  if (REQUIREMENTS.test(title)) return 'requirements';
  return 'other';
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
