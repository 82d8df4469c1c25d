import type { ApiClient } from './api-client.js';

/** A task of GET /api/reports/:id with what the office-screen tests read. */
export interface TreeTask {
  id: number;
  text: string;
  targets: {
    id: number;
    value: number;
    max: number | null;
    unit: string;
    subject: string;
    comparator: string;
  }[];
  assignments: { unitName: string; role: string; leadOfficial: string | null; deadline: string | null }[];
}
export interface TreeArea {
  id: number;
  label: string | null;
  title: string;
  measures: { id: number; label: string | null; title: string; tasks: TreeTask[] }[];
  tasks: TreeTask[];
  /** Set on the block of 主要预期目标, listed first. */
  indicators?: true;
}
export interface ReportTree {
  id: number;
  title: string;
  areas: TreeArea[];
}

/** A report with its tree: the newest one, or `reportId`. */
export async function loadReport(api: ApiClient, reportId?: number | string): Promise<ReportTree> {
  const id = reportId ?? (await api.json<{ reports: { id: number }[] }>('/api/reports')).reports[0]?.id;
  if (id === undefined) throw new Error('no report loaded');
  return api.json<ReportTree>(`/api/reports/${id}`);
}

/** Every task of a report tree, in reading order. */
export function reportTasks(report: ReportTree): TreeTask[] {
  return report.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]);
}
