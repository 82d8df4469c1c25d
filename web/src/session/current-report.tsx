import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { listReports } from '../api/client.js';
import type { ReportSummary } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useSession } from './session.js';

interface CurrentReport {
  /** All reports, newest first; undefined while loading. */
  reports: ReportSummary[] | undefined;
  /** The report the pages show: `?report=ID` when given, else the newest one. */
  reportId: string | null;
  /** The `?report=` value to carry along in links (null when the default is shown). */
  reportParam: string | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const CurrentReportContext = createContext<CurrentReport | null>(null);

/** Loads the report list once for the whole app and resolves which report is shown. */
export function CurrentReportProvider({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const list = useApi('reports', listReports);
  useReloadOnSignIn(list.reload);
  const reportParam = params.get('report');
  const reports = list.data;
  const first = reports?.[0];
  const reportId = reportParam ?? (first ? String(first.id) : null);
  const value = useMemo<CurrentReport>(
    () => ({
      reports,
      reportId,
      reportParam,
      loading: list.status === 'loading',
      error: list.error,
      reload: list.reload,
    }),
    [reports, reportId, reportParam, list.status, list.error, list.reload],
  );
  return <CurrentReportContext.Provider value={value}>{children}</CurrentReportContext.Provider>;
}

/**
 * Calls `reload` when who is signed in changes after the session is known (sign-in, sign-out,
 * a one-time password replaced): the reports a reader may see depend on their organisation, so
 * the list read at the sign-in page (the visitor's) is not the signed-in user's.
 */
function useReloadOnSignIn(reload: () => void): void {
  const { user } = useSession();
  const reader =
    user === undefined ? undefined : `${user?.id ?? 'visitor'}:${user?.mustChangePassword ?? false}`;
  const shown = useRef(reader);
  useEffect(() => {
    if (reader === undefined || reader === shown.current) return;
    const first = shown.current === undefined;
    shown.current = reader;
    if (!first) reload();
  }, [reader, reload]);
}

/** The report list and the id of the report being shown. */
export function useCurrentReport(): CurrentReport {
  const current = useContext(CurrentReportContext);
  if (!current) throw new Error('useCurrentReport must be used inside <CurrentReportProvider>');
  return current;
}

/** Appends `?report=` to an app path so navigation keeps the chosen report. */
export function withReport(path: string, reportParam: string | null): string {
  return reportParam ? `${path}?report=${encodeURIComponent(reportParam)}` : path;
}
