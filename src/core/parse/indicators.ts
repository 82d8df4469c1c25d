import type { IndicatorsNode, SectionNode, Span, TaskNode } from '../report-tree.js';

/**
 * 主要预期目标 — the year's headline indicators (GDP growth, new urban jobs, unemployment, CPI,
 * fiscal revenue, grain output…). They are stated as one list after a cue such as
 * "今年经济社会发展主要预期目标是：…", in the requirements section of national reports and in the
 * opening paragraphs of a provincial tasks section. Each clause of the list becomes one task.
 */

/** The cue that opens the list: "主要预期目标是：", "主要预期目标为：", "今年…主要目标是：". */
const CUE = /主要预期目标\s*(?:是|为)?\s*[：:]|主要目标\s*(?:是|为)\s*[：:]/g;

/** Before the cue in its sentence: a long-term (five-year-plan) goal, not this year's. */
const LONG_TERM = /十[一二三四五六七八九]五|五年|规划|到20\d\d年|20\d\d年前|中长期|远景/;

/** Sections that never hold this year's indicators (review of last year, plans, appendices). */
const FOREIGN_SECTIONS = new Set<string>(['review', 'plan', 'appendix']);

/** Clauses that qualify the previous one rather than state an indicator. */
const EXHORTATION =
  /^(在实际工作中|在全国|对标|努力|全力|力争|争取)|争取更好结果|取得更好结果|构建优势|奋发有为|迎难而上/;

/** A part after 、 that opens with a predicate has no subject of its own (增速高于A、高于B). */
const SUBJECTLESS = /^(高于|低于|不低于|增长|达到|保持|提高|提升|下降|降低|控制)/;

/** A clause that states a figure or a predicate and may be followed by another after 、. */
const PREDICATE =
  /\d(?:\.\d+)?\s*(?:%|％|个百分点|万|亿|人|斤|吨)|增长|增速|下降|降低|涨幅|控制在|达到|保持|同步|提升|提高/;

/** Words that open a sentence commenting on the targets rather than continuing their list. */
const COMMENTARY = /^(这|上述|提出|我们|综合|为此|同时|实现|完成这些|做到)/;

/** Sentence terminators, then the clause separators inside a sentence. */
const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[；;，,]/;

/** A five-year-plan section, unless its title also names this year's work (“十五五”…和2026年工作安排). */
function isLongTermSection(title: string): boolean {
  return LONG_TERM.test(title) && !/(20\d\d|今)年/.test(title.replace(LONG_TERM, ''));
}

function enclosingSection(sections: readonly SectionNode[], offset: number): SectionNode | undefined {
  return sections.find((section) => section.span[0] <= offset && offset < section.span[1]);
}

/** Where the cue's sentence starts: a sentence may be broken over lines in web copies. */
function sentenceStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && offset - i < 80 && !/[。！？!?]/.test(text[i - 1] as string)) i--;
  return i;
}

/** Trims whitespace and closing punctuation off [start, end), returning the trimmed span. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s　]/.test(text[s] as string)) s++;
  // "其中一二三产增加值分别增长…": the connective is not part of the indicator.
  if (text.startsWith('其中', s) && e - s > 2) s += 2;
  while (e > s && /[\s　。；;，,、！？!?]/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** Splits one comma clause at 、 where the part before it already states a figure or predicate. */
function splitEnumeration(text: string, span: Span): Span[] {
  const [start, end] = span;
  const clause = text.slice(start, end);
  if (clause.includes('分别') || !clause.includes('、')) return [span];
  const parts: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (text[i] !== '、') continue;
    if (!PREDICATE.test(text.slice(from, i)) || SUBJECTLESS.test(text.slice(i + 1, end))) continue;
    parts.push([from, i]);
    from = i + 1;
  }
  parts.push([from, end]);
  return parts;
}

/** The clauses of one sentence [start, end), as trimmed spans, exhortations dropped. */
function clausesOf(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !CLAUSE_END.test(text[i] as string)) continue;
    const trimmed = trimSpan(text, from, i);
    if (trimmed[1] > trimmed[0]) spans.push(...splitEnumeration(text, trimmed));
    from = i + 1;
  }
  return spans
    .map(([s, e]) => trimSpan(text, s, e))
    .filter(([s, e]) => e > s && !EXHORTATION.test(text.slice(s, e)));
}

/** Sentences of the paragraph [start, end) as spans, terminators excluded. */
function sentencesOf(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !SENTENCE_END.test(text[i] as string)) continue;
    if (i > from) spans.push([from, i]);
    from = i + 1;
  }
  return spans;
}

/** The first clause of a sentence that continues the list states an indicator, not a comment. */
function continuesList(text: string, span: Span): boolean {
  const sentence = text.slice(span[0], span[1]).trim();
  if (sentence === '' || COMMENTARY.test(sentence) || /目标/.test(sentence)) return false;
  const first = sentence.split(CLAUSE_END)[0] ?? '';
  return (
    PREDICATE.test(first) || /稳中|平衡|同步|改善|只增不减|稳步|合理|国家下达|国家要求|指标.*完成/.test(first)
  );
}

/** End of the paragraph holding `offset` (the next line break, or the end of the text). */
function paragraphEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/**
 * The year's 主要预期目标 in a parsed report: the first list opened by a cue outside the review,
 * plan and appendix sections and not about a five-year plan, split into one task per indicator
 * clause (by ；，。 and by 、 between stated figures; a 分别 clause with two numbers stays one).
 * Undefined when the report states none.
 */
export function findIndicators(text: string, sections: readonly SectionNode[]): IndicatorsNode | undefined {
  CUE.lastIndex = 0;
  for (let match = CUE.exec(text); match !== null; match = CUE.exec(text)) {
    const section = enclosingSection(sections, match.index);
    if (section && (FOREIGN_SECTIONS.has(section.kind) || isLongTermSection(section.title))) continue;
    if (LONG_TERM.test(text.slice(sentenceStart(text, match.index), match.index))) continue;
    const listStart = match.index + match[0].length;
    // The list may begin on the next line when the cue closes a line ("主要预期目标\n是：…").
    const bodyStart = /^\s*$/.test(text.slice(listStart, paragraphEnd(text, listStart)))
      ? paragraphEnd(text, listStart) + 1
      : listStart;
    const end = paragraphEnd(text, bodyStart);
    const sentences = sentencesOf(text, bodyStart, end);
    const tasks: TaskNode[] = [];
    for (const [index, sentence] of sentences.entries()) {
      if (index > 0 && !continuesList(text, sentence)) break;
      for (const span of clausesOf(text, sentence[0], sentence[1])) {
        tasks.push({ kind: 'task', text: text.slice(span[0], span[1]), span });
      }
    }
    const last = tasks[tasks.length - 1];
    if (!last) continue;
    const cue = /主要预期目标/.test(match[0]) ? '主要预期目标' : '主要目标';
    return { title: cue, span: [match.index, last.span[1]], tasks };
  }
  return undefined;
}
