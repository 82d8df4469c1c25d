import { parseDivisionDeadline } from './deadline.js';

/**
 * Who does a task and by when, as a 分工方案 row states it: in table columns or in the
 * parenthetical after the task （牵头单位：…；配合单位：…；责任领导：…；完成时限：…）.
 */
export interface Responsibility {
  /** 牵头单位 (also 责任单位, 主办单位, "X牵头", "X负责"). */
  lead: string[];
  /** 配合单位 (also 协办单位, 参与单位, "X配合"). */
  cooperating: string[];
  /** 责任领导 (also 牵头领导, 分管区领导, 牵头市领导). */
  leaders: string[];
  /** 完成时限 as written, or null when none is given. */
  deadlineText: string | null;
}

type Field = 'lead' | 'cooperating' | 'leaders' | 'deadline';

/** Labels of the fields, longest first so that 责任区领导 is not read as 责任…. */
const LABELS: [RegExp, Field][] = [
  [/^(牵头|责任|主办|主责|主体责任|负责)(单位|部门)$/u, 'lead'],
  [/^(配合|协办|参与|协同|协助|配合参与)(单位|部门)$/u, 'cooperating'],
  [/^(责任|牵头|分管|主管|联系|包联)?(区|市|县|省|镇|乡)?(领导|负责人)$/u, 'leaders'],
  [/^(完成|办结)?(时限|时间|期限)$|^时间节点$|^进度要求$/u, 'deadline'],
];

/** Field of a column heading or parenthetical label ("牵头单位", "责任区领导"), if it names one. */
export function fieldOfLabel(label: string): Field | null {
  const compact = label.replace(/\s+/g, '');
  for (const [pattern, field] of LABELS) if (pattern.test(compact)) return field;
  return null;
}

const LABELLED = /([\u4e00-\u9fff]{2,7})[：:]/gu;

/** Verbs after a unit list that give its role: "区民政局负责", "各街道、各乡镇配合". */
const LEAD_VERB = /(牵头负责|牵头落实|牵头|主办|主责|负责落实|负责)$/u;
const COOPERATING_VERB = /(配合落实|配合实施|协助|配合|协办|参与|共同推进|按职责分工负责)$/u;

/** Endings of unit names (局, 委, 办, 街道 …), for an unlabelled list with no verb. */
export const UNIT_ENDING =
  /(局|委|委员会|办|办公室|厅|部|院|中心|所|站|队|处|科|室|馆|会|联|社|团|集团|公司|街道|乡镇|镇|乡|政府|部门|单位|分局|支队|大队|园区|管委会|平台|银行|法院|检察院)$/u;

/** Splits a list of units: 、，,；; line breaks and spaces separate them; 由 before a list is dropped. */
export function splitUnitList(text: string): string[] {
  return text
    .split(/[、，,；;\n\r\s/]+|(?:以及|及)(?=各|区|市|县)/u)
    .map((unit) =>
      unit
        .replace(/^(由|请|会同)/u, '')
        .replace(/[。.]+$/u, '')
        .trim(),
    )
    .filter((unit) => unit !== '' && unit !== '无' && unit !== '—' && unit !== '-');
}

/** Splits a list of people (责任领导): 、，, spaces and line breaks. */
function splitPeople(text: string): string[] {
  return text
    .split(/[、，,；;\n\r\s]+/u)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Reads a parenthetical or a free responsibility phrase into units, leaders and a deadline. */
export function parseResponsibility(text: string, year: number): Responsibility {
  const result: Responsibility = { lead: [], cooperating: [], leaders: [], deadlineText: null };
  const body = text.replace(/^[（(]|[）)]$/gu, '').trim();
  // Labelled fields: a label's value runs to the next label or the end of its ；-segment.
  const unlabelledParts: string[] = [];
  for (const segment of body.split(/[；;]/u)) {
    const labels = [...segment.matchAll(LABELLED)].filter((m) => fieldOfLabel(m[1] ?? '') !== null);
    unlabelledParts.push(segment.slice(0, labels[0]?.index ?? segment.length));
    labels.forEach((match, i) => {
      const start = (match.index ?? 0) + match[0].length;
      const end = labels[i + 1]?.index ?? segment.length;
      const value = segment.slice(start, end).replace(/[，,。\s]+$/u, '');
      add(result, fieldOfLabel(match[1] ?? '') as Field, value);
    });
  }
  const unlabelled = unlabelledParts.join('；');
  // Unlabelled phrases: "区文化旅游局牵头，各街道、各乡镇配合；责任领导：孙丽；年底前完成". A bare
  // list before a verb shares its role ("各街道，各乡镇配合"); one left over names the lead units.
  let pending: string[] = [];
  for (const phrase of unlabelled.split(/[；;，,]/u)) {
    const clean = phrase.replace(/^[、\s]+|[、。.\s]+$/gu, '').replace(/^由/u, '');
    if (clean === '') continue;
    const lead = LEAD_VERB.exec(clean);
    const cooperating = lead ? null : COOPERATING_VERB.exec(clean);
    const verb = lead ?? cooperating;
    if (verb) {
      const units = [...pending, ...splitUnitList(clean.slice(0, verb.index))];
      result[lead ? 'lead' : 'cooperating'].push(...units);
      pending = [];
    } else if (
      result.deadlineText === null &&
      looksLikeDeadline(clean) &&
      parseDivisionDeadline(clean, year).ok
    ) {
      result.deadlineText = clean;
    } else {
      const units = splitUnitList(clean);
      if (units.length > 0 && units.every(isUnitName)) pending.push(...units);
    }
  }
  if (pending.length > 0) result[result.lead.length === 0 ? 'lead' : 'cooperating'].push(...pending);
  return result;
}

/** A name that ends as units do (局, 委, 街道 …) or a collective (各街道, 各行业主管部门). */
export function isUnitName(name: string): boolean {
  return name.length <= 30 && (UNIT_ENDING.test(name) || /^各/u.test(name));
}

function add(result: Responsibility, field: Field, value: string): void {
  if (value.trim() === '') return;
  if (field === 'deadline') result.deadlineText = value.trim();
  else if (field === 'leaders') result.leaders.push(...splitPeople(value));
  else result[field].push(...splitUnitList(value));
}

function looksLikeDeadline(text: string): boolean {
  return /年|月|季度|长期|持续|常态化|前|底/u.test(text) && text.length <= 24;
}

/** True when a parenthetical names units or a 完成时限 (so it is the row's responsibility part). */
export function isResponsibilityText(text: string, year: number): boolean {
  const parsed = parseResponsibility(text, year);
  return (
    parsed.lead.length + parsed.cooperating.length > 0 || (parsed.leaders.length > 0 && /领导/u.test(text))
  );
}
