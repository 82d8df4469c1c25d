import type { StoredReportTree } from '../../store/reports/get-report-tree.js';
import type { ReportSummary } from '../../store/reports/list-reports.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain page listing the first report's work areas, shown when web/dist was not built. */
export function renderFallbackPage(tree: StoredReportTree | null, reports: readonly ReportSummary[]): string {
  const body = tree
    ? `<h1>${escapeHtml(tree.report.title)}</h1>
<ol class="areas">
${tree.areas
  .map(
    (a) =>
      `<li><strong>${escapeHtml(a.title)}</strong> <small>${a.measures.length} 项举措 · ${
        a.measures.reduce((n, m) => n + m.tasks.length, 0) + a.tasks.length
      } 项任务</small></li>`,
  )
  .join('\n')}
</ol>
${
  reports.length > 1
    ? `<h2>全部报告 All reports</h2><ul>${reports.map((r) => `<li>${escapeHtml(r.title)}</li>`).join('')}</ul>`
    : ''
}`
    : '<h1>落实 luoshi</h1><p>尚未导入报告。No report imported yet: run <code>luoshi import FILE</code>.</p>';
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tree ? escapeHtml(tree.report.title) : '落实 luoshi'}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.6}small{color:#666}</style>
</head>
<body>
${body}
<p><small>网页应用尚未构建（npm run build:web）；接口文档见 <a href="/api/docs">/api/docs</a>。
The web app is not built; the API reference is at <a href="/api/docs">/api/docs</a>.</small></p>
</body>
</html>
`;
}
