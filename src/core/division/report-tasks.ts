/** The parts of a report tree (parsed or stored) that give tasks their place. */
export interface TaskTreeLike<T> {
  /** A parsed tree's 主要预期目标. */
  indicators?: { tasks: readonly T[] } | undefined;
  areas: readonly {
    label?: string | null | undefined;
    title: string;
    /** A stored tree keeps the 主要预期目标 as an area flagged so, listed first. */
    indicators?: boolean | undefined;
    tasks: readonly T[];
    measures: readonly { label?: string | null | undefined; title: string; tasks: readonly T[] }[];
  }[];
}

/** A task of a report with the place `luoshi extract` gives it. */
export interface IndexedTask<T> {
  /** "0.k" for a 主要预期目标, else "area.task" or "area.measure.task", as `luoshi extract` prints it. */
  index: string;
  /** ["主要预期目标"], or the work area (and measure) headings with their labels. */
  path: string[];
  task: T;
  /** The work area's title (none for the 主要预期目标). */
  areaTitle: string | undefined;
}

/** The path of the year's headline indicators. */
export const INDICATORS_PATH = '主要预期目标';

/**
 * The report's tasks in the order and with the `index` values that `luoshi extract` prints: the
 * 主要预期目标 first (0.1, 0.2 …), then each work area's own tasks, then its measures' tasks.
 * Works on a parsed tree and on a stored one.
 */
export function listIndexedTasks<T>(tree: TaskTreeLike<T>): IndexedTask<T>[] {
  const list: IndexedTask<T>[] = [];
  const indicator = (task: T) =>
    list.push({ index: `0.${list.length + 1}`, path: [INDICATORS_PATH], task, areaTitle: undefined });
  for (const task of tree.indicators?.tasks ?? []) indicator(task);
  let areaNumber = 0;
  for (const area of tree.areas) {
    if (area.indicators) {
      for (const task of [...area.tasks, ...area.measures.flatMap((m) => m.tasks)]) indicator(task);
      continue;
    }
    areaNumber += 1;
    const areaName = `${area.label ?? ''}${area.title}`;
    for (const [taskIndex, task] of area.tasks.entries()) {
      list.push({ index: `${areaNumber}.${taskIndex + 1}`, path: [areaName], task, areaTitle: area.title });
    }
    for (const [measureIndex, measure] of area.measures.entries()) {
      for (const [taskIndex, task] of measure.tasks.entries()) {
        list.push({
          index: `${areaNumber}.${measureIndex + 1}.${taskIndex + 1}`,
          path: [areaName, `${measure.label ?? ''}${measure.title}`],
          task,
          areaTitle: area.title,
        });
      }
    }
  }
  return list;
}
