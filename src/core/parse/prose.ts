import type { MeasureNode, Span, TaskNode } from '../report-tree.js';
import { textOf } from './lines.js';
import { splitSentences, withoutTerminator } from './sentences.js';
import { type FieldInTopic, fieldsRecurringAsKinds, isKindOfField, namesFieldOf } from './word-families.js';

/** A task from one sentence: its span keeps the terminator, its text drops it. */
export function sentenceTask(text: string, span: Span, label?: string): TaskNode | undefined {
  const [start, end] = withoutTerminator(text, span);
  if (end <= start) return undefined;
  const task: TaskNode = { kind: 'task', text: textOf(text, start, end), span: [span[0], span[1]] };
  if (label !== undefined) task.label = label;
  return task;
}

/** Tasks from every sentence of [start, end). */
export function sentenceTasks(text: string, start: number, end: number): TaskNode[] {
  const tasks: TaskNode[] = [];
  for (const span of splitSentences(text, start, end)) {
    const task = sentenceTask(text, span);
    if (task) tasks.push(task);
  }
  return tasks;
}

/**
 * A prose measure: the paragraph's opening topic sentence ("推动产业链供应链优化升级。") is the
 * title, every later sentence a task. `sentences` are the paragraph's sentence spans.
 */
export function proseMeasure(
  text: string,
  sentences: readonly Span[],
  span: Span,
  label?: string,
): MeasureNode | undefined {
  const first = sentences[0];
  if (!first) return undefined;
  const titleSpan = withoutTerminator(text, first);
  if (titleSpan[1] <= titleSpan[0]) return undefined;
  const measure: MeasureNode = {
    kind: 'measure',
    title: textOf(text, titleSpan[0], titleSpan[1]),
    span,
    titleSpan,
    tasks: [],
  };
  if (label !== undefined) measure.label = label;
  for (const sentence of sentences.slice(1)) {
    const task = sentenceTask(text, sentence);
    if (task) measure.tasks.push(task);
  }
  return measure;
}

/**
 * Whether the first paragraph under a heading that stands on its own line is the area's
 * preamble ("坚持首都城市战略定位，…不断提升区域综合竞争力。") rather than a measure or a task.
 * A measure opens with a short topic sentence without commas; a preamble opens with a clause
 * chain. A single bare phrase with no terminator is an outline task ("坚持依法行政"), not a preamble.
 */
export function isPreambleParagraph(text: string, sentences: readonly Span[]): boolean {
  const first = sentences[0];
  if (!first) return false;
  const firstText = text.slice(first[0], first[1]);
  const hasClauses = /[，,]/.test(firstText);
  if (sentences.length === 1) return hasClauses && /[。！？.!?]$/.test(firstText);
  // A paragraph of several sentences opens with its topic (a measure) unless it opens by stating
  // a fact rather than an action: "我国有上亿市场主体，…", "绿色发展是…的必然要求", "今年财政收支
  // 平衡压力加大，但…".
  return isStatement(firstText);
}

/** A sentence that states how things are (subject first, or a copula in its first clause). */
export function isStatement(sentence: string): boolean {
  // "一是深化…", "二是…": an enumerated item, not a copula.
  if (/^[一二三四五六七八九十]+是/.test(sentence)) return false;
  const firstClause = sentence.split(/[，,]/)[0] ?? sentence;
  return (
    /^(我国|我省|我市|我区|全国|全省|全市|全区|今年|当前|目前|现在|这)/.test(sentence) ||
    /^[^，,]{1,12}是/.test(firstClause)
  );
}

/** Longest topic sentence inside a paragraph ("更大力度提振消费。"). */
const MAX_INLINE_TOPIC = 20;
/**
 * A topic inside a paragraph carries a body of several actions: at least this many sentences, one
 * sentence of this many clauses, or this many characters (one long enumeration).
 */
const MIN_BODY_SENTENCES = 2;
const MIN_BODY_CLAUSES = 5;
const MIN_BODY_CHARACTERS = 100;
const MIN_INLINE_TOPICS = 3;
const MAX_LEAD_SENTENCES = 2;

/** A short phrase with no clause break and no figure outside quotes: a topic, if a body follows. */
function isInlineTopic(text: string, span: Span): boolean {
  const [start, end] = withoutTerminator(text, span);
  const sentence = text.slice(span[0], span[1]);
  const unquoted = sentence.replace(/“[^”]*”/g, '');
  return (
    end - start <= MAX_INLINE_TOPIC &&
    /。$/.test(sentence) &&
    !/[，,；;：:]/.test(sentence) &&
    !/\d/.test(unquoted)
  );
}

/** Whether the sentences between a topic and the next short sentence make a body of its own. */
function isBody(text: string, sentences: readonly Span[], from: number, to: number): boolean {
  if (to - from >= MIN_BODY_SENTENCES) return true;
  if (to - from === 1) {
    const one = text.slice((sentences[from] as Span)[0], (sentences[from] as Span)[1]);
    if (one.split(/[，,；;]/).length >= MIN_BODY_CLAUSES) return true;
  }
  let characters = 0;
  for (let i = from; i < to; i++) characters += (sentences[i] as Span)[1] - (sentences[i] as Span)[0];
  return characters >= MIN_BODY_CHARACTERS;
}

/** Share of a topic's words that must recur in its body (after its verb): one in ten. */
const MIN_COHESION = 0.1;

/** An adverb of manner before a topic's verb ("加快推动…", "进一步优化…"). */
const LEADING_ADVERB =
  /^(进一步|更大力度|更高水平|加快|持续|深入|积极|大力|着力|不断|全面|切实|扎实|坚定|统筹|有序|稳步)/;

/** Every two-character sequence of a text, to look words up in constant time. */
function pairsOf(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

/** How much of a short sentence the text after it takes up (see cohesion). */
interface Cohesion {
  /** Share of its words that recur, directly or through their kinds. */
  score: number;
  /** Share of its words that recur as written. */
  literal: number;
  /** The fields it names whose kinds recur ("健康" over "医院", "医疗"). */
  throughKinds: FieldInTopic[];
}

/**
 * How much of a short sentence the text after it takes up: the share of its two-character words
 * (after its opening verb) that recur there (`body`: the pairs of `bodyText`), or that name a field
 * whose specific kinds do ("健康" over "医院", "医疗"). A topic names what its body is about.
 */
function cohesion(topic: string, body: ReadonlySet<string>, bodyText: string): Cohesion {
  const han = topic.replace(/[^\u4e00-\u9fff]/g, '').replace(LEADING_ADVERB, '');
  const throughKinds = fieldsRecurringAsKinds(han, bodyText);
  const words = new Set<string>();
  const literal = new Set<string>();
  const recurring = new Set<string>();
  for (let i = 2; i + 2 <= han.length; i++) {
    const word = han.slice(i, i + 2);
    words.add(word);
    if (body.has(word)) literal.add(word);
    if (
      body.has(word) ||
      throughKinds.some(({ spans }) => spans.some(([from, to]) => from <= i && i + 2 <= to))
    )
      recurring.add(word);
  }
  const size = Math.max(1, words.size);
  return { score: recurring.size / size, literal: literal.size / size, throughKinds };
}

/** A row's candidate topic: its sentence index and how much of the text after the row it takes up. */
interface Pick extends Cohesion {
  index: number;
}

/**
 * Measures written inside one paragraph as short topic sentences, each followed by its body
 * ("更大力度提振消费。优化实施…。培育特色消费…。着力扩大有效投资。推进…。").
 * - Short sentences in a row hold at most one topic: the one whose words (after its verb) recur most
 *   in the text that follows the row, the later one on a tie; the others are tasks ("强化与…合作。
 *   做好对口支援工作。深化…功能区建设。加快…").
 * - That one is a topic when its body, up to the next row's topic, has two sentences, one sentence
 *   of five clauses or 100 characters, and some of its words recur there, as written or, for a
 *   field it names, as two of its kinds (健康 → 医院, 医疗; word-families.ts): a topic names what
 *   its body is about. One without such a body (a short sentence and one sentence) is a task of
 *   the topic before it, as is one naming a kind of the field that topic names in general
 *   (公共安全 → 食品药品安全), or one whose words recur only as the kinds of a field that topic
 *   names (促进外贸稳中提质 → 加快推动内外贸一体化。 over 服务贸易, 出口).
 * - The first topic after a lead of at most two sentences needs no recurring words; when the
 *   paragraph has no lead of its own (`opensBody`: the area's lead stands in the paragraph above),
 *   its opening short sentence is a topic whatever follows it.
 * Undefined unless at least three topics are found.
 */
export function inlineMeasures(
  text: string,
  sentences: readonly Span[],
  opensBody = false,
): { lead: Span[]; measures: MeasureNode[] } | undefined {
  const short = sentences.map((span) => isInlineTopic(text, span));
  // Each row of short sentences offers one topic, and with it, how much its words recur after it.
  const picks: Pick[] = [];
  for (let start = 0; start < sentences.length; ) {
    if (!short[start]) {
      start++;
      continue;
    }
    let end = start;
    while (short[end + 1]) end++;
    let after = end + 1;
    while (after < sentences.length && !short[after]) after++;
    const following = sentences.slice(end + 1, after);
    const followingText = following.map((span) => text.slice(span[0], span[1])).join('');
    const bodyPairs = pairsOf(followingText);
    let pick: Pick = { index: start, score: -1, literal: 0, throughKinds: [] };
    for (let index = start; index <= end; index++) {
      const [from, to] = withoutTerminator(text, sentences[index] as Span);
      const measured = cohesion(text.slice(from, to), bodyPairs, followingText);
      if (measured.score >= pick.score && !(opensBody && start === 0 && index > 0))
        pick = { index, ...measured };
    }
    picks.push(pick);
    start = end + 1;
  }
  // Read from the last row to the first, so that a topic's body runs to the next topic and may
  // hold short tasks of its own (…提质行动。全链条…。组建…基金。扩大…。): a row's pick is a topic when
  // that body holds two sentences or 100 characters and enough of its words recur there. The first
  // row right after a short lead needs no recurring words; one opening a paragraph with no lead
  // (`opensBody`) is a topic by its place.
  const backwards: number[] = [];
  let next = sentences.length;
  for (let i = picks.length - 1; i >= 0; i--) {
    const { index, score } = picks[i] as Pick;
    if (next === index + 1) continue;
    const leading = i === 0 && index <= MAX_LEAD_SENTENCES;
    const placed = leading && opensBody && index === 0;
    if (placed || ((leading || score >= MIN_COHESION) && isBody(text, sentences, index + 1, next))) {
      backwards.push(index);
      next = index;
    }
  }
  // A short sentence that names a kind of the field the topic before it names is one of that
  // topic's tasks ("提高公共安全治理水平。…强化食品药品安全全链条监管。"), however long its own body; so
  // is one whose words recur after it only through the kinds of a field that topic names (促进外贸…。
  // 加快推动内外贸一体化。 over 服务贸易, 出口): those kinds are the earlier topic's work going on.
  const sentenceText = (i: number) => text.slice((sentences[i] as Span)[0], (sentences[i] as Span)[1]);
  const pickAt = new Map(picks.map((pick) => [pick.index, pick]));
  const continues = (index: number, before: number): boolean => {
    const pick = pickAt.get(index);
    if (!pick || pick.literal >= MIN_COHESION || pick.throughKinds.length === 0) return false;
    return pick.throughKinds.every((found) => namesFieldOf(found, sentenceText(before)));
  };
  const topics: number[] = [];
  for (const index of backwards.reverse()) {
    const before = topics[topics.length - 1];
    if (
      before === undefined ||
      !(isKindOfField(sentenceText(index), sentenceText(before)) || continues(index, before))
    )
      topics.push(index);
  }
  const first = topics[0];
  // Inline measures are a paragraph's structure: three or more of them, after a lead of at most two
  // sentences. A few short sentences deep inside a run of tasks are tasks themselves.
  if (topics.length < MIN_INLINE_TOPICS || first === undefined || first > MAX_LEAD_SENTENCES)
    return undefined;
  const measures: MeasureNode[] = [];
  topics.forEach((index, i) => {
    const stop = topics[i + 1] ?? sentences.length;
    const own = sentences.slice(index, stop);
    const last = own[own.length - 1] as Span;
    const measure = proseMeasure(text, own, [(own[0] as Span)[0], last[1]]);
    if (measure) measures.push(measure);
  });
  return { lead: sentences.slice(0, first), measures };
}
