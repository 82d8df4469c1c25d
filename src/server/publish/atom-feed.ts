import type { Kysely } from 'kysely';
import { listNewestApprovedProgress } from '../../store/progress/list-newest-approved-progress.js';
import { listNewestPublishedReports } from '../../store/reports/list-newest-published-reports.js';
import type { Database } from '../../store/schema.js';
import { escapeHtml } from './public-pages.js';

/** One item of the public feed: a published report or an approved progress report. */
export interface FeedEntry {
  id: string;
  title: string;
  /** ISO timestamp. */
  updated: string;
  /** Path on this site ("/public/reports/1"). */
  path: string;
  summary: string;
}

/**
 * The newest published updates: reports when they were published, and approved progress
 * reports of published reports (drafts, submissions and returned reports never appear).
 */
export async function listPublishedUpdates(db: Kysely<Database>, limit = 50): Promise<FeedEntry[]> {
  const [reports, progress] = await Promise.all([
    listNewestPublishedReports(db, limit),
    listNewestApprovedProgress(db, limit),
  ]);
  const entries: FeedEntry[] = [
    ...reports.map((r) => ({
      id: `report/${r.id}`,
      title: `发布：${r.title}`,
      updated: r.published_at ?? '',
      path: `/public/reports/${r.id}`,
      summary: `${r.title} 的落实进度和一图读懂已公开。`,
    })),
    ...progress.map((p) => ({
      id: `progress/${p.id}`,
      title: `${p.unit}：${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}（${p.label}进展）`,
      updated: p.reviewed_at ?? '',
      path: `/public/reports/${p.report_id}`,
      summary: p.narrative || '已报送并通过审核。',
    })),
  ];
  return entries
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Serialises entries as an Atom 1.0 feed. `base` is the configured public URL (PUBLIC_URL)
 * without a trailing slash, or undefined: links are then relative to the feed's own address
 * (readers resolve them against it) and never built from the request's Host header, which a
 * client chooses.
 */
export function renderAtomFeed(entries: readonly FeedEntry[], publicUrl: string | undefined): string {
  const updated = entries[0]?.updated || '1970-01-01T00:00:00.000Z';
  const base = publicUrl?.replace(/\/+$/, '') ?? '';
  const host = publicUrl ? new URL(publicUrl).host : 'luoshi';
  const items = entries
    .map(
      (entry) => `<entry>
<id>tag:${escapeHtml(host)},2026:${escapeHtml(entry.id)}</id>
<title>${escapeHtml(entry.title)}</title>
<updated>${escapeHtml(entry.updated)}</updated>
<link rel="alternate" type="text/html" href="${escapeHtml(base + entry.path)}"/>
<summary>${escapeHtml(entry.summary)}</summary>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>tag:${escapeHtml(host)},2026:luoshi-feed</id>
<title>政府工作报告落实进展</title>
<updated>${escapeHtml(updated)}</updated>
<author><name>落实 luoshi</name></author>
<link rel="self" type="application/atom+xml" href="${escapeHtml(`${base}/public/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${escapeHtml(`${base}/public`)}"/>
${items}
</feed>
`;
}
