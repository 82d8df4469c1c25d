import type { Dashboard } from '../api/types.js';

type DashboardArea = Dashboard['areas'][number];

/** One bar of the 各领域进度 chart. */
export interface AreaBar {
  /** The short name the axis shows: the number and the area's topic ("一、高水平推进城市建设"). */
  name: string;
  /** The full title, for the tooltip. */
  title: string;
  /** Completion and 序时进度 in percent; null for an area without tasks the reader sees. */
  completion: number | null;
  expected: number | null;
  /** The reader has no task in this area (a unit's people see only their unit's tasks). */
  empty: boolean;
}

const percent = (ratio: number | null): number | null =>
  ratio === null ? null : Math.round(ratio * 1000) / 10;

/**
 * The short name of a work area: its number and the last clause of its title, which names the
 * field ("坚持以副辅主，高水平推进城市建设" → "一、高水平推进城市建设"); a title of one clause stays whole.
 */
export function areaShortName(area: Pick<DashboardArea, 'label' | 'title'>): string {
  const clauses = area.title.split(/[，,；;：:]/u).filter((c) => c.trim() !== '');
  const topic = (clauses[clauses.length - 1] ?? area.title).trim();
  const number = area.label?.replace(/[、.．\s]+$/u, '') ?? '';
  return number ? `${number}、${topic}` : topic;
}

/**
 * The bars of the 各领域进度 chart. An area without tasks in the reader's view has neither bar
 * nor 序时进度 point (not 0%), so the expected line runs over the reader's tasks only.
 */
export function areaBars(areas: readonly DashboardArea[]): AreaBar[] {
  return areas.map((area) => {
    const empty = area.status.total === 0;
    return {
      name: areaShortName(area),
      title: area.title,
      completion: empty ? null : percent(area.status.completion ?? 0),
      expected: empty ? null : percent(area.status.expected),
      empty,
    };
  });
}
