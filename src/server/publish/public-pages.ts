import { targetCompletion } from '../../core/status/completion.js';
import {
  BULLETIN_GROUP_ZH,
  BULLETIN_GROUPS,
  type BulletinGroup,
  groupOf,
} from '../../render/bulletin-model.js';
import { formatChineseDate, plainTitle } from '../../render/division-model.js';
import { eachTask, type ReportView } from '../../render/report-view.js';
import { chineseOrdinal, formatReportedValue, formatTarget } from '../../render/target-format.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const GROUP_COLOR: Record<BulletinGroup, string> = {
  completed: '#2e7d32',
  'on-schedule': '#1565c0',
  lagging: '#e0a800',
  overdue: '#c62828',
};

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif;
background:#fff8f0;color:#2b2b2b;line-height:1.6}header{background:linear-gradient(#c62828,#b71c1c);color:#fff;
padding:24px 16px 20px;text-align:center}header h1{margin:0;font-size:1.5rem}header p{margin:6px 0 0;color:#f7d774}
main{max-width:960px;margin:0 auto;padding:12px}section{background:#fff;border:1px solid #f1d5d5;border-radius:12px;
padding:14px 16px;margin:12px 0}h2{font-size:1.15rem;margin:0 0 8px;color:#b71c1c}.meta{color:#666;font-size:.9rem}
.bar{position:relative;height:12px;background:#eef2f7;border-radius:6px;margin:6px 0}.bar i{display:block;height:100%;
background:#1565c0;border-radius:6px}.bar b{position:absolute;top:-4px;width:3px;height:20px;background:#c62828}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.counts span{padding:2px 10px;border-radius:12px;color:#fff;
font-size:.85rem}table{width:100%;border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #eee;
padding:6px 4px;text-align:left;vertical-align:top}th{color:#666;font-weight:normal;white-space:nowrap}
.n{text-align:right;white-space:nowrap}
a{color:#b71c1c}nav{display:flex;flex-wrap:wrap;gap:12px;justify-content:center;margin:8px 0}
img.infographic{width:100%;max-width:1080px;display:block;margin:0 auto;border-radius:8px}
footer{text-align:center;color:#888;font-size:.8rem;padding:16px}`;

/** A complete HTML document: phone-first viewport, inline styles, no scripts. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style>${head}</head><body>${body}
<footer>落实 luoshi · 仅展示已发布的数据</footer></body></html>`;
}

function percent(ratio: number): string {
  return `${Math.round(Math.min(1, Math.max(0, ratio)) * 100)}%`;
}

function bar(completion: number, expected: number): string {
  return (
    `<div class="bar" role="img" aria-label="完成 ${percent(completion)}，序时进度 ${percent(expected)}">` +
    `<i style="width:${percent(completion)}"></i><b style="left:calc(${percent(expected)} - 1px)"></b></div>`
  );
}

function counts(groups: Record<BulletinGroup, number>): string {
  return `<div class="counts">${BULLETIN_GROUPS.map(
    (g) => `<span style="background:${GROUP_COLOR[g]}">${BULLETIN_GROUP_ZH[g]} ${groups[g]}</span>`,
  ).join('')}</div>`;
}

/** The public index: every published report (titled as in the web app) with links to its pages. */
export function renderPublicIndex(
  reports: { id: number; title: string; year: number | null; place: string | null }[],
): string {
  const items = reports
    .map(
      (r) =>
        `<section><h2>${escapeHtml(r.title)}</h2><p class="meta">${escapeHtml(
          [r.place, r.year ? `${r.year}年` : ''].filter(Boolean).join(' · '),
        )}</p><nav><a href="/public/reports/${r.id}">落实进度</a><a href="/public/reports/${r.id}/infographic">一图读懂</a></nav></section>`,
    )
    .join('');
  return htmlPage(
    '政府工作报告落实情况',
    `<header><h1>政府工作报告落实情况</h1><p>公开信息</p></header><main>${
      items || '<section><p>暂无已发布的报告。</p></section>'
    }<nav><a href="/public/feed.atom">订阅更新（Atom）</a></nav></main>`,
    '<link rel="alternate" type="application/atom+xml" title="落实进展" href="/public/feed.atom">',
  );
}

/**
 * The public progress page of one report: overall and per-area completion against 序时进度,
 * group counts, and each quantitative target with its latest approved value.
 */
export function renderProgressPage(reportId: number, view: ReportView, at: string): string {
  const tasks = [...eachTask(view)];
  const tally = (list: typeof tasks) => {
    const groups: Record<BulletinGroup, number> = { completed: 0, 'on-schedule': 0, lagging: 0, overdue: 0 };
    let completion = 0;
    let expected = 0;
    for (const { task } of list) {
      groups[groupOf(task)] += 1;
      completion += Math.min(1, task.status?.completion ?? 0);
      expected += task.status?.expected ?? 0;
    }
    const n = list.length || 1;
    return { groups, completion: completion / n, expected: expected / n };
  };
  const dates = tasks.flatMap(({ task }) => (task.progress?.reportedAt ? [task.progress.reportedAt] : []));
  const updated = dates.length > 0 ? dates.sort().at(-1) : undefined;
  const overall = tally(tasks);
  // The report's own title, as the web app and the feed show it.
  const title = view.meta.title;
  const areas = view.areas
    .map((area, index) => {
      const own = tasks.filter((t) => t.areaIndex === index);
      const stats = tally(own);
      const rows = own
        .flatMap(({ task }) =>
          task.analysis.targets.map((target, i) => {
            const shown = formatTarget(target);
            const value = task.progress?.targetValues?.[i];
            const done = targetCompletion(target, value);
            return `<tr><td>${escapeHtml(target.subject || target.text)}</td><td class="n">${escapeHtml(
              `${shown.prefix}${shown.number}${shown.unit}`,
            )}</td><td class="n">${
              value === undefined || value === null ? '—' : escapeHtml(formatReportedValue(target, value))
            }</td><td class="n">${done === null ? '—' : percent(done)}</td></tr>`;
          }),
        )
        .join('');
      const table = rows
        ? `<table><thead><tr><th>量化目标</th><th class="n">目标值</th><th class="n">最新完成值</th><th class="n">完成率</th></tr></thead><tbody>${rows}</tbody></table>`
        : '';
      return `<section id="area-${index + 1}"><h2>${chineseOrdinal(index + 1)}、${escapeHtml(area.title)}</h2>
<p class="meta">${own.length} 项任务 · 完成 ${percent(stats.completion)} · 序时进度 ${percent(stats.expected)}</p>
${bar(stats.completion, stats.expected)}${counts(stats.groups)}${table}</section>`;
    })
    .join('');
  return htmlPage(
    `${title} · 落实进度`,
    `<header><h1>${escapeHtml(title)}</h1><p>落实进度 · ${
      updated ? `数据更新至 ${escapeHtml(formatChineseDate(updated))}` : '尚无已审核的进展'
    }</p></header><main>
<section><h2>总体情况</h2><p class="meta">截至 ${escapeHtml(formatChineseDate(at))}，${tasks.length} 项任务，平均完成 ${percent(
      overall.completion,
    )}，序时进度 ${percent(overall.expected)}</p>${bar(overall.completion, overall.expected)}${counts(overall.groups)}
<nav><a href="/public/reports/${reportId}/infographic">一图读懂</a><a href="/public/feed.atom">订阅更新</a></nav></section>
${areas}</main>`,
    '<link rel="alternate" type="application/atom+xml" title="落实进展" href="/public/feed.atom">',
  );
}

/**
 * The public 一图读懂 page: the long image, responsive, with SVG and PNG downloads. Its heading is
 * 一图读懂, so the title below it leaves those words out.
 */
export function renderInfographicPage(reportId: number, view: ReportView): string {
  const title = plainTitle(view.meta.title);
  return htmlPage(
    `一图读懂 · ${title}`,
    `<header><h1>一图读懂</h1><p>${escapeHtml(title)}</p></header><main>
<nav><a href="/public/reports/${reportId}/infographic.png" download>下载长图（PNG）</a>
<a href="/public/reports/${reportId}/infographic.svg" download>下载矢量图（SVG）</a>
<a href="/public/reports/${reportId}">落实进度</a></nav>
<img class="infographic" src="/public/reports/${reportId}/infographic.svg" alt="一图读懂 ${escapeHtml(title)}"></main>`,
  );
}
