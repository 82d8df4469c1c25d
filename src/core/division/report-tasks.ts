/** The parts of a report tree (parsed or stored) that give tasks their place. */
export interface TaskTreeLike<T> {
  areas: readonly {
    label?: string | null | undefined;
    title: string;
    tasks: readonly T[];
    measures: readonly { label?: string | null | undefined; title: string; tasks: readonly T[] }[];
  }[];
}

/** A task of a report with the place `luoshi extract` gives it. */
export interface IndexedTask<T> {
  /** "area.task" or "area.measure.task", 1-based, as `luoshi extract REPORT` prints it. */
  index: string;
  /** Work area (and measure) headings, with their labels. */
  path: string[];
  task: T;
  areaTitle: string;
}

/**
 * The report's tasks in the order and with the `index` values that `luoshi extract` prints: each
 * work area's own tasks, then its measures' tasks. Works on a parsed tree and on a stored one.
 */
export function listIndexedTasks<T>(tree: TaskTreeLike<T>): IndexedTask<T>[] {
  const list: IndexedTask<T>[] = [];
  for (const [areaIndex, area] of tree.areas.entries()) {
    const areaName = `${area.label ?? ''}${area.title}`;
    for (const [taskIndex, task] of area.tasks.entries()) {
      list.push({
        index: `${areaIndex + 1}.${taskIndex + 1}`,
        path: [areaName],
        task,
        areaTitle: area.title,
      });
    }
    for (const [measureIndex, measure] of area.measures.entries()) {
      for (const [taskIndex, task] of measure.tasks.entries()) {
        list.push({
          index: `${areaIndex + 1}.${measureIndex + 1}.${taskIndex + 1}`,
          path: [areaName, `${measure.label ?? ''}${measure.title}`],
          task,
          areaTitle: area.title,
        });
      }
    }
  }
  return list;
}
