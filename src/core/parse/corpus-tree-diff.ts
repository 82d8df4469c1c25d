import type { AreaNode, ReportMeta, ReportTree, SectionNode, Span, TaskNode } from '../report-tree.js';
import { splitSentences, withoutTerminator } from './sentences.js';

/**
 * The right structure of one corpus report, written by reading its text by hand
 * (test-data/corpus-trees/README.md describes the format).
 */
export interface CorpusTree {
  file: string;
  meta: Partial<Pick<ReportMeta, 'title' | 'year' | 'place' | 'speaker' | 'date'>>;
  tasksSection: string;
  planSection: string | null;
  areas: { label?: string; title: string; measures: string[]; selfBuilding?: boolean }[];
  selfBuildingSection: string | null;
  otherWork: boolean;
}

/** Figures of one report against its hand-read tree. */
export interface TreeFigures {
  areasExpected: number;
  /** Expected areas found with the same title, in order. */
  areasRight: number;
  /** Of the areas found: those whose measures match in number and title prefix. */
  measuresRight: number;
  /** Sentences of the tasks section, and those in exactly one task or in an area's own text. */
  sentences: number;
  sentencesCovered: number;
}

export interface TreeDiff {
  file: string;
  /** One readable line per difference: "area （三） 加快…: measures expected 4, got 2 […]". */
  problems: string[];
  figures: TreeFigures;
}

/** Titles compare without closing punctuation and layout spaces. */
function clean(title: string): string {
  return title.replace(/[\s\u3000]/g, '').replace(/[。；！？，、：:;,.!?]+$/, '');
}

/** A measure compares by its topic, without an enumerating 一是/1./（1） in front. */
function measureKey(title: string): string {
  return clean(title).replace(/^(?:[一二三四五六七八九十]+是|[（(]?[\d一二三四五六七八九十]+[）).、．])/, '');
}

/** The expected measure title (at least its first 6 characters) opens the parsed one, or the reverse. */
function measureMatches(expected: string, got: string): boolean {
  const want = measureKey(expected);
  const have = measureKey(got);
  const length = Math.min(Math.max(6, Math.min(want.length, have.length)), want.length);
  return have.slice(0, length) === want.slice(0, length);
}

function tasksOf(area: AreaNode): TaskNode[] {
  return [...area.tasks, ...area.measures.flatMap((measure) => measure.tasks)];
}

function inside(span: Span, outer: Span | undefined): boolean {
  return outer !== undefined && outer[0] <= span[0] && span[1] <= outer[1];
}

/**
 * Every sentence from the first area of the tasks section to the end of its last area (other work
 * included): in exactly one task, or part of an area's or measure's title, preamble, closing or asides.
 */
function coverage(tree: ReportTree, section: SectionNode, problems: string[]): [number, number] {
  const areas = section.areas;
  const numbered = areas.filter((area) => !area.unnumbered);
  const first = numbered[0];
  const last = numbered[numbered.length - 1];
  if (!first || !last) return [0, 0];
  const { text } = tree;
  const tasks = areas.flatMap(tasksOf).map((task) => task.span);
  const context: Span[] = areas.flatMap((area) => [
    area.titleSpan,
    ...(area.preamble ? [area.preamble.span] : []),
    ...(area.closing ? [area.closing.span] : []),
    ...(area.asides ?? []).map((aside) => aside.span),
    ...area.measures.map((measure) => measure.titleSpan),
  ]);
  // From the first numbered area to the end of the last, then each unnumbered area (other work
  // may follow a self-building section).
  const ranges: Span[] = [
    [first.span[0], last.span[1]],
    ...areas.filter((area) => area.unnumbered && area.span[0] >= last.span[1]).map((area) => area.span),
  ];
  let total = 0;
  let covered = 0;
  for (const [rangeStart, end] of ranges) {
    let lineStart = rangeStart;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > end) lineEnd = end;
      for (const sentence of splitSentences(text, lineStart, lineEnd)) {
        const core = withoutTerminator(text, sentence);
        // A bare "各位代表！" is a break in the speech, neither task nor text of an area.
        if (core[1] <= core[0] || /^各位(代表|委员)$/.test(text.slice(core[0], core[1]))) continue;
        total++;
        const holders = tasks.filter((span) => inside(core, span)).length;
        const isContext = context.some((span) => inside(core, span) || inside(span, core));
        if (holders === 1 || (holders === 0 && isContext)) covered++;
        else if (problems.length < 60) {
          const words = text.slice(core[0], Math.min(core[1], core[0] + 30));
          problems.push(`sentence in ${holders} tasks: "${words}…"`);
        }
      }
      lineStart = lineEnd + 1;
    }
  }
  return [total, covered];
}

/** Compare a parsed report with its hand-read tree; problems are empty when they agree. */
export function diffCorpusTree(tree: ReportTree, expected: CorpusTree): TreeDiff {
  const problems: string[] = [];
  for (const [field, want] of Object.entries(expected.meta)) {
    const got = tree.meta[field as keyof ReportMeta];
    if (got !== want)
      problems.push(`meta.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const tasksSections = tree.sections.filter((section) => section.kind === 'tasks');
  const titles = tasksSections.map((section) => section.title);
  if (titles.length !== 1 || clean(titles[0] ?? '') !== clean(expected.tasksSection)) {
    problems.push(
      `tasks section: expected ${JSON.stringify(expected.tasksSection)}, got ${JSON.stringify(titles)}`,
    );
  }
  const plans = tree.sections.filter((section) => section.kind === 'plan');
  if (expected.planSection !== null) {
    if (!plans.some((section) => clean(section.title) === clean(expected.planSection ?? ''))) {
      problems.push(
        `plan section: expected ${JSON.stringify(expected.planSection)}, got ${JSON.stringify(plans.map((section) => section.title))}`,
      );
    }
  } else if (plans.length > 0) {
    problems.push(
      `plan section: expected none, got ${JSON.stringify(plans.map((section) => section.title))}`,
    );
  }
  if (plans.some((section) => section.areas.length > 0)) problems.push('plan section has areas');
  const selfSections = tree.sections.filter((section) => section.kind === 'self-building');
  if (expected.selfBuildingSection !== null) {
    const want = clean(expected.selfBuildingSection);
    if (!selfSections.some((section) => clean(section.title) === want)) {
      problems.push(
        `self-building section: expected ${JSON.stringify(expected.selfBuildingSection)}, got ${JSON.stringify(selfSections.map((section) => section.title))}`,
      );
    }
  } else {
    const headed = selfSections.filter((section) => section.label !== undefined);
    if (headed.length > 0) problems.push(`self-building section: expected none, got ${headed[0]?.title}`);
  }

  const numbered = tree.areas.filter((area) => !area.unnumbered);
  const gotTitles = numbered.map((area) => clean(area.title));
  let areasRight = 0;
  let measuresRight = 0;
  let from = 0;
  for (const area of expected.areas) {
    const name = `area ${area.label ?? ''}${area.title}`;
    const index = gotTitles.indexOf(clean(area.title), from);
    const got = index >= 0 ? numbered[index] : undefined;
    if (!got) {
      problems.push(`${name}: missing`);
      continue;
    }
    from = index + 1;
    areasRight++;
    if (area.label !== undefined && got.label !== area.label) {
      problems.push(`${name}: label expected ${area.label}, got ${got.label ?? '(none)'}`);
    }
    if (Boolean(area.selfBuilding) !== Boolean(got.selfBuilding)) {
      problems.push(
        `${name}: selfBuilding expected ${Boolean(area.selfBuilding)}, got ${Boolean(got.selfBuilding)}`,
      );
    }
    const measures = got.measures.map((measure) => measure.title);
    const same =
      measures.length === area.measures.length &&
      area.measures.every((title, i) => measureMatches(title, measures[i] ?? ''));
    if (same) measuresRight++;
    else {
      problems.push(
        `${name}: measures expected ${area.measures.length} ${JSON.stringify(area.measures.map((title) => measureKey(title).slice(0, 8)))}, got ${measures.length} ${JSON.stringify(measures.map((title) => measureKey(title).slice(0, 8)))}`,
      );
    }
  }
  if (numbered.length !== expected.areas.length) {
    problems.push(
      `areas: expected ${expected.areas.length}, got ${numbered.length} ${JSON.stringify(numbered.map((area) => `${area.label ?? ''}${area.title.slice(0, 12)}`))}`,
    );
  }
  for (const area of tree.areas) {
    if (tasksOf(area).length === 0) problems.push(`area ${area.label ?? ''}${area.title}: no tasks`);
  }
  // Other work as the trees mean it: unnumbered task paragraphs that END the tasks section. Those
  // standing between two areas (a 民生实事 list after a break) are kept as tasks too, but are not it.
  const lastNumbered = numbered[numbered.length - 1];
  const other = tree.areas.filter(
    (area) => area.unnumbered && lastNumbered !== undefined && area.span[0] >= lastNumbered.span[1],
  );
  if (expected.otherWork !== other.length > 0) {
    problems.push(`other work: expected ${expected.otherWork}, got ${other.length} unnumbered areas`);
  }
  let sentences = 0;
  let sentencesCovered = 0;
  for (const section of tasksSections) {
    const [total, covered] = coverage(tree, section, problems);
    sentences += total;
    sentencesCovered += covered;
  }
  return {
    file: expected.file,
    problems,
    figures: { areasExpected: expected.areas.length, areasRight, measuresRight, sentences, sentencesCovered },
  };
}
