import type { AreaNode, MeasureNode, Span, TaskNode } from '../report-tree.js';
import { type Block, blockContent } from './blocks.js';
import { BREAK } from './classify.js';
import type { LabelStyle } from './labels.js';
import { textOf } from './lines.js';
import { inlineMeasures, isPreambleParagraph, proseMeasure, sentenceTask, sentenceTasks } from './prose.js';
import { splitSentences, withoutTerminator } from './sentences.js';

/** The inside of a tasks section: its work areas, free paragraphs, and where a closing tail starts. */
export interface SectionBody {
  areas: AreaNode[];
  paragraphs: { text: string; span: Span }[];
  /** Index of the first block of a tail that follows the last area after a break ("各位代表！…"). */
  tailIndex: number;
  /** Blocks in no area between two areas, after a break ("各位代表！今年…民生实事…", a list). */
  between: Block[];
}

const NUMBERED: ReadonlySet<LabelStyle> = new Set([
  'cn-dun',
  'cn-paren',
  'arabic-dot',
  'arabic-paren',
  'circled',
]);

/**
 * Which blocks open a work area: Markdown headings of the outermost level inside the section,
 * else the numbering style that starts at 1 and continues 2, 3… in sequence. A list restarting
 * at 1 in another style (Zhejiang's "1.医疗卫生方面") never opens an area.
 */
export function findAreaStarts(blocks: readonly Block[]): Set<number> {
  const starts = new Set<number>();
  let headingLevel = 0;
  for (const block of blocks) {
    if (block.kind === 'heading' && (headingLevel === 0 || block.headingLevel < headingLevel)) {
      headingLevel = block.headingLevel;
    }
  }
  if (headingLevel > 0) {
    blocks.forEach((block, index) => {
      if (block.kind === 'heading' && block.headingLevel === headingLevel) starts.add(index);
    });
    return starts;
  }
  const style = areaStyle(blocks);
  if (!style) return starts;
  let expected = 1;
  blocks.forEach((block, index) => {
    // Tolerate one skipped number (a typo), never a restart.
    const ordinal = block.label?.ordinal ?? 0;
    if (
      block.kind === 'labelled' &&
      block.label?.style === style &&
      ordinal >= expected &&
      ordinal <= expected + 1
    ) {
      starts.add(index);
      expected = ordinal + 1;
    }
  });
  return starts;
}

function areaStyle(blocks: readonly Block[]): LabelStyle | undefined {
  // One pass: where each style's last "2" is, so a "1" can be confirmed in constant time.
  const lastTwo = new Map<LabelStyle, number>();
  blocks.forEach((block, index) => {
    if (block.kind === 'labelled' && block.label?.ordinal === 2) lastTwo.set(block.label.style, index);
  });
  let fallback: LabelStyle | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const label = blocks[i]?.label;
    if (blocks[i]?.kind !== 'labelled' || !label || !NUMBERED.has(label.style) || label.ordinal !== 1)
      continue;
    fallback ??= label.style;
    // Confirmed when the same style continues with 2 later on.
    if ((lastTwo.get(label.style) ?? -1) > i) return label.style;
  }
  return fallback;
}

/**
 * A plain paragraph that turns from this year's tasks to the government's own conduct
 * ("应对新挑战、完成新任务，对政府工作提出新的更高要求。") ends the last work area even without a
 * "各位代表！" break: national 2025 goes straight on to 政府自身建设, 国防, 港澳, 外交.
 */
function opensSelfBuilding(text: string, block: Block): boolean {
  if (block.kind !== 'plain') return false;
  const first = splitSentences(text, block.start, block.end)[0];
  if (!first) return false;
  const sentence = text.slice(first[0], first[1]);
  return /[，,]/.test(sentence) && /对政府工作提出|自身建设/.test(sentence);
}

type MeasureOrigin = 'explicit' | 'bullet' | 'prose';

/** Mutable state of the walk over one section's blocks. */
interface Walk {
  text: string;
  blocks: readonly Block[];
  areas: AreaNode[];
  paragraphs: { text: string; span: Span }[];
  area?: AreaNode;
  /** The area heading stood on its own line and nothing has followed it yet. */
  areaFresh: boolean;
  measure?: MeasureNode;
  origin?: MeasureOrigin;
  measureStyle?: LabelStyle;
  bulletBase?: number;
  /** The area whose preamble came from its own heading paragraph. */
  preambleInline?: AreaNode;
  /** Areas whose heading paragraph holds their body (tasks or inline measures). */
  inlineBody: Set<AreaNode>;
  /** Measures written as a topic line over their body: measures even when an area has one. */
  topicLines: Set<MeasureNode>;
}

function extend(node: { span: Span }, end: number): void {
  if (end > node.span[1]) node.span = [node.span[0], end];
}

function addTask(walk: Walk, task: TaskNode | undefined, toMeasure: boolean): void {
  if (!task || !walk.area) return;
  if (toMeasure && walk.measure) {
    walk.measure.tasks.push(task);
    extend(walk.measure, task.span[1]);
  } else {
    walk.area.tasks.push(task);
  }
  extend(walk.area, task.span[1]);
}

function openMeasure(walk: Walk, measure: MeasureNode | undefined, origin: MeasureOrigin): void {
  walk.measure = undefined;
  walk.origin = undefined;
  if (!measure || !walk.area) return;
  walk.area.measures.push(measure);
  extend(walk.area, measure.span[1]);
  walk.measure = measure;
  walk.origin = origin;
}

function openArea(walk: Walk, block: Block): void {
  const { text } = walk;
  const sentences =
    block.kind === 'heading'
      ? [[block.bodyStart, block.bodyEnd] as Span]
      : splitSentences(text, block.bodyStart, block.bodyEnd);
  const first = sentences[0] ?? ([block.bodyStart, block.bodyEnd] as Span);
  const titleSpan = withoutTerminator(text, first);
  const area: AreaNode = {
    kind: 'area',
    title: textOf(text, titleSpan[0], titleSpan[1]),
    span: [block.start, block.end],
    titleSpan,
    measures: [],
    tasks: [],
  };
  if (block.label) area.label = block.label.text;
  const last = sentences[sentences.length - 1];
  if (sentences.length > 1 && last) {
    // "（一）标题。导语……" — the rest of the heading paragraph is context, not a task.
    const start = sentences[1]?.[0] ?? last[0];
    area.preamble = { text: textOf(text, start, last[1]), span: [start, last[1]] };
  }
  settleArea(walk);
  walk.areas.push(area);
  walk.area = area;
  walk.preambleInline = area.preamble ? area : undefined;
  walk.areaFresh = sentences.length <= 1;
  walk.measure = undefined;
  walk.origin = undefined;
  walk.bulletBase = undefined;
}

/**
 * National 2023 writes each area as one paragraph ("（一）着力扩大国内需求。把恢复…。多渠道…。"):
 * with no measure paragraphs after it, the heading paragraph's sentences are the area's tasks.
 * So are they when the heading paragraph goes on for several sentences (Jiangsu: the whole area in
 * one paragraph, then a one-sentence 国防 paragraph): only a one-sentence lead is context. And an
 * area whose whole body is one unlabelled paragraph has no measures: its sentences are its tasks.
 */
/** Rhetoric of a closing paragraph: a pledge or vision, not a task ("我们愿与…共享机遇、共赢未来"). */
const RHETORIC =
  /我们愿|让我们|共享机遇|共赢未来|携手|必将|定能|一定能|谱写|书写|展现新作为|^让|奋力|不懈奋斗|实际行动/;
/** Words that commit to doing something: a paragraph with one of them holds a task. */
const ACTION =
  /实施|推进|推动|建设|开展|完善|加强|加快|落实|提高|提升|新建|改造|支持|出台|制定|举办|完成|办好|深化|健全|优化|培育|打造|扩大|确保|力争/;

/** Closing formulas that rally whatever words of action they hold ("让我们…奋力谱写…新篇章！"). */
const RALLY = /^(让我们|我们愿|我们坚信|我们相信)|(谱写|书写|创造)[^，。！]{0,24}(篇章|华章|答卷|奇迹)/;

/** Pure exhortation: a rallying formula, or rhetoric with no word of action. */
function isExhortation(words: string): boolean {
  return RALLY.test(words) || (RHETORIC.test(words) && !ACTION.test(words));
}

/**
 * An area's last unlabelled paragraph of at most two sentences that only pledges or rallies
 * (RHETORIC, and no word of action) is its closing: kept in the area's text, neither a measure nor
 * a task.
 */
function settleClosing(text: string, area: AreaNode): void {
  const last = area.measures[area.measures.length - 1];
  if (!last || last.label !== undefined || area.measures.length < 2) return;
  const words = text.slice(last.span[0], last.span[1]);
  if (splitSentences(text, last.span[0], last.span[1]).length > 2) return;
  if (!RHETORIC.test(words) || ACTION.test(words)) return;
  area.measures.pop();
  area.closing = { text: textOf(text, last.span[0], last.span[1]), span: last.span };
}

/**
 * Closing sentences of pure exhortation at the end of an area's last paragraph ("…推进城市更新。
 * 让我们以只争朝夕的精神，奋力谱写…新篇章！") leave the task list that ends the area (which keeps at
 * least one task) for the area's closing: still the area's text, neither task nor measure. A sentence
 * that opens on a directive ("把…结合起来，…一定能…") still asks for something and stays a task.
 */
function settleClosingSentences(text: string, area: AreaNode): void {
  const lists = [area.tasks, ...area.measures.map((measure) => measure.tasks)];
  const endOf = (tasks: TaskNode[]): number => tasks[tasks.length - 1]?.span[1] ?? -1;
  const tasks = lists.reduce((latest, list) => (endOf(list) > endOf(latest) ? list : latest));
  let start: number | undefined;
  while (tasks.length > 1) {
    const task = tasks[tasks.length - 1] as TaskNode;
    if (task.label !== undefined || /^[把将要]/.test(task.text) || !isExhortation(task.text)) break;
    tasks.pop();
    start = task.span[0];
  }
  if (start === undefined) return;
  const end = area.closing ? area.closing.span[1] : area.span[1];
  area.closing = { text: textOf(text, start, end), span: [start, end] };
}

/**
 * Pure exhortation standing among an area's tasks ("…推进污染防治。我们坚信，…一定能…。两岸同胞…，
 * 必将共创…美好未来。…"): a sentence of rhetoric or a rallying formula with no word of action, not
 * opening on a directive (把/将/要), is neither task nor measure wherever it stands: it stays in the
 * area's (and its measure's) text as one of the area's `asides`. A list of tasks keeps at least one.
 */
export function dropExhortation(text: string, area: AreaNode): void {
  const asides: TaskNode[] = [];
  const lists = [area.tasks, ...area.measures.map((measure) => measure.tasks)];
  for (const tasks of lists) {
    const pure = (task: TaskNode): boolean =>
      task.label === undefined &&
      !/^[把将要]/.test(task.text) &&
      !ACTION.test(task.text) &&
      (RALLY.test(task.text) || RHETORIC.test(task.text));
    const kept = tasks.filter((task) => !pure(task));
    if (kept.length === 0 || kept.length === tasks.length) continue;
    asides.push(...tasks.filter(pure));
    tasks.splice(0, tasks.length, ...kept);
  }
  if (asides.length === 0) return;
  asides.sort((a, b) => a.span[0] - b.span[0]);
  area.asides = asides.map((task) => ({ text: textOf(text, task.span[0], task.span[1]), span: task.span }));
}

function settleArea(walk: Walk): void {
  const area = walk.area;
  if (!area) return;
  settleBody(walk, area);
  settleClosingSentences(walk.text, area);
}

function settleBody(walk: Walk, area: AreaNode): void {
  const { text } = walk;
  settleClosing(text, area);
  // A heading paragraph that holds the area's body: its sentences, and the inline measures among them.
  const ownBody = area.preamble && walk.preambleInline === area ? area.preamble.span : undefined;
  const bodySentences = ownBody ? splitSentences(text, ownBody[0], ownBody[1]) : [];
  const headingInline = bodySentences.length >= 2 ? inlineMeasures(text, bodySentences) : undefined;
  const only = area.measures[0];
  if (
    area.measures.length === 1 &&
    only &&
    only.label === undefined &&
    !walk.topicLines.has(only) &&
    area.tasks.length === 0 &&
    // When the heading paragraph holds measures of its own, the paragraph after it is not the
    // area's whole body but a paragraph of its own (a 国防 paragraph closing the last area).
    !headingInline
  ) {
    // The area's only paragraph: its inline topics are measures, else (unless a lead paragraph of
    // its own stands above it, which leaves it one measure) its sentences are tasks.
    const inline = inlineMeasures(text, splitSentences(text, only.span[0], only.span[1]), true);
    if (inline) {
      area.measures = inline.measures;
      area.tasks = inline.lead.flatMap((span) => sentenceTask(text, span) ?? []);
    } else if (!area.preamble || walk.preambleInline === area) {
      area.measures = [];
      area.tasks = sentenceTasks(text, only.span[0], only.span[1]);
    }
  }
  if (!ownBody) return;
  const [start, end] = ownBody;
  if (area.measures.length > 0 && bodySentences.length < 2) return;
  walk.inlineBody.add(area);
  // The heading paragraph holds the area: topics inside it are measures, before any paragraph's.
  if (headingInline) {
    area.measures = [...headingInline.measures, ...area.measures];
    const lead = headingInline.lead;
    const leadEnd = lead[lead.length - 1];
    area.preamble = leadEnd
      ? { text: textOf(text, start, leadEnd[1]), span: [start, leadEnd[1]] }
      : undefined;
    return;
  }
  area.tasks = [...sentenceTasks(text, start, end), ...area.tasks];
  area.preamble = undefined;
}

function closeArea(walk: Walk): void {
  settleArea(walk);
  walk.area = undefined;
  walk.measure = undefined;
  walk.origin = undefined;
  walk.areaFresh = false;
}

function labelledBlock(walk: Walk, block: Block, next: Block | undefined, nextIsArea: boolean): void {
  const { text } = walk;
  const style = block.label?.style;
  if (style && walk.measureStyle === undefined) walk.measureStyle = style;
  const labelText = block.label?.text.trim();
  if (style === walk.measureStyle) {
    const sentences = splitSentences(text, block.bodyStart, block.bodyEnd);
    // "1. 新建标准厂房10万平方米。" with nothing under it is a task of the area, not an empty measure.
    const hasChildren =
      next !== undefined && !nextIsArea && !(next.kind === 'labelled' && next.label?.style === style);
    if (sentences.length > 1 || hasChildren) {
      openMeasure(walk, proseMeasure(text, sentences, [block.start, block.end], labelText), 'explicit');
      return;
    }
    openMeasure(walk, undefined, 'explicit');
    addTask(walk, blockTask(text, block), false);
    return;
  }
  addTask(walk, blockTask(text, block), true);
}

/** A labelled or bulleted line is one task; its span is the whole line, label included. */
function blockTask(text: string, block: Block): TaskNode | undefined {
  const task = sentenceTask(text, [block.bodyStart, block.bodyEnd], block.label?.text.trim());
  if (task) task.span = [block.start, block.end];
  return task;
}

function bulletBlock(walk: Walk, block: Block, index: number): void {
  const { text, blocks } = walk;
  const labelText = block.label?.text.trim();
  const task = blockTask(text, block);
  if (walk.measure && walk.origin === 'explicit') {
    addTask(walk, task, true);
    return;
  }
  walk.bulletBase ??= block.indent;
  if (block.indent <= walk.bulletBase) {
    const next = blocks[index + 1];
    if (next && next.kind === 'bullet' && next.indent > block.indent) {
      const titleSpan = withoutTerminator(text, [block.bodyStart, block.bodyEnd]);
      const measure: MeasureNode = {
        kind: 'measure',
        title: textOf(text, titleSpan[0], titleSpan[1]),
        span: [block.start, block.end],
        titleSpan,
        tasks: [],
      };
      if (labelText) measure.label = labelText;
      openMeasure(walk, measure, 'bullet');
      return;
    }
    openMeasure(walk, undefined, 'bullet');
    addTask(walk, task, false);
    return;
  }
  addTask(walk, task, walk.origin === 'bullet');
}

/** Longest line read as a measure's topic line standing above its body ("加力扩大有效投资。"). */
const MAX_TOPIC_LINE = 25;

/** A short one-sentence line with no clause break, ending with 。: a topic line, not a task. */
function isTopicLine(text: string, block: Block, sentences: readonly Span[]): boolean {
  const only = sentences[0];
  if (sentences.length !== 1 || !only || only[1] - only[0] > MAX_TOPIC_LINE) return false;
  const sentence = text.slice(only[0], only[1]);
  return /。$/.test(sentence) && !/[，,；;：:]/.test(sentence) && block.kind === 'plain';
}

function plainBlock(walk: Walk, block: Block, next: Block | undefined): void {
  const { text } = walk;
  const sentences = splitSentences(text, block.bodyStart, block.bodyEnd);
  if (next?.kind === 'plain' && isTopicLine(text, block, sentences)) {
    const nextSentences = splitSentences(text, next.bodyStart, next.bodyEnd);
    if (!isTopicLine(text, next, nextSentences)) {
      // A measure as a short topic line over its body paragraph(s) (Qinghai).
      const measure = proseMeasure(text, sentences, [block.start, block.end]);
      if (measure) walk.topicLines.add(measure);
      openMeasure(walk, measure, 'explicit');
      return;
    }
  }
  if (walk.measure && walk.origin === 'explicit') {
    for (const task of sentenceTasks(text, block.bodyStart, block.bodyEnd)) addTask(walk, task, true);
    return;
  }
  if (walk.areaFresh && walk.area && !walk.area.preamble && isPreambleParagraph(text, sentences)) {
    const span: Span = [block.start, block.end];
    walk.area.preamble = { text: textOf(text, span[0], span[1]), span };
    extend(walk.area, block.end);
    return;
  }
  if (sentences.length >= 2) {
    // The paragraph's opening sentence is its topic, however long ("以深入推进长三角一体化发展为
    // 牵引，全面服务和融入国家发展战略。常态化对接…").
    openMeasure(walk, proseMeasure(text, sentences, [block.start, block.end]), 'prose');
    return;
  }
  const only = sentences[0];
  if (!only || !/[。！？.!?]$/.test(text.slice(only[0], only[1]))) {
    // A bare phrase with no terminator is an outline task ("加强作风建设").
    openMeasure(walk, undefined, 'prose');
    for (const span of sentences) addTask(walk, sentenceTask(text, span), false);
    return;
  }
  // A one-sentence paragraph ("一以贯之支持国防和军队现代化建设，…。") is a measure of its own
  // whose one task is that sentence.
  const measure = proseMeasure(text, sentences, [block.start, block.end]);
  const task = sentences[0] ? sentenceTask(text, sentences[0]) : undefined;
  if (measure && task) measure.tasks.push(task);
  openMeasure(walk, measure, 'prose');
}

/**
 * Build the work areas of a tasks section from its blocks (both report styles: outline headings
 * with nested bullets, and prose paragraphs whose topic sentence is the measure). An area ends
 * at the next area, the section end, or a break such as "各位代表！".
 */
export function buildSectionBody(
  text: string,
  blocks: readonly Block[],
  implicitArea?: { title: string; titleSpan: Span; start: number },
): SectionBody {
  const starts = findAreaStarts(blocks);
  let lastStart = -1;
  for (const index of starts) lastStart = Math.max(lastStart, index);
  let tailIndex = blocks.length;
  if (lastStart >= 0) {
    for (let i = lastStart + 1; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (
        block.kind !== 'heading' &&
        (BREAK.test(blockContent(text, block)) || opensSelfBuilding(text, block))
      ) {
        tailIndex = i;
        break;
      }
    }
  }
  const walk: Walk = {
    text,
    blocks,
    areas: [],
    paragraphs: [],
    areaFresh: false,
    inlineBody: new Set(),
    topicLines: new Set(),
  };
  if (starts.size === 0 && implicitArea && blocks.length > 0) {
    // A tasks section with no area headings (a bare list): its title stands for the one area.
    const area: AreaNode = {
      kind: 'area',
      title: implicitArea.title,
      span: [implicitArea.start, implicitArea.titleSpan[1]],
      titleSpan: implicitArea.titleSpan,
      measures: [],
      tasks: [],
    };
    walk.areas.push(area);
    walk.area = area;
  }
  const between: Block[] = [];
  for (let index = 0; index < tailIndex; index++) {
    const block = blocks[index] as Block;
    if (starts.has(index)) {
      openArea(walk, block);
      continue;
    }
    const content = blockContent(text, block);
    if (block.kind !== 'heading' && BREAK.test(content)) closeArea(walk);
    if (!walk.area) {
      walk.paragraphs.push({ text: content, span: [block.start, block.end] });
      if (walk.areas.length > 0) between.push(block);
      continue;
    }
    if (block.kind === 'heading') {
      const measure = proseMeasure(
        text,
        [[block.bodyStart, block.bodyEnd]],
        [block.start, block.end],
        block.label?.text.trim(),
      );
      openMeasure(walk, measure, 'explicit');
    } else if (block.kind === 'labelled') {
      const nextIndex = index + 1 < tailIndex ? index + 1 : -1;
      labelledBlock(walk, block, blocks[nextIndex], starts.has(nextIndex));
    } else if (block.kind === 'bullet') bulletBlock(walk, block, index);
    else
      plainBlock(
        walk,
        block,
        index + 1 < tailIndex && !starts.has(index + 1) ? blocks[index + 1] : undefined,
      );
    walk.areaFresh = false;
  }
  settleArea(walk);
  return { areas: walk.areas, paragraphs: walk.paragraphs, tailIndex, between };
}
