import { badInput } from '../errors.js';
import { parseDivisionDeadline } from './deadline.js';
import { fieldOfLabel, isResponsibilityText, parseResponsibility, splitUnitList } from './responsibility.js';

/**
 * One line of a 分工方案 as a reader delivers it: a paragraph is one cell, a table row (Word or
 * Excel) its cells in order. `line` is the 1-based paragraph or sheet row, for messages.
 */
export interface DivisionSourceLine {
  line: number;
  cells: string[];
}

/** What is wrong with one row, for the office to fix before committing. */
export interface DivisionRowProblem {
  code: 'no_unit' | 'bad_deadline' | 'no_text';
  en: string;
  zh: string;
}

/** 分工方案 row: one task with its 牵头单位, 配合单位, 责任领导 and 完成时限. */
export interface DivisionRow {
  /** 1-based line (paragraph) or sheet row of the source. */
  line: number;
  /** 序号 as written ("12"), or null. */
  seq: string | null;
  /** The work-area heading above the row ("一、推动高质量发展"), or null. */
  area: string | null;
  /** The sub-heading above the row ("（一）…"), or null. */
  measure: string | null;
  text: string;
  lead: string[];
  cooperating: string[];
  leaders: string[];
  deadlineText: string | null;
  /** YYYY-MM-DD, or null for ongoing work or no deadline. */
  deadline: string | null;
  problems: DivisionRowProblem[];
}

export interface DivisionParse {
  title: string;
  /** The plan's year: from its title, else the caller's. */
  year: number;
  /** How the rows were laid out. */
  layout: 'table' | 'paragraphs';
  rows: DivisionRow[];
}

type Column = 'seq' | 'text' | 'lead' | 'cooperating' | 'leaders' | 'deadline';

/** Task column headings: 重点任务, 工作任务, 主要任务, 任务内容, 具体措施 …. */
const TASK_HEADING =
  /^(重点|工作|主要|具体|目标)?(任务|工作|措施|事项)(内容|事项|名称|举措)?$|^(任务|工作)(分解|内容)$/u;
const SEQ_HEADING = /^(序号|编号|序)$/u;
/** 一、 or （一） or 一是 at the start of a heading. */
const AREA_LABEL = /^([一二三四五六七八九十百]+)[、.．]/u;
const MEASURE_LABEL = /^[（(]([一二三四五六七八九十百]+)[）)]/u;
const NUMBERED = /^(\d{1,4})[.、．)）]\s*(?!\d)/u;
const TITLE_WORDS = /分工方案|分工|任务清单|责任分解|任务分解|台账|方案|清单/u;
const YEAR = /((?:19|20)\d{2})年/u;
/** A trailing parenthetical: the last （…） of a line, before its final punctuation. */
const TRAILING_PARENS = /[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)][。.；;]?\s*$/u;

/** Normalises a cell: trims, and collapses runs of spaces (line breaks are kept for unit lists). */
function cellText(cell: string): string {
  return cell.replace(/[ \t\u3000\u00a0]+/gu, ' ').trim();
}

/** The distinct non-empty cells of a line (a row merged across shows one text, often repeated). */
function distinctCells(cells: readonly string[]): string[] {
  return [...new Set(cells.map(cellText).filter(Boolean))];
}

function headerColumns(cells: readonly string[]): Map<Column, number> | null {
  const columns = new Map<Column, number>();
  cells.forEach((raw, index) => {
    const cell = raw.replace(/\s+/g, '');
    let column: Column | null = null;
    if (SEQ_HEADING.test(cell)) column = 'seq';
    else if (TASK_HEADING.test(cell)) column = 'text';
    else column = fieldOfLabel(cell);
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns.has('text') && (columns.has('lead') || columns.has('cooperating')) ? columns : null;
}

/**
 * Reads a 分工方案 — a table (Word or Excel: 序号 | 重点任务 | 牵头单位 | 配合单位 | 责任领导 |
 * 完成时限, header names in their usual variants, area rows merged across) or numbered paragraphs,
 * each ending in a parenthetical that names its units, leaders and deadline — into rows in document
 * order. Throws `not_division_plan` when the text has neither shape.
 */
export function parseDivisionPlan(
  lines: readonly DivisionSourceLine[],
  options: { year: number },
): DivisionParse {
  const title = findTitle(lines);
  const year = Number(YEAR.exec(title)?.[1] ?? options.year);
  const headerAt = lines.findIndex((line) => line.cells.length >= 2 && headerColumns(line.cells) !== null);
  const rows =
    headerAt >= 0
      ? tableRows(lines.slice(headerAt + 1), headerColumns(lines[headerAt]?.cells ?? []) ?? new Map(), year)
      : paragraphRows(lines, year);
  if (rows.length === 0 || rows.every((row) => row.lead.length + row.cooperating.length === 0)) {
    throw badInput(
      'not_division_plan',
      'This is not a 分工方案: no table with 任务 and 牵头单位/责任单位 columns, and no numbered task naming its units (（牵头单位：…） or （…负责）)',
      '该文件不是重点任务分工方案：既没有含“任务”和“牵头单位/责任单位”列的表格，也没有注明责任单位的编号任务（如“（牵头单位：…）”或“（…负责）”）',
    );
  }
  for (const row of rows) checkRow(row, year);
  return { title, year, layout: headerAt >= 0 ? 'table' : 'paragraphs', rows };
}

function findTitle(lines: readonly DivisionSourceLine[]): string {
  const first = lines.slice(0, 15).map((line) => distinctCells(line.cells));
  const single = first.filter((cells) => cells.length === 1).map((cells) => cells[0] as string);
  return single.find((text) => TITLE_WORDS.test(text) && text.length <= 80) ?? single[0] ?? '';
}

function emptyRow(
  line: number,
  seq: string | null,
  area: string | null,
  measure: string | null,
): DivisionRow {
  return {
    line,
    seq,
    area,
    measure,
    text: '',
    lead: [],
    cooperating: [],
    leaders: [],
    deadlineText: null,
    deadline: null,
    problems: [],
  };
}

function tableRows(
  lines: readonly DivisionSourceLine[],
  columns: Map<Column, number>,
  year: number,
): DivisionRow[] {
  const rows: DivisionRow[] = [];
  let area: string | null = null;
  let measure: string | null = null;
  const get = (cells: readonly string[], column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : cellText(cells[index] ?? '');
  };
  for (const { line, cells } of lines) {
    const distinct = distinctCells(cells);
    if (distinct.length === 0) continue;
    if (headerColumns(cells) !== null) continue; // the header repeated on a new page
    const seq = get(cells, 'seq');
    if (distinct.length === 1 && !/^\d+$/u.test(seq)) {
      const heading = (distinct[0] as string).replace(/\s+/g, '');
      if (MEASURE_LABEL.test(heading)) measure = heading;
      else {
        area = heading;
        measure = null;
      }
      continue;
    }
    const row = emptyRow(line, seq || null, area, measure);
    row.text = get(cells, 'text').replace(/\s+/g, '');
    row.lead = splitUnitList(get(cells, 'lead'));
    row.cooperating = splitUnitList(get(cells, 'cooperating')).filter((unit) => !row.lead.includes(unit));
    row.leaders = get(cells, 'leaders')
      .split(/[、，,；;\s]+/u)
      .filter(Boolean);
    row.deadlineText = get(cells, 'deadline').replace(/\s+/g, '') || null;
    // A task cell may carry its own parenthetical even inside a table.
    if (row.lead.length + row.cooperating.length === 0) absorbParenthetical(row, year);
    rows.push(row);
  }
  return rows;
}

function paragraphRows(lines: readonly DivisionSourceLine[], year: number): DivisionRow[] {
  const rows: DivisionRow[] = [];
  let area: string | null = null;
  let measure: string | null = null;
  for (const { line, cells } of lines) {
    const text = distinctCells(cells).join('').replace(/\s+/g, '');
    if (text === '') continue;
    const numbered = NUMBERED.exec(text);
    const parens = TRAILING_PARENS.exec(text);
    const responsible = parens !== null && isResponsibilityText(parens[1] ?? '', year);
    const previous = rows[rows.length - 1];
    // A responsibility line of its own under the task it belongs to: "（牵头单位：区发改委）".
    if (
      !numbered &&
      previous &&
      previous.lead.length + previous.cooperating.length === 0 &&
      (responsible ? parens?.index === 0 : /^(牵头|责任|主办)(单位|部门)[：:]/u.test(text))
    ) {
      const parsed = parseResponsibility(text, year);
      Object.assign(previous, {
        lead: parsed.lead,
        cooperating: parsed.cooperating,
        leaders: parsed.leaders,
        deadlineText: parsed.deadlineText,
      });
      continue;
    }
    if (!numbered && !responsible) {
      if (AREA_LABEL.test(text) && text.length <= 60) {
        area = text;
        measure = null;
      } else if (MEASURE_LABEL.test(text) && text.length <= 60) measure = text;
      continue;
    }
    const row = emptyRow(line, numbered ? (numbered[1] as string) : null, area, measure);
    row.text = numbered ? text.slice(numbered[0].length) : text;
    absorbParenthetical(row, year);
    rows.push(row);
  }
  return rows;
}

/** Moves a row text's trailing responsibility parenthetical into its fields. */
function absorbParenthetical(row: DivisionRow, year: number): void {
  const parens = TRAILING_PARENS.exec(row.text);
  if (!parens || !isResponsibilityText(parens[1] ?? '', year)) return;
  const parsed = parseResponsibility(parens[1] ?? '', year);
  row.text = row.text.slice(0, parens.index).replace(/[。；;，,\s]+$/u, '');
  row.lead = parsed.lead;
  row.cooperating = parsed.cooperating.filter((unit) => !parsed.lead.includes(unit));
  row.leaders = parsed.leaders;
  row.deadlineText ??= parsed.deadlineText;
}

function checkRow(row: DivisionRow, year: number): void {
  row.text = row.text.replace(/[。；;\s]+$/u, '');
  const at = row.seq ? `第 ${row.line} 行（序号 ${row.seq}）` : `第 ${row.line} 行`;
  if (row.text === '')
    row.problems.push({ code: 'no_text', en: `Row ${row.line} has no task text`, zh: `${at}没有任务内容` });
  if (row.lead.length + row.cooperating.length === 0) {
    row.problems.push({
      code: 'no_unit',
      en: `Row ${row.line}${row.seq ? ` (No. ${row.seq})` : ''} names no unit`,
      zh: `${at}未注明牵头或配合单位`,
    });
  }
  if (row.deadlineText !== null) {
    const deadline = parseDivisionDeadline(row.deadlineText, year);
    if (deadline.ok) row.deadline = deadline.date;
    else
      row.problems.push({
        code: 'bad_deadline',
        en: `Row ${row.line}: unreadable deadline "${row.deadlineText}"`,
        zh: `${at}的完成时限“${row.deadlineText}”无法识别`,
      });
  }
}
