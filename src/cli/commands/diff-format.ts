import type { TargetDiff } from '../../core/diff/compare-targets.js';
import type { DiffCounts, ItemDiff, ReportDiff } from '../../core/diff/diff-reports.js';
import type { PromiseReport } from '../../core/promise/track-promises.js';

const STATUS_ZH: Record<ItemDiff['status'], string> = {
  continued: '延续',
  reworded: '调整',
  new: '新增',
  dropped: '删除',
};
const STATUS_MARK: Record<ItemDiff['status'], string> = {
  continued: '=',
  reworded: '~',
  new: '+',
  dropped: '-',
};
const MOVEMENT_ZH: Record<TargetDiff['movement'], string> = {
  raised: '提高',
  lowered: '降低',
  unchanged: '持平',
  changed: '变更',
  new: '新增',
  dropped: '取消',
};
const MOVEMENT_MARK: Record<TargetDiff['movement'], string> = {
  raised: '↑',
  lowered: '↓',
  unchanged: '=',
  changed: '≠',
  new: '+',
  dropped: '-',
};

function countsLine(counts: DiffCounts): string {
  return (['continued', 'reworded', 'new', 'dropped'] as const)
    .map((s) => `${STATUS_ZH[s]} ${counts[s]}`)
    .join(' · ');
}

/** Clip long sentences so a line stays readable in a terminal. */
function clip(text: string, max = 70): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * The diff for people: totals, then per work area the target changes and the tasks that changed
 * (continued tasks only with `all`).
 */
export function formatReportDiff(diff: ReportDiff, labels: [string, string], all: boolean): string {
  const lines: string[] = [];
  lines.push(`对比 Compare: ${labels[0]} → ${labels[1]}`);
  lines.push(`任务 Tasks: ${countsLine(diff.counts)}`);
  lines.push(
    `目标 Targets: ${(Object.keys(MOVEMENT_ZH) as TargetDiff['movement'][])
      .map((m) => `${MOVEMENT_ZH[m]} ${diff.targetCounts[m]}`)
      .join(' · ')}`,
  );
  for (const area of diff.areas) {
    const title =
      area.before && area.after && area.before.title !== area.after.title
        ? `${area.before.title} → ${area.after.title}`
        : (area.after?.title ?? `${area.before?.title}（已删除 dropped）`);
    lines.push('', `## ${title}`, `   ${countsLine(area.counts)}`);
    for (const item of area.items) {
      for (const target of item.targets) {
        if (target.movement !== 'unchanged' || all) {
          lines.push(
            `   目标${MOVEMENT_MARK[target.movement]} ${MOVEMENT_ZH[target.movement]}: ${target.summary}`,
          );
        }
      }
    }
    for (const item of area.items) {
      if (item.status === 'continued' && !all) continue;
      const mark = `${STATUS_MARK[item.status]} ${STATUS_ZH[item.status]}`;
      if (item.status === 'reworded') {
        lines.push(`   ${mark} (${item.similarity.toFixed(2)}) ${clip(item.before!.text)}`);
        lines.push(`          → ${clip(item.after!.text)}`);
      } else {
        lines.push(`   ${mark} ${clip((item.after ?? item.before)!.text)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const VERDICT_ZH: Record<PromiseReport['links'][number]['verdict'], string> = {
  met: '已完成 met',
  'not-met': '未完成 not met',
  'not-reported': '未报告 not reported',
};

/** Promise tracking for people: each target with the review sentence that reports it, side by side. */
export function formatPromiseReport(report: PromiseReport, labels: [string, string]): string {
  const lines: string[] = [];
  const linked = report.links.filter((l) => l.achievement).length;
  lines.push(`承诺兑现 Promises: ${labels[0]} → ${labels[1]}`);
  lines.push(
    `目标 ${report.links.length} 个，找到兑现表述 ${linked} 个 · 已完成 ${report.counts.met} · 未完成 ${report.counts['not-met']} · 未报告 ${report.counts['not-reported']}`,
  );
  for (const link of report.links) {
    lines.push(
      '',
      `[${VERDICT_ZH[link.verdict]}] ${link.promise.target.subject || link.promise.target.text}`,
    );
    lines.push(`   承诺 promised: ${clip(link.promise.sentence, 90)}`);
    if (link.achievement) {
      lines.push(`   兑现 reported: ${clip(link.achievement.sentence, 90)}  (${link.confidence.toFixed(2)})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
