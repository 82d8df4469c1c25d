import {
  BULLETIN_GROUP_ZH,
  BULLETIN_GROUPS,
  type BulletinModel,
  type BulletinStats,
  type BulletinTask,
} from './bulletin-model.js';
import { formatChineseDate } from './division-model.js';
import { chineseOrdinal } from './target-format.js';

/** A chart image the Markdown links to, by file name relative to the Markdown file. */
export interface ChartLink {
  name: string;
  caption: string;
  file: string;
}

/**
 * Text of the report, its units or the request, as Markdown that shows it literally: HTML is
 * escaped (a task text `<img onerror=…>` must not become markup where the bulletin is rendered)
 * and link brackets are escaped too.
 */
function literal(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]])/g, '\\$1');
}

function cell(text: string | number): string {
  return literal(String(text))
    .replace(/\|/g, '｜')
    .replace(/\s*\n\s*/g, ' ');
}

function pct(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function statsTable(first: string, rows: readonly BulletinStats[], total?: BulletinStats): string[] {
  const head = [first, '任务数', ...BULLETIN_GROUPS.map((g) => BULLETIN_GROUP_ZH[g]), '完成率', '序时进度'];
  const line = (name: string, s: BulletinStats): string =>
    `| ${[name, s.total, ...BULLETIN_GROUPS.map((g) => s.counts[g]), pct(s.completion), pct(s.expected)].map(cell).join(' | ')} |`;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((s) => line(s.name, s)),
    ...(total ? [line('**合计**', total)] : []),
  ];
}

/** 主要预期目标: each indicator with its target, the figure reported and the verdict. */
function indicatorTable(model: BulletinModel): string[] {
  if (model.indicators.length === 0) return [];
  return [
    '',
    '### 主要预期目标完成情况',
    '',
    '| 主要预期目标 | 目标 | 实际 | 评价 | 牵头单位 |',
    '| --- | ---: | ---: | --- | --- |',
    ...model.indicators.map(
      (i) => `| ${[i.text, i.target, i.actual || '—', i.verdictZh, i.leadUnit].map(cell).join(' | ')} |`,
    ),
    '',
  ];
}

function groupLists(tasks: readonly BulletinTask[], withUnit: boolean): string[] {
  const out: string[] = [];
  for (const group of BULLETIN_GROUPS) {
    const own = tasks.filter((task) => task.group === group);
    if (own.length === 0) continue;
    out.push('', `**${BULLETIN_GROUP_ZH[group]}（${own.length}项）**`, '');
    for (const task of own) {
      const unit = !withUnit ? '' : task.leadUnit ? `（牵头单位：${cell(task.leadUnit)}）` : '（未分工）';
      const done = task.completion === null ? '' : `，完成${pct(Math.min(1, task.completion))}`;
      out.push(`${task.seq}. ${cell(task.task)}${unit}${done}`);
    }
  }
  return out;
}

/**
 * The 督查通报 as Markdown: heading and issue line, the summary figures, tables and chart
 * images, then per area and per lead unit the completed / on-schedule / lagging / overdue lists.
 */
export function renderBulletinMarkdown(model: BulletinModel, charts: readonly ChartLink[]): string {
  const chart = (name: string): string[] => {
    const link = charts.find((c) => c.name === name);
    return link ? ['', `![${link.caption}](${link.file})`, ''] : [];
  };
  const lines: string[] = [
    `# ${literal(model.title)}`,
    '',
    `**${literal(model.issuer)}　${model.issue}　${formatChineseDate(model.date)}**`,
    '',
    ...model.paragraphs.flatMap((p) => [literal(p), '']),
    '## 一、总体情况',
    '',
    ...statsTable('类别', [], model.summary),
    ...chart('groups'),
    ...indicatorTable(model),
    '## 二、分领域推进情况',
    '',
    ...statsTable('工作领域', model.areas, model.summary),
    ...chart('areas'),
  ];
  model.areas.forEach((area, index) => {
    lines.push(
      `### （${chineseOrdinal(index + 1)}）${literal(area.name.replace(/^[一二三四五六七八九十]+、/u, ''))}`,
    );
    lines.push(...groupLists(area.tasks, true), '');
  });
  lines.push('## 三、分单位推进情况', '', ...statsTable('牵头单位', model.units), ...chart('units'));
  for (const unit of model.units) {
    lines.push(`### ${literal(unit.name)}`, ...groupLists(unit.tasks, false), '');
  }
  lines.push(
    '## 四、下一步工作要求',
    '',
    '各牵头单位要对照任务分工和序时进度，对滞后、逾期任务逐项分析原因，明确整改措施和完成时限；' +
      '配合单位要主动对接、形成合力。督查室将持续跟踪问效，对推进不力的予以通报督办。',
    '',
  );
  return lines.join('\n');
}
