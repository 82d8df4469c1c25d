import type { AreaNode, MeasureNode, ReportTree, Span, TaskNode } from '../core/report-tree.js';
import type { CorpusPools } from './corpus-pools.js';
import type { Random } from './random.js';

const AREA_LABELS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function measureLabel(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 9) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  return String(n);
}

export interface SynthReportInput {
  /** The government: 广东省, 广州市… */
  place: string;
  year: number;
  tasks: number;
}

export interface SynthReport {
  tree: ReportTree;
  /** The Markdown document the tree describes (what a user would have uploaded). */
  bytes: Uint8Array;
  fileName: string;
}

/**
 * A synthetic 政府工作报告 of `tasks` tasks built from real corpus headings and sentences:
 * 8–12 work areas (一、), each with measures (（一）) of up to ~25 tasks. The Markdown text and
 * the tree are built together, so every span points at the words it claims.
 */
export function synthesizeReport(input: SynthReportInput, pools: CorpusPools, random: Random): SynthReport {
  const title = `${input.year}年${input.place}政府工作报告`;
  const parts: string[] = [];
  let length = 0;
  const write = (piece: string): Span => {
    const span: Span = [length, length + piece.length];
    parts.push(piece);
    length += piece.length;
    return span;
  };
  write(`# ${title}\n\n`);
  const sectionStart = length;
  const sectionTitleSpan = write(`${input.year}年重点工作\n\n`);

  const areaCount = Math.max(
    1,
    Math.min(AREA_LABELS.length, Math.round(input.tasks / 100) || 1, random.int(8, 12)),
  );
  const measuresTotal = Math.max(areaCount, Math.ceil(input.tasks / 20));
  const areas: AreaNode[] = [];
  let tasksLeft = input.tasks;
  let measuresLeft = measuresTotal;
  for (let a = 0; a < areaCount; a++) {
    const areaStart = length;
    const label = `${AREA_LABELS[a]}、`;
    const areaTitle = random.pick(pools.areaTitles);
    write('## ');
    const titleSpan = write(`${label}${areaTitle}`);
    write('\n\n');
    const areaMeasures = Math.max(1, Math.round(measuresLeft / (areaCount - a)));
    measuresLeft -= areaMeasures;
    const areaTasks = Math.round(tasksLeft / (areaCount - a));
    tasksLeft -= areaTasks;
    const measures: MeasureNode[] = [];
    let areaTasksLeft = areaTasks;
    for (let m = 0; m < areaMeasures; m++) {
      const measureStart = length;
      const mLabel = `（${measureLabel(m + 1)}）`;
      const mTitle = random.pick(pools.measureTitles);
      write('### ');
      const mTitleSpan = write(`${mLabel}${mTitle}`);
      write('\n\n');
      const count = Math.round(areaTasksLeft / (areaMeasures - m));
      areaTasksLeft -= count;
      const tasks: TaskNode[] = [];
      for (let t = 0; t < count; t++) {
        const text = random.pick(pools.tasks);
        tasks.push({ kind: 'task', text, span: write(text) });
        write(/[。；！？]$/.test(text) ? '' : '。');
      }
      write('\n\n');
      measures.push({
        kind: 'measure',
        label: mLabel,
        title: mTitle,
        span: [measureStart, length],
        titleSpan: mTitleSpan,
        tasks,
      });
    }
    areas.push({
      kind: 'area',
      label,
      title: areaTitle,
      span: [areaStart, length],
      titleSpan,
      measures,
      tasks: [],
    });
  }
  const text = parts.join('');
  const tree: ReportTree = {
    text,
    meta: { title, year: input.year, place: input.place },
    sections: [
      {
        kind: 'tasks',
        title: text.slice(sectionTitleSpan[0], sectionTitleSpan[1]).trim(),
        span: [sectionStart, length],
        areas,
        paragraphs: [],
      },
    ],
    areas,
  };
  return { tree, bytes: new TextEncoder().encode(text), fileName: `${title}.md` };
}
