import type { AreaNode, MeasureNode, SectionKind, SectionNode, Span, TaskNode } from '../report-tree.js';
import { type Block, blockContent } from './blocks.js';
import { BREAK } from './classify.js';
import { textOf } from './lines.js';
import { isStatement, sentenceTask, sentenceTasks } from './prose.js';
import { splitSentences } from './sentences.js';

/** The salutation that opens a paragraph ("各位代表！", "各位代表，"). */
const SALUTATION = /^各位(代表|委员)\s*[！!，,]\s*/;

/** The government's own conduct, said in the opening sentence of a paragraph. */
const SELF_BUILDING =
  /自身建设|对政府工作提出|各级政府|政府及其?工作人员|政府系统|政府履职|履职能力|人民满意的政府|政府治理|法治政府|廉洁政府/;

/**
 * Work outside the numbered areas that a report still commits to: defence and veterans, ethnic
 * and religious affairs, Hong Kong, Macao and Taiwan, overseas Chinese, foreign affairs, the year's
 * livelihood projects, production safety.
 */
const OTHER_WORK =
  /国防|军队|双拥|民族(?:团结|宗教|区域|地区|工作|事务)|中华民族共同体|宗教|兵团|港澳|台湾|对台|两岸|侨务|外事|外交|民生实事|为民办实事|实事项目|实事工程|退役军人|人民防空|群团|安全生产/;

/**
 * The roll-call of work outside the economy a last area may end with: defence and veterans,
 * ethnic and religious affairs, Hong Kong, Macao and Taiwan, overseas Chinese, foreign affairs,
 * mass organisations.
 */
const ROLL_CALL =
  /国防|军队|双拥|民族|宗教|兵团|港澳|台湾|对台|侨务|外事|外交|退役军人|人民防空|群团|工会|共青团|妇联/;

/** The rallying close of the speech ("让我们更加紧密地团结在…"): never a task. */
const RALLY = /让我们/;

type ParagraphClass = 'self-building' | 'other-work' | 'neutral';

function classOf(content: string): ParagraphClass {
  const words = content.replace(SALUTATION, '');
  if (words.length === 0 || RALLY.test(words)) return 'neutral';
  const firstSentence = words.split(/[。！？]/)[0] ?? words;
  if (SELF_BUILDING.test(firstSentence) || /自身建设|对政府工作提出/.test(words)) return 'self-building';
  return OTHER_WORK.test(words) ? 'other-work' : 'neutral';
}

interface Group {
  blocks: Block[];
  classes: ParagraphClass[];
}

function groupKind(group: Group): 'self-building' | 'other-work' | 'other' {
  if (group.classes.includes('self-building')) return 'self-building';
  return group.classes.includes('other-work') ? 'other-work' : 'other';
}

/**
 * A closing section has no heading: "各位代表！" titles it; a longer opening sentence is cut at its
 * salutation ("各位代表，完成今年目标任务，…") or first clause.
 */
function tailTitle(text: string, first: Block): string {
  const sentence = splitSentences(text, first.start, first.end)[0] ?? ([first.start, first.end] as Span);
  const whole = text.slice(sentence[0], sentence[1]);
  if (whole.length <= 12) return whole;
  const salutation = BREAK.exec(whole);
  if (salutation) return salutation[0].slice(0, -1).trim();
  const clause = whole.search(/[，,]/);
  return clause > 0 ? whole.slice(0, clause) : text.slice(first.start, Math.min(first.end, first.start + 12));
}

function plainSection(text: string, kind: SectionKind, blocks: Block[]): SectionNode {
  const first = blocks[0] as Block;
  const last = blocks[blocks.length - 1] as Block;
  return {
    kind,
    title: tailTitle(text, first),
    span: [first.start, last.end],
    areas: [],
    paragraphs: blocks.map((block) => ({ text: blockContent(text, block), span: [block.start, block.end] })),
  };
}

/**
 * 其他工作: the other-work paragraphs as one unnumbered area. Their sentences are its tasks; a
 * salutation and any paragraph of pure rhetoric before the first of them are its preamble.
 */
function otherWorkArea(text: string, groups: Group[]): AreaNode | undefined {
  const first = groups[0]?.blocks[0];
  if (!first) return undefined;
  const tasks: TaskNode[] = [];
  let preambleEnd = first.start;
  let end = first.start;
  for (const group of groups) {
    group.blocks.forEach((block, index) => {
      end = block.end;
      const content = blockContent(text, block);
      if (tasks.length === 0 && group.classes[index] === 'neutral') {
        preambleEnd = block.end;
        return;
      }
      const salutation = SALUTATION.exec(content);
      const start = block.start + (salutation ? salutation[0].length : 0);
      if (tasks.length === 0 && salutation) preambleEnd = start;
      for (const span of splitSentences(text, start, block.end)) {
        const task = sentenceTask(text, span);
        if (task) tasks.push(task);
      }
    });
  }
  if (tasks.length === 0) return undefined;
  const area: AreaNode = {
    kind: 'area',
    title: '其他工作',
    span: [first.start, end],
    titleSpan: [first.start, first.start],
    measures: [],
    tasks,
    unnumbered: true,
  };
  const [preambleStart, preambleStop] = [first.start, preambleEnd];
  if (preambleStop > preambleStart) {
    area.preamble = {
      text: textOf(text, preambleStart, preambleStop).trim(),
      span: [preambleStart, preambleStop],
    };
  }
  return area;
}

/**
 * The closing part after the last work area: one section per "各位代表！" break, or where the
 * paragraphs turn from the government's own conduct to other work or back. Paragraphs of other
 * work (国防, 民族宗教, 港澳台, 外事, 民生实事…) are gathered into one unnumbered 其他工作 area so
 * that none of their tasks is lost; the rest are self-building and closing sections.
 */
function groupBlocks(text: string, blocks: readonly Block[]): Group[] {
  const groups: Group[] = [];
  let group: Group | undefined;
  for (const block of blocks) {
    const content = blockContent(text, block);
    const paragraphClass = block.kind === 'heading' ? 'neutral' : classOf(content);
    const kind = group ? groupKind(group) : 'other';
    const turns =
      (kind === 'self-building' && paragraphClass === 'other-work') ||
      (kind === 'other-work' && paragraphClass === 'self-building');
    if (!group || (block.kind !== 'heading' && BREAK.test(content)) || turns) {
      group = { blocks: [], classes: [] };
      groups.push(group);
    }
    group.blocks.push(block);
    group.classes.push(paragraphClass);
  }
  return groups;
}

/**
 * The last numbered area may end, with no break, on paragraphs of other work ("全力支持国防和军队
 * 现代化建设，…。做好民族宗教、外事侨务…工作"): paragraphs that open with a clause chain, not a topic
 * sentence, and name such work, or that open on the year as a whole ("今年将开展…"). They leave the
 * area's measures for an unnumbered 其他工作 area.
 */
export function otherWorkAtEnd(text: string, area: AreaNode): AreaNode | undefined {
  const moved: MeasureNode[] = [];
  for (let i = area.measures.length - 1; i >= 0; i--) {
    const measure = area.measures[i] as MeasureNode;
    const words = text.slice(measure.span[0], measure.span[1]);
    const opensWithClauses = /[，,]/.test(measure.title) || measure.title.length > 25;
    // "今年将开展“十五五”规划编制工作。…": a statement about the year's work as a whole, not a
    // measure of the area it happens to follow.
    const rollCall = opensWithClauses && ROLL_CALL.test(words);
    if (measure.label !== undefined || !(rollCall || isStatement(measure.title))) break;
    moved.unshift(measure);
  }
  const first = moved[0];
  const last = moved[moved.length - 1];
  if (!first || !last) return undefined;
  area.measures = area.measures.slice(0, area.measures.length - moved.length);
  const end = area.measures.reduce(
    (stop, measure) => Math.max(stop, measure.span[1]),
    Math.max(area.titleSpan[1], area.preamble?.span[1] ?? 0, ...area.tasks.map((task) => task.span[1])),
  );
  area.span = [area.span[0], end];
  return {
    kind: 'area',
    title: '其他工作',
    span: [first.span[0], last.span[1]],
    titleSpan: [first.span[0], first.span[0]],
    measures: [],
    tasks: moved.flatMap((measure) => sentenceTasks(text, measure.span[0], measure.span[1])),
    unnumbered: true,
  };
}

/**
 * Blocks that stand in no area between two areas of a tasks section, after a break
 * ("各位代表！今年，我们继续安排20件民生实事…", a numbered list of 民生实事): the other work among
 * them as an unnumbered 其他工作 area.
 */
export function otherWorkBetween(text: string, blocks: readonly Block[]): AreaNode[] {
  const areas: AreaNode[] = [];
  for (const group of groupBlocks(text, blocks)) {
    if (groupKind(group) !== 'other-work') continue;
    const area = otherWorkArea(text, [group]);
    if (area) areas.push(area);
  }
  return areas;
}

/**
 * The closing part after the last work area: one section per "各位代表！" break, or where the
 * paragraphs turn from the government's own conduct to other work or back. Paragraphs of other
 * work (国防, 民族宗教, 港澳台, 外事, 民生实事…) are gathered into one unnumbered 其他工作 area so
 * that none of their tasks is lost; the rest are self-building and closing sections.
 */
export function tailSections(
  text: string,
  blocks: readonly Block[],
): { sections: SectionNode[]; otherWork?: AreaNode } {
  const groups = groupBlocks(text, blocks);
  const sections: SectionNode[] = [];
  const otherGroups = groups.filter((candidate) => groupKind(candidate) === 'other-work');
  const otherWork = otherWorkArea(text, otherGroups);
  for (const candidate of groups) {
    const kind = groupKind(candidate);
    if (kind === 'other-work' && otherWork) continue;
    sections.push(plainSection(text, kind === 'self-building' ? 'self-building' : 'other', candidate.blocks));
  }
  return otherWork ? { sections, otherWork } : { sections };
}
